// The copy of the directory kept on this device for offline use, in IndexedDB: the directory
// worker writes it off the page's thread, and the page reads it only when the network fails.
import type { Meta } from '@fiveways/shared';
import type { SavedDirectory } from './types.ts';

const DB_NAME = 'fiveways-kiosk';
const STORE = 'directory';
const KEY = 'saved';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB would not open'));
  });
}

/** Replaces the saved copy; resolves once it is on disk. */
export async function writeSavedDirectory(saved: SavedDirectory): Promise<void> {
  const db = await openDatabase();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(saved, KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('The saved copy was not written'));
      tx.onabort = () => reject(tx.error ?? new Error('The saved copy was not written'));
    });
  } finally {
    db.close();
  }
}

/** The saved copy, or null when there is none (or it cannot be read). */
export async function readSavedDirectory(): Promise<SavedDirectory | null> {
  try {
    const db = await openDatabase();
    try {
      const saved = await new Promise<unknown>((resolve, reject) => {
        const request = db.transaction(STORE).objectStore(STORE).get(KEY);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('The saved copy was not read'));
      });
      return isSavedDirectory(saved) ? withMetaOfNow(saved) : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Copies saved by earlier versions hold dataVersion as '' and no updatedAt: read them as now; and
 * no publicUrl: the address this kiosk was opened at is all there is until the next refresh.
 */
function withMetaOfNow(saved: SavedDirectory): SavedDirectory {
  const meta: Partial<Record<keyof Meta, unknown>> = saved.meta;
  const current =
    typeof meta.dataVersion === 'number' &&
    meta.updatedAt !== undefined &&
    typeof meta.publicUrl === 'string';
  if (current) return saved;
  return {
    ...saved,
    meta: {
      ...saved.meta,
      dataVersion: typeof meta.dataVersion === 'number' ? meta.dataVersion : 0,
      updatedAt: typeof meta.updatedAt === 'string' ? meta.updatedAt : null,
      publicUrl: typeof meta.publicUrl === 'string' ? meta.publicUrl : location.origin,
    },
  };
}

function isSavedDirectory(value: unknown): value is SavedDirectory {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<Record<keyof SavedDirectory, unknown>>;
  return (
    Array.isArray(v.sessions) &&
    Array.isArray(v.venues) &&
    typeof v.fetchedAt === 'string' &&
    typeof v.meta === 'object' &&
    v.meta !== null
  );
}
