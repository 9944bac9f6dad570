/**
 * Rendered read-side output (feeds, JSON payloads) kept until the next write.
 * Every write calls `invalidate()`; readers call `memo(key, build)`.
 */
export interface ReadCache {
  /** Rises by one on every write; part of every ETag. */
  version(): number;
  invalidate(): void;
  memo<T>(key: string, build: () => T): T;
}

export function createReadCache(): ReadCache {
  let version = 1;
  let entries = new Map<string, unknown>();
  return {
    version: () => version,
    invalidate() {
      version += 1;
      entries = new Map();
    },
    memo<T>(key: string, build: () => T): T {
      if (entries.has(key)) return entries.get(key) as T;
      const value = build();
      entries.set(key, value);
      return value;
    },
  };
}
