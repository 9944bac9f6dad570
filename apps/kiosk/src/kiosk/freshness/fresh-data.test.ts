// What an open kiosk takes from newer data mid-visit: the real API gives the snapshots before and
// after a staff cancellation (and an unrelated edit), as the kiosk's worker would fetch them.
import { makeStaffTestApp } from '@fiveways/api/src/test-support.ts';
import { MetaSchema, OccurrenceListSchema, SessionListSchema } from '@fiveways/shared';
import { addDays } from '@fiveways/shared/dates';
import { describe, expect, it } from 'vitest';
import {
  findNewCancellations,
  occurrenceKey,
  versionOf,
  withNewCancellations,
} from './fresh-data.ts';

const FROM = '2027-03-08';
const TO = addDays(FROM, 13);

async function snapshot(t: ReturnType<typeof makeStaffTestApp>) {
  const sessions = SessionListSchema.parse(await (await t.request('GET', '/api/sessions')).json());
  const occurrences = OccurrenceListSchema.parse(
    await (await t.request('GET', `/api/occurrences?from=${FROM}&to=${TO}`)).json(),
  );
  const meta = MetaSchema.parse(await (await t.request('GET', '/api/meta')).json());
  return { sessions: sessions.items, occurrences: occurrences.occurrences, meta };
}

describe('taking newer data into a visit', () => {
  it('takes a new cancellation (listed, and further ahead) and nothing else', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = await snapshot(t);
    const target = before.occurrences.find((o) => o.status === 'scheduled');
    if (!target) throw new Error('The fixture has no scheduled date');
    const farDate = addDays(target.date, 28);
    for (const date of [target.date, farDate]) {
      const res = await t.request('POST', `/api/sessions/${target.sessionId}/cancellations`, {
        cookie: cookies.admin,
        body: { date, reason: 'Venue closed' },
      });
      expect(res.status).toBe(201);
    }
    const renamed = await t.request('PATCH', `/api/sessions/${target.sessionId}`, {
      cookie: cookies.admin,
      body: { title: 'A new name' },
    });
    expect(renamed.status).toBe(200);
    const after = await snapshot(t);
    expect(versionOf(after.meta)).not.toBe(versionOf(before.meta));

    expect(findNewCancellations(before, after)).toEqual([
      { sessionId: target.sessionId, date: target.date, reason: 'Venue closed' },
      { sessionId: target.sessionId, date: farDate, reason: 'Venue closed' },
    ]);

    const merged = withNewCancellations(before, after);
    const listed = merged.occurrences.find(
      (o) => occurrenceKey(o.sessionId, o.date) === occurrenceKey(target.sessionId, target.date),
    );
    expect(listed).toMatchObject({ status: 'cancelled', cancelReason: 'Venue closed' });
    // Every other change waits for the attract screen: the title is the one the visit began with.
    expect(listed?.title).toBe(target.title);
    const session = merged.sessions.find((s) => s.id === target.sessionId);
    expect(session?.title).toBe(before.sessions.find((s) => s.id === target.sessionId)?.title);
    expect(session?.exceptions.filter((e) => e.kind === 'cancelled').map((e) => e.date)).toEqual(
      expect.arrayContaining([target.date, farDate]),
    );
    // Taken once: the merged data has nothing new against the newer snapshot.
    expect(findNewCancellations(merged, after)).toEqual([]);
    expect(withNewCancellations(merged, after)).toBe(merged);
  });

  it('gives the same snapshot back when nothing was cancelled', async () => {
    const t = makeStaffTestApp();
    const before = await snapshot(t);
    expect(withNewCancellations(before, await snapshot(t))).toBe(before);
  });
});
