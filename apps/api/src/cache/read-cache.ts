import { createJobQueue, type Sliced } from './slices.ts';

/**
 * Rendered read-side output (feeds, JSON payloads) kept in memory within a byte budget.
 * Every write says what it changed with `invalidate(change)`; `invalidateAll()` is for when
 * anything may have changed, and makes every store reload. Readers call `memo(key, build)` for
 * output of the current version, dropped on every write, and `lasting(key, build)` for output
 * that brings itself up to date after writes (a feed's chunks). Both count against one budget:
 * past it the least recently used entries go, whatever their kind, so no pattern of requests can
 * make the cache hold more than the budget.
 */
export interface DataChange {
  /** Sessions created, edited, archived or with an occurrence changed. */
  sessions?: readonly number[];
  /** Venues created or edited (their sessions show their name, address and area). */
  venues?: readonly string[];
  /** Groups created, edited or archived. */
  groups?: readonly string[];
}

/** A change listener: `null` means anything may have changed. */
export type ChangeListener = (change: DataChange | null) => void;

/** An estimate of the bytes a kept value holds: strings and buffers by length. */
export type SizeOf<T> = (value: T) => number;

export interface ReadCache {
  /** Rises by one on every write; part of every ETag. */
  version(): number;
  /**
   * Call after a committed write with what it changed: the memos go, and the stores reload only
   * the sessions, venues and groups named. `{}` says none of those changed (an area).
   */
  invalidate(change: DataChange): void;
  /** Anything may have changed (data written behind the API's back): every store reloads all. */
  invalidateAll(): void;
  /**
   * The value kept for `key` at this version, or `build()` kept now. `sizeOf` estimates its bytes
   * (measured again on every hit and on `remeasure`); without it the entry counts as small.
   */
  memo<T>(key: string, build: () => T, sizeOf?: SizeOf<T>): T;
  /**
   * Like memo, for a value built a slice at a time (see slices.ts), at most a few builds at once.
   * Callers meanwhile share the one build; counted from when it is done; a build that fails
   * keeps nothing.
   */
  memoSliced<T>(key: string, job: () => Sliced<T>, sizeOf: SizeOf<T>): Promise<T>;
  /** Like memo, but kept across writes: the value must bring itself up to date when read. */
  lasting<T>(key: string, build: () => T, sizeOf: SizeOf<T>): T;
  /** Measures the entry again after it grew (a compressed form was made); nothing if it went. */
  remeasure(key: string): void;
  /** Bytes the entries hold now, by their own estimates: at most budgetBytes after any call. */
  bytes(): number;
  readonly budgetBytes: number;
  /** Hears every invalidation, before readers can see the new version. */
  subscribe(listener: ChangeListener): void;
}

/** The budget when none is configured (READ_CACHE_MB; docs/DEPLOYMENT.md). */
export const DEFAULT_READ_CACHE_BYTES = 256 * 1024 * 1024;
/** What an entry is counted as beyond its value: the key, the map slot and the bookkeeping. */
const ENTRY_OVERHEAD_BYTES = 128;
/** A value with no size estimate (a small object or map) counts as this much. */
const SMALL_VALUE_BYTES = 512;

interface Entry {
  value: unknown;
  /** The value's own estimate, in bytes. */
  size: () => number;
  bytes: number;
  lasting: boolean;
}

/** Sliced builds run at once; more wait their turn, so a burst does not hold them all in memory. */
const CONCURRENT_BUILDS = 2;

export interface ReadCacheOptions {
  budgetBytes?: number;
}

/** A sliced build in the cache: its promise, and its value once done. */
interface Pending<T> {
  promise: Promise<T>;
  done: { value: T } | null;
}

export function createReadCache({
  budgetBytes = DEFAULT_READ_CACHE_BYTES,
}: ReadCacheOptions = {}): ReadCache {
  let version = 1;
  // Map order is recency order: a hit moves its entry to the end, eviction takes from the front.
  const entries = new Map<string, Entry>();
  let total = 0;
  const listeners: ChangeListener[] = [];
  const builds = createJobQueue(CONCURRENT_BUILDS);

  function measure(key: string, entry: Entry): number {
    return ENTRY_OVERHEAD_BYTES + 2 * key.length + Math.max(0, entry.size());
  }

  function drop(key: string, entry: Entry) {
    entries.delete(key);
    total -= entry.bytes;
  }

  /** Takes the least recently used entries until the total fits the budget. */
  function evict() {
    for (const [key, entry] of entries) {
      if (total <= budgetBytes) break;
      drop(key, entry);
    }
  }

  function touch(key: string, entry: Entry) {
    entries.delete(key);
    entries.set(key, entry);
    const bytes = measure(key, entry);
    total += bytes - entry.bytes;
    entry.bytes = bytes;
    evict();
  }

  function keep<T>(key: string, build: () => T, sizeOf: SizeOf<T> | undefined, lasting: boolean) {
    const found = entries.get(key);
    if (found !== undefined && found.lasting === lasting) {
      touch(key, found);
      return found.value as T;
    }
    const value = build();
    // The build may have kept entries of its own, this key's included.
    const now = entries.get(key);
    if (now !== undefined) drop(key, now);
    const size = sizeOf === undefined ? () => SMALL_VALUE_BYTES : () => sizeOf(value);
    const entry: Entry = { value, size, bytes: 0, lasting };
    entries.set(key, entry);
    touch(key, entry);
    return value;
  }

  function remeasure(key: string) {
    const entry = entries.get(key);
    if (entry === undefined) return;
    const bytes = measure(key, entry);
    total += bytes - entry.bytes;
    entry.bytes = bytes;
    evict();
  }

  function bump(change: DataChange | null) {
    version += 1;
    for (const [key, entry] of entries) if (!entry.lasting) drop(key, entry);
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
    memo: (key, build, sizeOf) => keep(key, build, sizeOf, false),
    memoSliced<T>(key: string, job: () => Sliced<T>, sizeOf: SizeOf<T>): Promise<T> {
      const pending = keep<Pending<T>>(
        key,
        () => {
          const started: Pending<T> = { promise: builds.run(job), done: null };
          started.promise = started.promise.then(
            (value) => {
              started.done = { value };
              if (entries.get(key)?.value === started) remeasure(key);
              return value;
            },
            (error: unknown) => {
              const entry = entries.get(key);
              if (entry?.value === started) drop(key, entry);
              throw error;
            },
          );
          return started;
        },
        (p) => (p.done === null ? 0 : sizeOf(p.done.value)),
        false,
      );
      return pending.promise;
    },
    lasting: (key, build, sizeOf) => keep(key, build, sizeOf, true),
    remeasure,
    bytes: () => total,
    budgetBytes,
    subscribe(listener: ChangeListener) {
      listeners.push(listener);
    },
  };
}
