/**
 * Rendered read-side output (feeds, JSON payloads) kept until the next write.
 * Every write calls `invalidate()`, saying what it changed when it knows; readers call
 * `memo(key, build)`. Memos are dropped on every write; longer-lived stores (sessions, rendered
 * events) listen and drop only what the change touched.
 */
export interface DataChange {
  /** Sessions created, edited, archived or with an occurrence changed. */
  sessions?: readonly number[];
  /** Venues created or edited (their sessions show their name, address and area). */
  venues?: readonly string[];
}

/** A change listener: `null` means anything may have changed. */
export type ChangeListener = (change: DataChange | null) => void;

export interface ReadCache {
  /** Rises by one on every write; part of every ETag. */
  version(): number;
  /**
   * Call after every committed write. With no argument, anything may have changed (the safe
   * default). `{}` says no session or venue changed (a group, an area, an account).
   */
  invalidate(change?: DataChange): void;
  memo<T>(key: string, build: () => T): T;
  /** Hears every invalidation, before readers can see the new version. */
  subscribe(listener: ChangeListener): void;
}

/** Memos kept at most; past this the oldest goes (query strings are the client's to vary). */
const MAX_MEMOS = 5000;

export function createReadCache(): ReadCache {
  let version = 1;
  let entries = new Map<string, unknown>();
  const listeners: ChangeListener[] = [];
  return {
    version: () => version,
    invalidate(change?: DataChange) {
      version += 1;
      entries = new Map();
      for (const listener of listeners) listener(change ?? null);
    },
    memo<T>(key: string, build: () => T): T {
      if (entries.has(key)) return entries.get(key) as T;
      const value = build();
      if (entries.size >= MAX_MEMOS) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      entries.set(key, value);
      return value;
    },
    subscribe(listener: ChangeListener) {
      listeners.push(listener);
    },
  };
}
