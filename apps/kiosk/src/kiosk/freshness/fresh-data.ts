// Keeping an open kiosk current without a reload: a cheap look at /api/meta about once a minute,
// and, when the data has changed, the rules for what a visit in progress may take from it.
import type { Meta, Occurrence, Session } from '@fiveways/shared';
import type { Directory } from '../directory/types.ts';

/** How often the kiosk asks whether the data changed (the answer is usually a bodiless 304). */
export const META_POLL_MS = 60_000;

/** What names one state of the data: the version moves on every write, updatedAt survives restarts. */
export function versionOf(meta: Pick<Meta, 'dataVersion' | 'updatedAt'>): string {
  return `${meta.dataVersion}|${meta.updatedAt ?? ''}`;
}

/**
 * The server's current data version, or null when it cannot be had (offline, an error, or only
 * the service worker's saved copy answered): then nothing is to be done, quietly.
 */
export async function fetchDataVersion(signal?: AbortSignal): Promise<string | null> {
  try {
    const response = await fetch('/api/meta', {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      signal: signal ?? AbortSignal.timeout(10_000),
    });
    if (!response.ok || response.headers.has('x-kiosk-fetched-at')) return null;
    const body: unknown = await response.json();
    if (body === null || typeof body !== 'object') return null;
    const dataVersion: unknown = Reflect.get(body, 'dataVersion');
    const updatedAt: unknown = Reflect.get(body, 'updatedAt');
    if (typeof dataVersion !== 'number') return null;
    return versionOf({ dataVersion, updatedAt: typeof updatedAt === 'string' ? updatedAt : null });
  } catch {
    return null;
  }
}

/** The key a screen puts on each dated occurrence it shows (`data-occurrence`). */
export const occurrenceKey = (sessionId: number, date: string) => `${sessionId}|${date}`;

type Data = Pick<Directory, 'occurrences' | 'sessions'>;

/** A date that was on in one snapshot and is cancelled in a newer one. */
export interface NewCancellation {
  sessionId: number;
  date: string;
  reason: string;
}

/**
 * Dates `shown` has as on that `latest` says are cancelled: those in its listed occurrences and
 * those further ahead that session details work out from each session's exceptions.
 */
export function findNewCancellations(shown: Data, latest: Data): NewCancellation[] {
  const found = new Map<string, NewCancellation>();
  const before = new Map(shown.occurrences.map((o) => [occurrenceKey(o.sessionId, o.date), o]));
  for (const o of latest.occurrences) {
    const key = occurrenceKey(o.sessionId, o.date);
    if (o.status === 'cancelled' && before.get(key)?.status === 'scheduled') {
      found.set(key, { sessionId: o.sessionId, date: o.date, reason: o.cancelReason ?? '' });
    }
  }
  const shownSessions = new Map(shown.sessions.map((s) => [s.id, s]));
  for (const s of latest.sessions) {
    const was = shownSessions.get(s.id);
    if (!was) continue;
    for (const e of s.exceptions) {
      if (e.kind !== 'cancelled') continue;
      if (was.exceptions.some((w) => w.kind === 'cancelled' && w.date === e.date)) continue;
      found.set(occurrenceKey(s.id, e.date), { sessionId: s.id, date: e.date, reason: e.reason });
    }
  }
  return [...found.values()];
}

/**
 * `shown` with the cancellations that `latest` adds and nothing else: a visit in progress takes
 * those (no one should walk to a session that is off); every other change waits for the attract
 * screen, so nothing moves under someone's finger.
 */
export function withNewCancellations<D extends Data>(shown: D, latest: Data): D {
  const found = findNewCancellations(shown, latest);
  if (found.length === 0) return shown;
  const byKey = new Map(found.map((c) => [occurrenceKey(c.sessionId, c.date), c]));
  const occurrences = shown.occurrences.map((o): Occurrence => {
    const now = byKey.get(occurrenceKey(o.sessionId, o.date));
    return now ? { ...o, status: 'cancelled', cancelReason: now.reason } : o;
  });
  const sessions = shown.sessions.map((s): Session => {
    const mine = found.filter((c) => c.sessionId === s.id);
    if (mine.length === 0) return s;
    const dates = new Set(mine.map((c) => c.date));
    // A date that was moved and is now cancelled: the cancellation replaces the move.
    const kept = s.exceptions.filter((e) => !dates.has(e.date));
    const added = mine.map((c) => ({
      date: c.date,
      kind: 'cancelled' as const,
      reason: c.reason,
      newDate: null,
      startTime: null,
      endTime: null,
      venueSlug: null,
    }));
    return { ...s, exceptions: [...kept, ...added] };
  });
  return { ...shown, occurrences, sessions };
}
