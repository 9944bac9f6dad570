import { InsightsSchema, type Insights, type InsightTable } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/open-db.ts';
import { makeStaffTestApp, parseCsv } from '../test-support.ts';

async function setUp() {
  const t = makeStaffTestApp();
  const { cookies, ids } = await t.createPeople();
  const get = (path: string, cookie: string | null = cookies.staffA) =>
    t.request('GET', path, { cookie });
  const insights = async (query: string): Promise<Insights> => {
    const res = await get(`/api/insights?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return InsightsSchema.parse(await res.json());
  };
  return { t, cookies, ids, get, insights };
}

function tableOf(insights: Insights, id: string): InsightTable {
  const table = insights.tables.find((x) => x.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
}

/** The table's cells by row label and column label. */
function cellsOf(table: InsightTable): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    table.rows.map((r) => [
      r.label,
      Object.fromEntries([
        ...table.columns.map((c, i) => [c.label, r.values[i]]),
        ['Total', r.total],
      ]),
    ]),
  );
}

const FEW = { atLeast: 0, below: 5 };

function addVisits(db: Db, rows: [string, string, string, number][]) {
  const insert = db.prepare(
    'INSERT INTO short_link_visits (day, target, source, visits) VALUES (?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(...r);
}
function addFeedReach(db: Db, rows: [string, string, number][]) {
  const insert = db.prepare(
    'INSERT INTO feed_reach_daily (day, feed, clients, requests) VALUES (?, ?, ?, ?)',
  );
  for (const [day, feed, clients] of rows) insert.run(day, feed, clients, clients * 3);
}
function addKiosk(db: Db, rows: [string, string, string, string, number][]) {
  const insert = db.prepare(
    'INSERT INTO kiosk_daily (day, venue, event, detail, count) VALUES (?, ?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(...r);
}

describe('GET /api/insights', () => {
  it('is for logged-in staff only', async () => {
    const { get } = await setUp();
    expect((await get('/api/insights', null)).status).toBe(401);
    expect((await get('/api/insights/zero-results.csv', null)).status).toBe(401);
  });

  it('covers last month and this month by default, widened to whole weeks', async () => {
    const { insights } = await setUp();
    // The test clock is Monday 23 November 2026.
    const answer = await insights('');
    expect(answer).toMatchObject({
      from: '2026-10-01',
      to: '2026-11-29',
      per: 'week',
      smallCountBelow: 5,
    });
    expect(answer.summary.map((s) => [s.label, s.partial])).toEqual([
      ['October 2026', false],
      ['November 2026', true],
    ]);
  });

  it('refuses bad dates and ranges with a 400 naming the field', async () => {
    const { get } = await setUp();
    const cases: [string, string][] = [
      ['from=2026-02-30', 'from'],
      ['from=yesterday', 'from'],
      ['from=2026-11-10&to=2026-11-01', 'to'],
      ['from=2025-10-01&to=2026-11-01', 'to'],
      ['per=day', 'per'],
      ['colour=blue', 'colour'],
    ];
    for (const [query, field] of cases) {
      const res = await get(`/api/insights?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
      expect(
        body.error.issues.map((i) => i.path),
        query,
      ).toContain(field);
    }
    const csv = await get('/api/insights/zero-results.csv?from=2026-11-10&to=2026-11-01');
    expect(csv.status).toBe(400);
    // Thirteen months is the most: 1 Oct 2025 to 31 Oct 2026 is allowed.
    expect((await get('/api/insights?from=2025-10-01&to=2026-10-31')).status).toBe(200);
    expect((await get('/api/insights/no-such-table.csv')).status).toBe(404);
  });

  it('counts short-address visits by source, way and place, per week and per month', async () => {
    const { t, insights } = await setUp();
    addVisits(t.db, [
      ['2026-11-02', 'way:be-active', 'poster', 20],
      ['2026-11-03', 'way:be-active', 'poster', 7],
      ['2026-11-04', 'way:be-active', 'flyer', 6],
      ['2026-11-10', 'way:connect', 'poster', 9],
      ['2026-11-11', 'venue:gorse-hill-hub', 'sheet', 12],
      ['2026-11-12', 'area:warndon', 'kiosk', 2],
      ['2026-12-01', 'way:connect', 'poster', 50], // outside the range
    ]);
    const weekly = await insights('from=2026-11-01&to=2026-11-30');
    const bySource = tableOf(weekly, 'visits-by-source');
    expect(bySource.chart).toBe('over-time');
    expect(bySource.columns.map((c) => c.label)).toEqual([
      'Posters',
      'Flyers',
      'Hub sheets',
      'Kiosk QR codes',
    ]);
    const cells = cellsOf(bySource);
    // The piece 2–8 Nov: Be Active posters on two days add up in one cell.
    expect(cells['2–8 Nov 2026']).toEqual({
      Posters: 27,
      Flyers: 6,
      'Hub sheets': FEW,
      'Kiosk QR codes': FEW,
      Total: 33,
    });
    // 9–15 Nov: the kiosk's 2 visits are hidden, and so the week's total is a range.
    expect(cells['9–15 Nov 2026']).toEqual({
      Posters: 9,
      Flyers: FEW,
      'Hub sheets': 12,
      'Kiosk QR codes': FEW,
      Total: { atLeast: 21, below: 26 },
    });
    expect(bySource.totals).toEqual({
      values: [36, 6, 12, FEW],
      total: { atLeast: 54, below: 59 },
    });

    const byWay = cellsOf(tableOf(weekly, 'visits-by-way'));
    expect(byWay['2–8 Nov 2026']).toMatchObject({ 'Be Active': 33, Connect: FEW });
    expect(tableOf(weekly, 'visits-by-way').columns.map((c) => c.way)).toEqual([
      'connect',
      'be-active',
      'take-notice',
      'keep-learning',
      'give',
    ]);

    const byPlace = cellsOf(tableOf(weekly, 'visits-by-place'));
    expect(Object.keys(byPlace)).toEqual([
      'Connect (way)',
      'Be Active (way)',
      'Gorse Hill Community Hub (venue)',
      'Warndon (area)',
    ]);
    expect(byPlace['Warndon (area)']?.['Total']).toEqual(FEW);

    const monthly = await insights('from=2026-11-01&to=2026-11-30&per=month');
    expect(cellsOf(tableOf(monthly, 'visits-by-source'))['November 2026']).toEqual({
      Posters: 36,
      Flyers: 6,
      'Hub sheets': 12,
      'Kiosk QR codes': FEW,
      Total: { atLeast: 54, below: 59 },
    });
  });

  it('never lets a total reveal a small count by subtraction', async () => {
    const { t, insights } = await setUp();
    addVisits(t.db, [
      ['2026-11-02', 'way:give', 'poster', 40],
      ['2026-11-02', 'way:give', 'flyer', 3],
      ['2026-11-09', 'way:give', 'flyer', 10],
    ]);
    const answer = await insights('from=2026-11-01&to=2026-11-30');
    // Every number sent, with its total: none of them, nor any difference of two, is 3.
    const numbers: number[] = [];
    JSON.stringify(answer, (_key, value: unknown) => {
      if (typeof value === 'number') numbers.push(value);
      return value;
    });
    for (const table of answer.tables) {
      const shown = [
        ...table.rows.flatMap((r) => [...r.values, r.total]),
        ...(table.totals ? [...table.totals.values, table.totals.total] : []),
      ].filter((n): n is number => typeof n === 'number');
      for (const a of shown) for (const b of shown) expect(a - b, table.id).not.toBe(3);
      for (const a of shown)
        for (const b of shown) for (const c of shown) expect(a - b - c, table.id).not.toBe(3);
    }
    const bySource = cellsOf(tableOf(answer, 'visits-by-source'));
    expect(bySource['2–8 Nov 2026']).toEqual({
      Posters: 40,
      Flyers: FEW,
      Total: { atLeast: 40, below: 45 },
    });
    // The flyers' column total is only what its shown cells say.
    expect(tableOf(answer, 'visits-by-source').totals?.values).toEqual([
      40,
      { atLeast: 10, below: 15 },
    ]);
    // Asked per month, the same hidden cell stays hidden: months are made of the same pieces.
    const monthly = await insights('from=2026-11-01&to=2026-11-30&per=month');
    expect(cellsOf(tableOf(monthly, 'visits-by-source'))['November 2026']).toEqual({
      Posters: 40,
      Flyers: { atLeast: 10, below: 15 },
      Total: { atLeast: 50, below: 55 },
    });
    // A narrower range counts the same pieces, so it cannot be subtracted from a wider one.
    const narrow = await insights('from=2026-11-03&to=2026-11-03');
    expect(narrow).toMatchObject({ from: '2026-11-02', to: '2026-11-08' });
    expect(cellsOf(tableOf(narrow, 'visits-by-source'))['2–8 Nov 2026']).toEqual(
      bySource['2–8 Nov 2026'],
    );
  });

  it('counts calendar apps per feed', async () => {
    const { t, insights } = await setUp();
    const rows: [string, string, number][] = [];
    for (let d = 1; d <= 30; d++) {
      const day = `2026-11-${String(d).padStart(2, '0')}`;
      rows.push([day, 'all', 100], [day, 'way:connect', 40], [day, 'venue:gorse-hill-hub', 3]);
    }
    addFeedReach(t.db, rows);
    const answer = await insights('from=2026-11-01&to=2026-11-30&per=month');
    expect(cellsOf(tableOf(answer, 'feeds-by-way'))['November 2026']).toMatchObject({
      Everything: 3000,
      Connect: 1200,
      'Be Active': FEW,
    });
    const byFeed = cellsOf(tableOf(answer, 'feeds-by-feed'));
    // 3 apps a day: whole weeks (21) show, the one-day pieces on 1 and 30 November (3) do not.
    expect(byFeed['Gorse Hill Community Hub (venue)']?.['November 2026']).toEqual({
      atLeast: 84,
      below: 93,
    });
    expect(answer.summary[0]?.text).toBe(
      'In November 2026, at least 142 calendar apps a day followed a Five Ways feed (at least 4,284 app-days in all).',
    );
    const wholeWeeks = await insights('from=2026-11-02&to=2026-11-29&per=month');
    expect(wholeWeeks.summary[0]?.text).toBe(
      'In November 2026 (so far), about 143 calendar apps a day followed a Five Ways feed (4,004 app-days in all).',
    );
  });

  it('counts kiosk visits, taps per way, filters and searches that found nothing', async () => {
    const { t, insights } = await setUp();
    addKiosk(t.db, [
      ['2026-11-02', 'warndon-church-hall', 'visit', '', 30],
      ['2026-11-03', 'warndon-church-hall', 'visit', '', 25],
      ['2026-11-02', 'gorse-hill-hub', 'visit', '', 4],
      ['2026-11-02', 'warndon-church-hall', 'way', 'connect', 18],
      ['2026-11-03', 'warndon-church-hall', 'way', 'be-active', 6],
      ['2026-11-03', 'warndon-church-hall', 'way', 'give', 2],
      ['2026-11-02', 'warndon-church-hall', 'filter', 'day:every-sat', 8],
      ['2026-11-02', 'warndon-church-hall', 'filter', 'audience:young-people', 1],
      ['2026-11-02', 'warndon-church-hall', 'session-opened', '', 11],
      ['2026-11-02', 'warndon-church-hall', 'take-home-shown', '', 5],
      [
        '2026-11-02',
        'warndon-church-hall',
        'zero-results',
        'way=be-active;day=every-sat;area=warndon;audience=young-people',
        4,
      ],
      [
        '2026-11-03',
        'warndon-church-hall',
        'zero-results',
        'way=be-active;day=every-sat;area=warndon;audience=young-people',
        3,
      ],
      [
        '2026-11-12',
        'gorse-hill-hub',
        'zero-results',
        'way=be-active;day=every-sat;area=gorse-hill;audience=',
        12,
      ],
      ['2026-11-12', 'gorse-hill-hub', 'zero-results', 'way=;day=;area=;audience=older-people', 1],
    ]);
    const answer = await insights('from=2026-11-01&to=2026-11-30');
    expect(cellsOf(tableOf(answer, 'kiosk-visits-by-hub'))['2–8 Nov 2026']).toEqual({
      'Gorse Hill Community Hub': FEW,
      'Warndon Church Hall': 55,
      Total: { atLeast: 55, below: 60 },
    });
    expect(cellsOf(tableOf(answer, 'kiosk-ways-by-hub'))['Warndon Church Hall']).toEqual({
      Connect: 18,
      'Be Active': 6,
      'Take Notice': FEW,
      'Keep Learning': FEW,
      Give: FEW,
      Total: { atLeast: 24, below: 29 },
    });
    const activity = tableOf(answer, 'kiosk-activity');
    expect(cellsOf(activity)['Warndon Church Hall']).toMatchObject({
      Visits: 55,
      'Sessions opened': 11,
      'Take-home codes shown': 5,
      Total: null,
    });
    expect(cellsOf(tableOf(answer, 'kiosk-filters'))).toEqual({
      'Day: on Saturdays': { 'Times chosen': 8, Total: null },
      'Who for: Young people (11–19)': { 'Times chosen': FEW, Total: null },
    });
    const misses = tableOf(answer, 'zero-results');
    expect(misses.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ['Be Active on Saturdays in Gorse Hill', 12],
      // 4 and 3 on two days of one piece: 7 in all.
      ['Be Active on Saturdays in Warndon for young people (11–19)', 7],
      ['Anything for older people', FEW],
    ]);
    expect(misses.totals?.values).toEqual([{ atLeast: 19, below: 24 }]);
    const text = answer.summary.find((s) => s.month === '2026-11')?.text ?? '';
    expect(text).toContain('The most-tapped way at the kiosk at Warndon Church Hall was Connect.');
    expect(text).toContain(
      'Residents looked for Be Active on Saturdays in Gorse Hill 12 times and Be Active on Saturdays in Warndon for young people (11–19) 7 times and found nothing.',
    );
    expect(text).toContain('Residents used the kiosks at least 55 times.');
  });

  it('writes each table as CSV, small counts as words', async () => {
    const { t, get } = await setUp();
    addKiosk(t.db, [
      ['2026-11-02', 'warndon-church-hall', 'zero-results', 'way=give;day=;area=;audience=', 9],
      [
        '2026-11-02',
        'warndon-church-hall',
        'zero-results',
        'way=connect;day=today;area=;audience=',
        2,
      ],
      ['2026-11-02', 'warndon-church-hall', 'visit', '', 9],
      ['2026-11-09', 'warndon-church-hall', 'visit', '', 3],
    ]);
    const res = await get('/api/insights/zero-results.csv?from=2026-11-01&to=2026-11-30');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="zero-results-2026-11-01-to-2026-11-30.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(new TextDecoder().decode(bytes.slice(3)))).toEqual([
      ['Looked for', 'Times'],
      ['Give', '9'],
      ['Connect today', 'fewer than 5'],
      ['Total', 'at least 9'],
    ]);
    const visits = await get('/api/insights/kiosk-visits-by-hub.csv?from=2026-11-01&to=2026-11-15');
    expect(parseCsv((await visits.text()).replace(/^\uFEFF/, ''))).toEqual([
      ['Week', 'Warndon Church Hall', 'Total'],
      ['1 Nov 2026', 'fewer than 5', 'fewer than 5'],
      ['2–8 Nov 2026', '9', '9'],
      ['9–15 Nov 2026', 'fewer than 5', 'fewer than 5'],
      ['Total', 'at least 9', 'at least 9'],
    ]);
  });
});

