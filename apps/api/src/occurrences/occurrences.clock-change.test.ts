// The clock-change hour through the API: sessions at times that do not exist (last Sunday of
// March) or happen twice (last Sunday of October) get the one meaning london-time.ts defines.

import { OccurrenceListSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { makeStaffTestApp } from '../test-support.ts';

async function setUp() {
  const t = makeStaffTestApp();
  const { cookies } = await t.createPeople();
  async function create(fields: Record<string, unknown>): Promise<number> {
    const res = await t.request('POST', '/api/sessions', {
      cookie: cookies.admin,
      body: { title: 'Night walk', venue: 'gorse-hill-hub', ways: ['be-active'], ...fields },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  }
  async function spans(id: number, from: string, to: string): Promise<string[]> {
    const res = await t.request('GET', `/api/occurrences?from=${from}&to=${to}`);
    const list = OccurrenceListSchema.parse(await res.json());
    return list.occurrences.filter((o) => o.sessionId === id).map((o) => `${o.start} ${o.end}`);
  }
  return { create, spans };
}

describe('/api/occurrences in the clock-change hour', () => {
  it('reads 01:30 on the March Sunday as 02:30 BST and keeps the hour', async () => {
    const { create, spans } = await setUp();
    const id = await create({ startDate: '2027-03-28', startTime: '01:30', endTime: '02:30' });
    expect(await spans(id, '2027-03-28', '2027-03-28')).toEqual([
      '2027-03-28T02:30:00+01:00 2027-03-28T03:30:00+01:00',
    ]);
  });

  it('reads 01:30 on the October Sunday as the first 01:30 (BST) and keeps the hour', async () => {
    const { create, spans } = await setUp();
    const id = await create({ startDate: '2027-10-31', startTime: '01:30', endTime: '02:30' });
    expect(await spans(id, '2027-10-31', '2027-10-31')).toEqual([
      '2027-10-31T01:30:00+01:00 2027-10-31T01:30:00+00:00',
    ]);
  });

  it('gives a weekly session its usual length on both Sundays, and wall time on the others', async () => {
    const { create, spans } = await setUp();
    const id = await create({
      startDate: '2027-03-21',
      startTime: '00:30',
      endTime: '02:30',
      repeat: { every: 'week', interval: 1, days: ['sun'] },
    });
    expect(await spans(id, '2027-03-21', '2027-04-04')).toEqual([
      '2027-03-21T00:30:00+00:00 2027-03-21T02:30:00+00:00',
      '2027-03-28T00:30:00+00:00 2027-03-28T03:30:00+01:00',
      '2027-04-04T00:30:00+01:00 2027-04-04T02:30:00+01:00',
    ]);
    expect(await spans(id, '2027-10-24', '2027-11-07')).toEqual([
      '2027-10-24T00:30:00+01:00 2027-10-24T02:30:00+01:00',
      '2027-10-31T00:30:00+01:00 2027-10-31T01:30:00+00:00',
      '2027-11-07T00:30:00+00:00 2027-11-07T02:30:00+00:00',
    ]);
  });
});
