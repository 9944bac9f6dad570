/**
 * Rendered read-side output (feeds, JSON payloads) kept until the next write.
 * Every write says what it changed with `invalidate(change)`; `invalidateAll()` is for when
 * anything may have changed, and makes every store reload. Readers call `memo(key, build)`.
 * Memos are dropped on every invalidation; longer-lived stores (sessions, rendered events)
 * listen and drop only what the change touched.
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
   * Call after a committed write with what it changed: the memos go, and the stores reload only
   * the sessions and venues named. `{}` says no session or venue changed (a group, an area).
   */
  invalidate(change: DataChange): void;
  /** Anything may have changed (data written behind the API's back): every store reloads all. */
  invalidateAll(): void;
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
  function bump(change: DataChange | null) {
    version += 1;
    entries = new Map();
    for (const listener of listeners) listener(change);
  }
  return {
    version: () => version,
    invalidate(change: DataChange) {
      bump(change);
    },
    invalidateAll() {
      bump(null);
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
