// Active sessions and venues held in memory for the read side, loaded once and then kept current
// one session at a time: a write to one session reloads that session, not every session.

import type { Session, Venue } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';
import { getSession, listSessions, sessionIdsUsingVenue } from '../sessions/sessions.queries.ts';
import { listVenues } from '../venues/venues.queries.ts';
import type { DataChange, ReadCache } from './read-cache.ts';

/** The active sessions and the revision they stand at, read together. */
export interface SessionSnapshot {
  /**
   * Active sessions by id; later writes leave this list alone. A session that changed is a new
   * object, so anything derived from one (its rendered events) can be kept against the object.
   */
  readonly sessions: readonly Session[];
  /** Rises each time the active sessions change; give it to changedSince later. */
  readonly revision: number;
}

/** Every read brings the store up to date with the writes announced to the read cache first. */
export interface SessionStore {
  /** Loads every active session now if not yet loaded: at start-up, not in the first request. */
  load(this: void): void;
  snapshot(this: void): SessionSnapshot;
  /** Active sessions by id (the snapshot's sessions). */
  sessions(this: void): readonly Session[];
  /** One active session, or null. */
  activeSession(this: void, id: number): Session | null;
  /** Active sessions with ids from `from` up to but not including `to`, in id order. */
  sessionsInRange(this: void, from: number, to: number): readonly Session[];
  /**
   * Ids of sessions created, changed or gone between a snapshot's revision and now, or null
   * when that is too long ago to say, or everything was reloaded since: start again.
   */
  changedSince(this: void, revision: number): ReadonlySet<number> | null;
  /** Every venue, by name. */
  venues(this: void): readonly Venue[];
  venue(this: void, slug: string): Venue | null;
}

/** Writes remembered for changedSince; a reader further behind than this starts again. */
export const CHANGE_LOG_LENGTH = 1000;

function indexOfId(sorted: readonly Session[], id: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.id ?? Infinity) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The store over `db`, told of every write through `cache`; one per app (see createApp). */
export function createSessionStore(db: Db, cache: ReadCache): SessionStore {
  let sorted: Session[] | null = null;
  let venues: Venue[] | null = null;
  let venueBySlug = new Map<string, Venue>();
  const dirtySessions = new Set<number>();
  const dirtyVenues = new Set<string>();
  let revision = 0;
  /** Revisions at which everything was reloaded: nothing before it can be patched. */
  let reloadedAt = 0;
  const log: { revision: number; ids: readonly number[] }[] = [];

  cache.subscribe((change: DataChange | null) => {
    if (change === null) {
      sorted = null;
      venues = null;
      dirtySessions.clear();
      dirtyVenues.clear();
      return;
    }
    for (const id of change.sessions ?? []) dirtySessions.add(id);
    if ((change.venues?.length ?? 0) > 0) venues = null;
    for (const slug of change.venues ?? []) dirtyVenues.add(slug);
  });

  function put(list: Session[], id: number, session: Session | null) {
    const at = indexOfId(list, id);
    const present = list[at]?.id === id;
    if (session === null || session.status !== 'active') {
      if (present) list.splice(at, 1);
    } else if (present) {
      list[at] = session;
    } else {
      list.splice(at, 0, session);
    }
  }

  /** Applies the writes announced since the last read, and returns the sessions as they now are. */
  function current(): Session[] {
    if (sorted === null) {
      sorted = listSessions(db).sort((a, b) => a.id - b.id);
      dirtySessions.clear();
      dirtyVenues.clear();
      revision += 1;
      reloadedAt = revision;
      log.length = 0;
      return sorted;
    }
    // Sessions at an edited venue, or moved there for a date, show its details.
    for (const slug of dirtyVenues) {
      for (const id of sessionIdsUsingVenue(db, slug)) dirtySessions.add(id);
    }
    dirtyVenues.clear();
    if (dirtySessions.size === 0) return sorted;
    // A new array, so a snapshot taken before this write stays as it was.
    const next = [...sorted];
    for (const id of dirtySessions) put(next, id, getSession(db, id));
    sorted = next;
    revision += 1;
    log.push({ revision, ids: [...dirtySessions] });
    if (log.length > CHANGE_LOG_LENGTH) log.shift();
    dirtySessions.clear();
    return sorted;
  }

  function currentVenues(): Venue[] {
    if (venues === null) {
      venues = listVenues(db);
      venueBySlug = new Map(venues.map((v) => [v.slug, v]));
    }
    return venues;
  }

  return {
    load: () => void current(),
    snapshot() {
      const sessions = current();
      return { sessions, revision };
    },
    sessions: current,
    activeSession(id) {
      const list = current();
      const found = list[indexOfId(list, id)];
      return found?.id === id ? found : null;
    },
    sessionsInRange(from, to) {
      const list = current();
      return list.slice(indexOfId(list, from), indexOfId(list, to));
    },
    changedSince(since) {
      current();
      if (since < reloadedAt || since > revision) return null;
      const first = log[0];
      if (since < revision && (first === undefined || first.revision > since + 1)) return null;
      const ids = new Set<number>();
      for (let i = log.length - 1; i >= 0 && (log[i]?.revision ?? 0) > since; i -= 1) {
        for (const id of log[i]?.ids ?? []) ids.add(id);
      }
      return ids;
    },
    venues: currentVenues,
    venue(slug) {
      currentVenues();
      return venueBySlug.get(slug) ?? null;
    },
  };
}
