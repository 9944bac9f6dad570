// How often one client address may send the public form: a sliding window of attempts kept in
// memory, as the login throttle keeps its counts (a restart forgives everyone). Every attempt
// counts, refused ones too, so a script cannot probe the checks at full speed.

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Six attempts in ten minutes: a person correcting a mistake or two, not a script. */
export const DEFAULT_SUGGESTION_RATE: RateLimit = { limit: 6, windowMs: 10 * 60 * 1000 };

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one attempt by `key`, or refuses it (uncounted) while the window is full. */
  take(key: string): RateVerdict;
}

/** Keys tracked at most before stale ones are swept (a flood from many addresses). */
const SWEEP_ABOVE = 10_000;

export function createRateLimiter(now: () => number, rate: RateLimit): RateLimiter {
  const hits = new Map<string, number[]>();

  function live(key: string): number[] {
    const since = now() - rate.windowMs;
    const kept = (hits.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) hits.delete(key);
    else hits.set(key, kept);
    return kept;
  }

  return {
    take(key) {
      const kept = live(key);
      if (kept.length >= rate.limit) {
        const oldest = kept[kept.length - rate.limit] ?? now();
        const wait = Math.ceil((oldest + rate.windowMs - now()) / 1000);
        return { allowed: false, retryAfterSeconds: Math.max(1, wait) };
      }
      if (hits.size > SWEEP_ABOVE) for (const k of [...hits.keys()]) live(k);
      hits.set(key, [...kept, now()]);
      return { allowed: true };
    },
  };
}
