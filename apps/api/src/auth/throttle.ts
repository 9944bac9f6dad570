// Counts failed logins per account and per address in memory; a restart forgives everyone.

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  perAccount: 5,
  perAddress: 20,
  windowMs: 15 * 60 * 1000,
};

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface LoginThrottle {
  /** Whether another attempt may be made now for this email from this address. */
  check(email: string, address: string): ThrottleVerdict;
  recordFailure(email: string, address: string): void;
  /** A correct password clears the account's failures (not the address's). */
  recordSuccess(email: string): void;
}

export function createLoginThrottle(
  now: () => number,
  limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
): LoginThrottle {
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const since = now() - limits.windowMs;
    const times = (failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  }

  function verdictFor(key: string, limit: number): ThrottleVerdict {
    const times = recent(key);
    if (times.length < limit) return { allowed: true };
    // Allowed again when the oldest failure that still counts leaves the window.
    const oldest = times[times.length - limit] ?? now();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + limits.windowMs - now()) / 1000));
    return { allowed: false, retryAfterSeconds };
  }

  const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
  const addressKey = (address: string) => `address:${address}`;

  return {
    check(email, address) {
      const byAccount = verdictFor(accountKey(email), limits.perAccount);
      const byAddress = verdictFor(addressKey(address), limits.perAddress);
      if (byAccount.allowed && byAddress.allowed) return { allowed: true };
      const waits = [byAccount, byAddress].map((v) => (v.allowed ? 0 : v.retryAfterSeconds));
      return { allowed: false, retryAfterSeconds: Math.max(...waits) };
    },
    recordFailure(email, address) {
      // Bound the memory a flood of made-up emails can take: drop what no longer counts.
      if (failures.size > 10_000) for (const key of [...failures.keys()]) recent(key);
      for (const key of [accountKey(email), addressKey(address)]) {
        failures.set(key, [...recent(key), now()]);
      }
    },
    recordSuccess(email) {
      failures.delete(accountKey(email));
    },
  };
}
