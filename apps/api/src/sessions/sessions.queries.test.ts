import { SessionInputSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { openTestDb } from '../test-support.ts';
import { changesSchedule, sessionToInput } from './session-input.ts';
import {
  archiveSession,
  deleteException,
  getSession,
  insertSession,
  updateSession,
  upsertException,
} from './sessions.queries.ts';

const input = SessionInputSchema.parse({
  title: 'Chair yoga',
  venue: 'gorse-hill-hub',
  ways: ['be-active'],
  startDate: '2027-03-02',
  startTime: '10:00',
  endTime: '11:00',
  repeat: { every: 'week', interval: 1, days: ['tue'] },
  contact: { name: 'Sam', phone: '01905 000000' },
});

describe('session writes', () => {
  it('insert a session that reads back field for field, with an id-based UID', () => {
    const db = openTestDb();
    const id = insertSession(db, input, '2026-11-23T10:00:00.000Z');
    const session = getSession(db, id);
    expect(session).toMatchObject({
      uid: `fiveways-worcester-session-${id}`,
      sequence: 0,
      status: 'active',
    });
    expect(session && sessionToInput(session)).toEqual(input);
  });

  it('update fields, raising the sequence only when asked', () => {
    const db = openTestDb();
    const id = insertSession(db, input, '2026-11-23T10:00:00.000Z');
    updateSession(db, id, { ...input, description: 'Seated' }, 0, '2026-11-23T11:00:00.000Z');
    expect(getSession(db, id)).toMatchObject({
      description: 'Seated',
      sequence: 0,
      updatedAt: '2026-11-23T11:00:00.000Z',
    });
    updateSession(db, id, { ...input, startTime: '09:30' }, 1, '2026-11-23T12:00:00.000Z');
    expect(getSession(db, id)).toMatchObject({ startTime: '09:30', sequence: 1 });
    archiveSession(db, id, '2026-11-23T13:00:00.000Z');
    expect(getSession(db, id)).toMatchObject({ status: 'archived', sequence: 2 });
  });

  it('replace an exception for the same date, and delete it', () => {
    const db = openTestDb();
    const id = insertSession(db, input, '2026-11-23T10:00:00.000Z');
    const base = { reason: '', newDate: null, startTime: null, endTime: null, venueSlug: null };
    upsertException(
      db,
      id,
      { ...base, date: '2027-03-09', kind: 'changed', startTime: '11:00', endTime: '12:00' },
      'now',
    );
    upsertException(
      db,
      id,
      { ...base, date: '2027-03-09', kind: 'cancelled', reason: 'Venue closed' },
      'now',
    );
    expect(getSession(db, id)?.exceptions).toEqual([
      { ...base, date: '2027-03-09', kind: 'cancelled', reason: 'Venue closed' },
    ]);
    expect(deleteException(db, id, '2027-03-09')).toBe(true);
    expect(deleteException(db, id, '2027-03-09')).toBe(false);
  });

  it('tell schedule changes from other edits', () => {
    expect(
      changesSchedule(input, { ...input, title: 'Other', description: 'x', ways: ['give'] }),
    ).toBe(false);
    for (const change of [
      { startDate: '2027-03-09' },
      { endTime: '11:30' },
      { repeat: null },
      { repeat: { every: 'week' as const, interval: 2, days: ['tue' as const] } },
      { count: 5 },
      { skipBankHolidays: true },
      { venue: 'rainbow-hill-hub' },
    ]) {
      expect(changesSchedule(input, { ...input, ...change })).toBe(true);
    }
  });
});
