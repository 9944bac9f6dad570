import type { Session } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/open-db.ts';
import { openTestDb } from '../test-support.ts';
import { createReadCache } from './read-cache.ts';
import { CHANGE_LOG_LENGTH, createSessionStore } from './session-store.ts';

// The fixture's sessions: 1 Walk and Talk (Gorse Hill hub, one date moved to Rainbow Hill hub),
// 2 Time to Talk (Rainbow Hill hub), 3 Healthy Living (Warndon), 4 Community Health Clinic (Gorse Hill hub).
function makeStore(db: Db = openTestDb()) {
  const cache = createReadCache();
  return { db, cache, store: createSessionStore(db, cache) };
}

function rename(db: Db, id: number, title: string) {
  db.prepare('UPDATE sessions SET title = ? WHERE id = ?').run(title, id);
}

const idsOf = (sessions: readonly Session[]) => sessions.map((s) => s.id);

describe('session store', () => {
  it('loads the active sessions once, in id order', () => {
    const { store } = makeStore();
    store.load();
    const first = store.snapshot();
    expect(idsOf(first.sessions)).toEqual([1, 2, 3, 4]);
    store.load();
    const again = store.snapshot();
    expect(again.revision).toBe(first.revision);
    expect(again.sessions).toBe(first.sessions);
  });

  it('sees a write only once it is announced, and then reloads just that session', () => {
    const { db, cache, store } = makeStore();
    const before = store.snapshot();
    rename(db, 2, 'Tea and Talk');
    expect(store.snapshot()).toEqual(before);
    cache.invalidate({ sessions: [2] });
    const after = store.snapshot();
    expect(after.revision).toBe(before.revision + 1);
    expect(store.activeSession(2)?.title).toBe('Tea and Talk');
    // Untouched sessions keep their objects (rendered events are kept against them); the
    // snapshot taken before the write is left as it was.
    expect(after.sessions[0]).toBe(before.sessions[0]);
    expect(after.sessions[1]).not.toBe(before.sessions[1]);
    expect(before.sessions[1]?.title).toBe('Time to Talk');
  });

  it('gives the sessions in an id range', () => {
    const { store } = makeStore();
    expect(idsOf(store.sessionsInRange(2, 4))).toEqual([2, 3]);
    expect(idsOf(store.sessionsInRange(5, 100))).toEqual([]);
  });
});

describe('changedSince', () => {
  it('is empty at the current revision, and after a write that names no session or venue', () => {
    const { cache, store } = makeStore();
    const { revision } = store.snapshot();
    expect(store.changedSince(revision)).toEqual(new Set());
    cache.invalidate({});
    expect(store.snapshot().revision).toBe(revision);
    expect(store.changedSince(revision)).toEqual(new Set());
  });

  it('is empty over an empty database', () => {
    const { store } = makeStore(openDb(':memory:'));
    const { sessions, revision } = store.snapshot();
    expect(sessions).toEqual([]);
    expect(store.changedSince(revision)).toEqual(new Set());
  });

  it('names every session written since, without a snapshot in between', () => {
    const { db, cache, store } = makeStore();
    const start = store.snapshot().revision;
    rename(db, 1, 'Walk');
    cache.invalidate({ sessions: [1] });
    const middle = store.snapshot().revision;
    rename(db, 2, 'Talk');
    cache.invalidate({ sessions: [2] });
    // Brought up to date by itself: no snapshot needed first.
    expect(store.changedSince(start)).toEqual(new Set([1, 2]));
    expect(store.changedSince(middle)).toEqual(new Set([2]));
  });

  it('is null for a revision it has not reached', () => {
    const { store } = makeStore();
    const { revision } = store.snapshot();
    expect(store.changedSince(revision + 1)).toBeNull();
  });

  it(`remembers ${CHANGE_LOG_LENGTH} writes, and is null for a reader further behind`, () => {
    const { db, cache, store } = makeStore();
    const start = store.snapshot().revision;
    for (let n = 1; n <= CHANGE_LOG_LENGTH; n += 1) {
      rename(db, 1 + (n % 4), `Session ${n}`);
      cache.invalidate({ sessions: [1 + (n % 4)] });
      store.snapshot();
    }
    expect(store.changedSince(start)).toEqual(new Set([1, 2, 3, 4]));
    rename(db, 3, 'One write too many');
    cache.invalidate({ sessions: [3] });
    expect(store.changedSince(start)).toBeNull();
    expect(store.changedSince(start + 1)).toEqual(new Set([1, 2, 3, 4]));
  });

  it('marks the sessions held at an edited venue and those moved there for a date', () => {
    const { db, cache, store } = makeStore();
    const before = store.snapshot();
    db.prepare(
      `UPDATE venues SET name = 'Rainbow Hill Hall' WHERE slug = 'rainbow-hill-hub'`,
    ).run();
    cache.invalidate({ venues: ['rainbow-hill-hub'] });
    expect(store.changedSince(before.revision)).toEqual(new Set([1, 2]));
    expect(store.venue('rainbow-hill-hub')?.name).toBe('Rainbow Hill Hall');
    expect(store.activeSession(2)?.venue.name).toBe('Rainbow Hill Hall');
    expect(store.activeSession(3)).toBe(before.sessions[2]);
  });

  it('names an archived session, which leaves the active sessions', () => {
    const { db, cache, store } = makeStore();
    const { revision } = store.snapshot();
    db.prepare(`UPDATE sessions SET status = 'archived' WHERE id = 3`).run();
    cache.invalidate({ sessions: [3] });
    expect(store.changedSince(revision)).toEqual(new Set([3]));
    expect(idsOf(store.sessions())).toEqual([1, 2, 4]);
    expect(store.activeSession(3)).toBeNull();
  });

  it('is null after everything was invalidated, and every session is loaded again', () => {
    const { db, cache, store } = makeStore();
    const before = store.snapshot();
    rename(db, 4, 'Health Clinic');
    cache.invalidateAll();
    expect(store.changedSince(before.revision)).toBeNull();
    const after = store.snapshot();
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.sessions.every((s, i) => s !== before.sessions[i])).toBe(true);
    expect(store.activeSession(4)?.title).toBe('Health Clinic');
    expect(store.changedSince(after.revision)).toEqual(new Set());
  });
});
