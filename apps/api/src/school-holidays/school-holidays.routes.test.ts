import { OccurrenceListSchema, SchoolHolidayListSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { expandWithIcalJs, expandWithNodeIcal } from '../feeds/feed-parsers.ts';
import { dumpTables, makeStaffTestApp, VENUE_A, type StaffTestApp } from '../test-support.ts';

/** A Tuesday youth club at venue A that skips school holidays; returns its id. */
async function createYouthClub(t: StaffTestApp, cookie: string): Promise<number> {
  const res = await t.request('POST', '/api/sessions', {
    cookie,
    body: {
      title: 'After-school club',
      venue: VENUE_A,
      ways: ['keep-learning'],
      startDate: '2027-01-05',
      startTime: '15:30',
      endTime: '17:00',
      repeat: { every: 'week', interval: 1, days: ['tue'] },
      skipSchoolHolidays: true,
    },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function februaryDates(t: StaffTestApp, id: number) {
  const res = await t.request('GET', '/api/occurrences?from=2027-02-01&to=2027-02-28');
  const list = OccurrenceListSchema.parse(await res.json());
  return list.occurrences.filter((o) => o.sessionId === id).map((o) => o.date);
}

async function februaryInFeed(t: StaffTestApp, id: number) {
  const ics = await (await t.request('GET', `/feeds/sessions/${id}.ics`)).text();
  const span = { from: new Date('2027-02-01T00:00:00Z'), to: new Date('2027-03-01T00:00:00Z') };
  const readings = [expandWithIcalJs(ics, span), expandWithNodeIcal(ics, span)].map((seen) =>
    seen.map((s) => s.start.slice(0, 10)).sort(),
  );
  expect(readings[1]).toEqual(readings[0]);
  return { ics, dates: readings[0] ?? [] };
}

async function februaryHalfTerm(t: StaffTestApp) {
  const res = await t.request('GET', '/api/school-holidays');
  const { items } = SchoolHolidayListSchema.parse(await res.json());
  const found = items.find((h) => h.name === 'February half-term 2027');
  if (found === undefined) throw new Error('no February half-term in the sample term dates');
  return found;
}

describe('school holidays', () => {
  it('are skipped by a session that asks, in occurrences and (as EXDATEs) in its feed', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const id = await createYouthClub(t, cookies.staffA);
    expect(await februaryDates(t, id)).toEqual(['2027-02-02', '2027-02-09', '2027-02-23']);
    const feed = await februaryInFeed(t, id);
    expect(feed.dates).toEqual(['2027-02-02', '2027-02-09', '2027-02-23']);
    expect(feed.ics).toContain('EXDATE;TZID=Europe/London:20270216T153000');
  });

  it('move the dates of every session that skips them when an admin corrects them', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const id = await createYouthClub(t, cookies.staffA);
    const sequenceBefore = (
      (await (await t.request('GET', `/api/sessions/${id}`)).json()) as {
        sequence: number;
      }
    ).sequence;
    await februaryInFeed(t, id);
    const halfTerm = await februaryHalfTerm(t);
    const res = await t.request('PATCH', `/api/school-holidays/${halfTerm.id}`, {
      cookie: cookies.admin,
      body: { name: halfTerm.name, from: '2027-02-22', to: '2027-02-26' },
    });
    expect(res.status).toBe(200);
    expect(await februaryDates(t, id)).toEqual(['2027-02-02', '2027-02-09', '2027-02-16']);
    const feed = await februaryInFeed(t, id);
    expect(feed.dates).toEqual(['2027-02-02', '2027-02-09', '2027-02-16']);
    const session = (await (await t.request('GET', `/api/sessions/${id}`)).json()) as {
      sequence: number;
    };
    expect(session.sequence).toBe(sequenceBefore + 1);

    const audit = (await (
      await t.request('GET', '/api/audit', { cookie: cookies.admin })
    ).json()) as {
      items: { action: string }[];
    };
    expect(audit.items[0]?.action).toBe('school-holiday.update');

    const removed = await t.request('DELETE', `/api/school-holidays/${halfTerm.id}`, {
      cookie: cookies.admin,
    });
    expect(removed.status).toBe(204);
    expect(await februaryDates(t, id)).toEqual([
      '2027-02-02',
      '2027-02-09',
      '2027-02-16',
      '2027-02-23',
    ]);
  });

  it('are changed only by admins, and bad dates are refused naming the field', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    const staff = await t.request('POST', '/api/school-holidays', {
      cookie: cookies.staffA,
      body: { name: 'Extra day', from: '2027-05-03', to: '2027-05-03' },
    });
    expect(staff.status).toBe(403);
    const cases: [unknown, string][] = [
      [{ name: 'Backwards', from: '2027-05-03', to: '2027-05-01' }, 'to'],
      [{ name: 'Too long', from: '2027-01-01', to: '2027-06-01' }, 'to'],
      [{ name: '', from: '2027-05-03', to: '2027-05-03' }, 'name'],
      [{ name: 'Bad', from: '2027-13-01', to: '2027-05-03' }, 'from'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', '/api/school-holidays', { cookie: cookies.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = (await res.json()) as { error: { issues: { path: string }[] } };
      expect(error.error.issues.map((i) => i.path)).toContain(field);
    }
    const missing = await t.request('PATCH', '/api/school-holidays/999', {
      cookie: cookies.admin,
      body: { name: 'Nothing', from: '2027-05-03', to: '2027-05-03' },
    });
    expect(missing.status).toBe(404);
    expect(dumpTables(t.db)).toBe(before);
  });
});