describe('findings for the collaborative', () => {
  function seedFindings(db: Db, userId: number) {
    const talk = db.prepare(
      `INSERT INTO champion_conversations (logged_by, day, place_kind, venue, ways, promoted, took_home,
         interest_volunteering, interest_champion, interest_panel, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < 7; i++) {
      const { lastInsertRowid } = talk.run(
        userId,
        '2026-11-03',
        'clinic',
        'gorse-hill-hub',
        JSON.stringify(i < 4 ? ['connect', 'be-active'] : i < 6 ? ['connect'] : ['give']),
        JSON.stringify([{ kind: 'group', key: 'knit-and-natter' }]),
        1,
        i < 5 ? 1 : 0,
        i < 2 ? 1 : 0,
        0,
        '2026-11-03T10:00:00.000Z',
      );
      if (i === 0) {
        db.prepare(
          `INSERT INTO champion_contacts (conversation_id, name, phone, email, interested_in, consent_wording,
             consented_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          lastInsertRowid,
          'Zenobia Quartermaine',
          '07700 900123',
          'zenobia@example.net',
          'volunteering',
          'I agree to be contacted',
          '2026-11-03T10:00:00.000Z',
          userId,
        );
      }
    }
    talk.run(
      userId,
      '2026-12-01',
      'hub',
      'rainbow-hill-hub',
      '[]',
      '[]',
      0,
      0,
      0,
      1,
      '2026-12-01T10:00:00.000Z',
    );
    const suggest = db.prepare(
      `INSERT INTO group_suggestions (received_at, source, language, name, what, where_text, when_text, ways,
         group_contact, reply_email, status, created_by) VALUES (?, ?, 'en', ?, ?, ?, ?, '[]', ?, ?, ?, NULL)`,
    );
    for (let i = 0; i < 6; i++) {
      suggest.run(
        '2026-11-05T12:00:00.000Z',
        'public',
        `Secret Allotment Club ${i}`,
        'Digging together',
        'Behind Cranham Drive',
        'Sundays',
        'ring Ophelia on 07700 900456',
        'suggester.quill@example.com',
        i < 5 ? 'approved' : 'declined',
      );
    }
    // Arrived at 00:30 on 1 December in London (GMT): December's.
    suggest.run(
      '2026-12-01T00:30:00.000Z',
      'champion',
      'Late Night Chess',
      'Chess',
      'Hub',
      'Fri',
      '',
      null,
      'new',
    );
  }

  it('tallies conversations by place and month, ways, services, interest and suggestions', async () => {
    const { t, ids, insights } = await setUp();
    seedFindings(t.db, ids.admin);
    const answer = await insights('from=2026-11-01&to=2026-12-06');
    expect(cellsOf(tableOf(answer, 'conversations'))).toEqual({
      'Clinic at Gorse Hill Community Hub': { 'November 2026': 7, 'December 2026': FEW, Total: 7 },
      'Rainbow Hill Community Hub': { 'November 2026': FEW, 'December 2026': FEW, Total: FEW },
    });
    expect(cellsOf(tableOf(answer, 'conversation-ways'))['Connect']).toEqual({
      'November 2026': 6,
      'December 2026': FEW,
      Total: 6,
    });
    expect(cellsOf(tableOf(answer, 'services-promoted'))).toEqual({
      'Knit and Natter': { 'November 2026': 7, 'December 2026': FEW, Total: 7 },
    });
    expect(cellsOf(tableOf(answer, 'interest'))).toMatchObject({
      Conversations: { 'November 2026': 7, 'December 2026': FEW, Total: { atLeast: 7, below: 12 } },
      'Services or groups taken home': { 'November 2026': 7 },
      'Interested in volunteering': { 'November 2026': 5 },
      'Interested in becoming a Community Champion': { 'November 2026': FEW },
    });
    expect(cellsOf(tableOf(answer, 'suggestions'))).toEqual({
      'Waiting for a decision': { 'November 2026': FEW, 'December 2026': FEW, Total: FEW },
      'Approved as a new group': { 'November 2026': 5, 'December 2026': FEW, Total: 5 },
      'Merged into a group already listed': {
        'November 2026': FEW,
        'December 2026': FEW,
        Total: FEW,
      },
      Declined: { 'November 2026': FEW, 'December 2026': FEW, Total: FEW },
    });
    const november = answer.summary.find((s) => s.month === '2026-11')?.text ?? '';
    expect(november).toContain(
      'The Community Champion logged 7 conversations; the way that came up most was Connect.',
    );
    expect(november).toContain(
      "Residents interested in volunteering: 5; in becoming a Champion: fewer than 5; in the residents' panel: fewer than 5.",
    );
    expect(november).toContain(
      'At least 5 groups were suggested (approved: 5, merged: fewer than 5, declined: fewer than 5, waiting: fewer than 5).',
    );
  });

  it('holds no name, contact or email from the contacts or the suggestions, in JSON or any CSV', async () => {
    const { t, ids, get, insights } = await setUp();
    seedFindings(t.db, ids.admin);
    const range = 'from=2026-11-01&to=2026-12-06';
    const answer = await insights(range);
    const texts = [JSON.stringify(answer)];
    for (const table of answer.tables) {
      const res = await get(`/api/insights/${table.id}.csv?${range}`);
      expect(res.status).toBe(200);
      texts.push(await res.text());
    }
    const personal = [
      'Zenobia',
      'Quartermaine',
      '07700',
      'zenobia@example.net',
      'I agree',
      'Secret Allotment',
      'Late Night Chess',
      'Ophelia',
      'suggester.quill',
      'Cranham Drive',
      'Digging',
      '@',
      'admin@example.org',
    ];
    for (const text of texts) for (const word of personal) expect(text).not.toContain(word);
  });
});
