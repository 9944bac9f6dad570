// Counts login attempts per account, per address and per known device in memory; a restart
// forgives everyone. An attempt takes its place before the password is checked, so attempts in
// flight count as much as finished ones: however they are timed, no more than the limit ever
// reach the (deliberately slow) password check in one window.

export interface ThrottleLimits {
  /** Attempts on one account from browsers it has not seen log in before. */
  perAccount: number;
  /** Attempts from one client address, whatever the account. */
  perAddress: number;
  /** Attempts from one browser that has logged in to this account before. */
  perDevice: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  perAccount: 5,
  perAddress: 20,
  perDevice: 10,
  windowMs: 15 * 60 * 1000,
};

/** One password check that has been given a place; settle it exactly once. */
export interface LoginAttempt {
  allowed: true;
  /** A correct password: the place is given back and the account's failures are forgiven. */
  succeeded(): void;
  /** A wrong password: the place stays taken until it leaves the window. */
  failed(): void;
}

export type ThrottleVerdict = LoginAttempt | { allowed: false; retryAfterSeconds: number };

export interface LoginAttemptKey {
  email: string;
  /** The client's address (see clientAddress: the proxy's client when a proxy is trusted). */
  address: string;
  /**
   * A browser that has logged in to this account before (its device cookie, already checked to
   * belong to this email). Its attempts count on their own, so other people's failures on the
   * account or from a shared address never lock it out.
   */
  device?: string | null | undefined;
}

export interface LoginThrottle {
  /** Asks for a place for one password check; refused when any of its counters is full. */
  begin(key: LoginAttemptKey): ThrottleVerdict;
}

interface Mark {
  at: number;
  /** Pending marks have not been settled yet; they count whatever their age. */
  pending: boolean;
}

/** Keys tracked at most before stale ones are swept (a flood of made-up emails). */
const SWEEP_ABOVE = 10_000;

export function createLoginThrottle(
  now: () => number,
  limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
): LoginThrottle {
  const marks = new Map<string, Mark[]>();

  function live(key: string): Mark[] {
    const since = now() - limits.windowMs;
    const kept = (marks.get(key) ?? []).filter((m) => m.pending || m.at > since);
    if (kept.length === 0) marks.delete(key);
    else marks.set(key, kept);
    return kept;
  }

  function waitFor(key: string, limit: number): number {
    const kept = live(key);
    if (kept.length < limit) return 0;
    // Free again once enough settled marks leave the window; pending ones settle within seconds.
    const mustLeave = kept.length - limit + 1;
    const settled = kept
      .filter((m) => !m.pending)
      .map((m) => m.at)
      .sort((a, b) => a - b);
    const leaving = settled[mustLeave - 1];
    const freeAt = leaving === undefined ? now() + 1000 : leaving + limits.windowMs;
    return Math.max(1, Math.ceil((freeAt - now()) / 1000));
  }

  function remove(key: string, mark: Mark): void {
    const list = marks.get(key);
    if (!list) return;
    const kept = list.filter((m) => m !== mark);
    if (kept.length === 0) marks.delete(key);
    else marks.set(key, kept);
  }

  return {
    begin({ email, address, device }) {
      const account = `account:${email.trim().toLowerCase()}`;
      const counters: [string, number][] =
        device !== null && device !== undefined && device !== ''
          ? [[`device:${device}`, limits.perDevice]]
          : [
              [account, limits.perAccount],
              [`address:${address}`, limits.perAddress],
            ];
      const waits = counters.map(([key, limit]) => waitFor(key, limit));
      const wait = Math.max(...waits);
      if (wait > 0) return { allowed: false, retryAfterSeconds: wait };

      if (marks.size > SWEEP_ABOVE) for (const key of [...marks.keys()]) live(key);
      const mark: Mark = { at: now(), pending: true };
      for (const [key] of counters) marks.set(key, [...(marks.get(key) ?? []), mark]);
      let settled = false;
      return {
        allowed: true,
        succeeded() {
          if (settled) return;
          settled = true;
          for (const [key] of counters) remove(key, mark);
          // The account's owner is back: strangers' failures on it are forgiven, not the address's.
          marks.delete(account);
        },
        failed() {
          if (settled) return;
          settled = true;
          mark.pending = false;
          mark.at = now();
        },
      };
    },
  };
}
