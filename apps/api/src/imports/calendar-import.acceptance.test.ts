// A group's calendar, in the shape Google Calendar exports, served by a local HTTP server (listed
// in the allow-list), linked and imported through the staff API over real HTTP; what the service
// then publishes is compared with node-ical's own expansion of the calendar, and the calendar is
// changed and imported again.
import { readFileSync } from 'node:fs';
import type { ServerType } from '@hono/node-server';
import {
  addDays,
  toLondonInstant,
  type CalendarLink,
  type CalendarLinkList,
  type ImportPreview,
  type ImportRun,
  type Occurrence,
  type Session,
} from '@fiveways/shared';
import nodeIcal, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { DEFAULT_IMPORT_ENV } from '../env.ts';
import { startServer } from '../http/server-limits.ts';
import { insertUser } from '../users/users.queries.ts';
import {
  openTestDb,
  TEST_NOW,
  TEST_PASSWORD,
  testPasswordHash,
  testShellRoot,
} from '../test-support.ts';
import {
  startCalendarServer,
  type CalendarServer,
  type ServedCalendar,
} from './calendar-test-server.ts';
import { createImporter } from './importer.ts';
import { expandWithNodeIcal } from './plan-test-helpers.ts';
import { runDueImports } from './scheduler.ts';

const GROUP = 'knit-and-natter';
const PUBLIC_URL = 'http://localhost:8787';
// The comparison window: from the test's today for twelve weeks (the API answers 93 days at most).
const FROM = '2026-11-23';
const TO = '2027-02-14';

const LONDON = `BEGIN:VTIMEZONE
TZID:Europe/London
X-LIC-LOCATION:Europe/London
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:BST
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:GMT
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE`;

function googleEvent(lines: string[]): string {
  return [
    'BEGIN:VEVENT',
    ...lines,
    'DTSTAMP:20261120T090000Z',
    'CREATED:20261101T090000Z',
    'LAST-MODIFIED:20261120T090000Z',
    'SEQUENCE:0',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ].join('\r\n');
}

interface SourceShape {
  knitTitle: string;
  knitExdates: string[];
  knitMoves: { from: string; to: string }[];
  withQuiz: boolean;
  craftCancelled: boolean;
}

/** The group's calendar as Google Calendar would export it. */
function googleCalendar(shape: SourceShape): string {
  const events = [
    googleEvent([
      'DTSTART;TZID=Europe/London:20261201T100000',
      'DTEND;TZID=Europe/London:20261201T120000',
      'RRULE:FREQ=WEEKLY;BYDAY=TU',
      ...shape.knitExdates.map((d) => `EXDATE;TZID=Europe/London:${d}T100000`),
      'UID:0a1b2c3d4e5f@google.com',
      'DESCRIPTION:Bring your needles\\, or borrow ours.',
      'LOCATION:Warndon Church Hall\\, Cranham Drive\\, Worcester',
      'STATUS:CONFIRMED',
      `SUMMARY:${shape.knitTitle}`,
    ]),
    ...shape.knitMoves.map((m) =>
      googleEvent([
        `DTSTART;TZID=Europe/London:${m.to}T140000`,
        `DTEND;TZID=Europe/London:${m.to}T160000`,
        `RECURRENCE-ID;TZID=Europe/London:${m.from}T100000`,
        'UID:0a1b2c3d4e5f@google.com',
        'STATUS:CONFIRMED',
        `SUMMARY:${shape.knitTitle}`,
      ]),
    ),
    ...(shape.withQuiz
      ? [
          googleEvent([
            'DTSTART:20261210T190000Z',
            'DTEND:20261210T210000Z',
            'UID:quiz-2026@google.com',
            'STATUS:CONFIRMED',
            'SUMMARY:Christmas quiz',
          ]),
        ]
      : []),
    googleEvent([
      'DTSTART;TZID=Europe/London:20261203T180000',
      'DTEND;TZID=Europe/London:20261203T193000',
      'RRULE:FREQ=MONTHLY;BYDAY=1TH',
      'UID:craft-club@google.com',
      `STATUS:${shape.craftCancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'SUMMARY:Craft club',
    ]),
  ];
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Knit and Natter',
    'X-WR-TIMEZONE:Europe/London',
    LONDON,
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** What a calendar app shows: [title, UTC start, UTC end] of every occurrence that is on. */
function expandIndependently(ics: string): string[][] {
  const data = nodeIcal.sync.parseICS(ics);
  const from = new Date(`${FROM}T00:00:00Z`);
  const to = new Date(`${TO}T23:59:59Z`);
  const seen: string[][] = [];
  for (const component of Object.values(data)) {
    if (component === undefined || component.type !== 'VEVENT') continue;
    const master: VEvent = component;
    for (const o of nodeIcal.expandRecurringEvent(master, { from, to })) {
      if (String(o.event.status).toUpperCase() === 'CANCELLED') continue;
      const summary = o.event.summary;
      const title = typeof summary === 'string' ? summary : String(summary.val);
      seen.push([
        title,
        new Date(o.start.getTime()).toISOString(),
        new Date(o.end.getTime()).toISOString(),
      ]);
    }
  }
  return seen.sort();
}

describe('importing a group’s Google calendar end to end', () => {
  let calendarServer: CalendarServer;
  let served: ServedCalendar;
  let apiServer: ServerType;
  let api = '';
  let cookie = '';
  let calendarUrl = '';
  let fixturesUrl = '';
  const db = openTestDb();
  let now = TEST_NOW.getTime();
  const clock = () => new Date(now);
  const cache = createReadCache();
  let importer: ReturnType<typeof createImporter>;

  beforeAll(async () => {
    calendarServer = await startCalendarServer();
    served = calendarServer.served;
    calendarUrl = calendarServer.urlOf('/calendar/ical/knit/basic.ics');
    fixturesUrl = calendarServer.urlOf('/fixtures');

    importer = createImporter({
      db,
      cache,
      clock,
      settings: { ...DEFAULT_IMPORT_ENV, allowHosts: [calendarServer.host], timeoutSeconds: 5 },
    });
    const app = createApp({
      db,
      clock,
      publicUrl: PUBLIC_URL,
      cache,
      staticRoot: testShellRoot(),
      importer,
    });
    await new Promise<void>((resolve) => {
      apiServer = startServer(app.fetch, 0, (info) => {
        api = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });

    insertUser(
      db,
      {
        email: 'hub@example.org',
        name: 'Hub',
        role: 'admin',
        venues: [],
        passwordHash: await testPasswordHash(),
      },
      clock().toISOString(),
    );
    await logIn();
  });

  afterAll(async () => {
    await calendarServer.close();
    await new Promise((resolve) => apiServer.close(resolve));
  });

  /** A real login, as a browser makes it; the cookie is kept for the calls below. */
  async function logIn() {
    const login = await fetch(`${api}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
      body: JSON.stringify({ email: 'hub@example.org', password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(204);
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .join('; ');
  }

  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: {
        cookie,
        origin: PUBLIC_URL,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: res.status,
      body: res.status === 204 ? null : await res.json(),
    };
  }

  /** [title, UTC start, UTC end] of the group's occurrences that are on, as the API lists them. */
  async function published(): Promise<{ on: string[][]; all: Occurrence[] }> {
    const res = await call('GET', `/api/occurrences?from=${FROM}&to=${TO}`);
    const all = (res.body as { occurrences: Occurrence[] }).occurrences.filter(
      (o) => o.group === GROUP,
    );
    const on = all
      .filter((o) => o.status === 'scheduled')
      .map((o) => [o.title, new Date(o.start).toISOString(), new Date(o.end).toISOString()]);
    return { on: on.sort(), all };
  }

  let link: CalendarLink;
  let knitId = 0;

  it('links the calendar (webcal://), imports it, and publishes what the calendar shows', async () => {
    served.ics = googleCalendar({
      knitTitle: 'Knit and Natter',
      knitExdates: ['20261222'],
      knitMoves: [{ from: '20261215', to: '20261216' }],
      withQuiz: true,
      craftCancelled: false,
    });
    const made = await call('POST', `/api/groups/${GROUP}/calendars`, {
      url: calendarUrl.replace(/^http:/, 'webcal:'),
    });
    expect(made.status).toBe(201);
    link = made.body as CalendarLink;
    expect(link.url).toBe(calendarUrl);

    const run = (await call('POST', `/api/calendars/${link.id}/import`)).body as ImportRun;
    expect(run).toMatchObject({ outcome: 'imported', added: 3, updated: 0, archived: 0 });

    const { on, all } = await published();
    expect(on).toEqual(expandIndependently(served.ics));
    expect(on.length).toBeGreaterThan(10);
    // The EXDATE is a cancellation here, so a calendar subscriber sees it struck through.
    expect(all.find((o) => o.date === '2026-12-22')?.status).toBe('cancelled');
    expect(all.find((o) => o.date === '2026-12-15')).toMatchObject({
      changed: true,
      start: toLondonInstant('2026-12-16', '14:00'),
    });
    const sessions = (await call('GET', `/api/sessions?group=${GROUP}`)).body as {
      items: Session[];
    };
    const knit = sessions.items.find((s) => s.title === 'Knit and Natter');
    expect(knit?.repeat).toEqual({ every: 'week', interval: 1, days: ['tue'] });
    expect(knit?.importedFrom).toEqual({ group: GROUP, url: calendarUrl });
    knitId = knit?.id ?? 0;
  });

  it('counts an unchanged calendar as a 304, writing nothing', async () => {
    const before = served.notModified;
    const run = (await call('POST', `/api/calendars/${link.id}/import`)).body as ImportRun;
    expect(run.outcome).toBe('not-modified');
    expect(served.notModified).toBe(before + 1);
  });

  it('follows the calendar’s changes: updated in place, archived, cancelled', async () => {
    // Staff's own cancellation of an imported date, and a local extra, before the change.
    expect(
      (
        await call('POST', `/api/sessions/${knitId}/cancellations`, {
          date: '2027-02-02',
          reason: 'Hall closed for repairs',
        })
      ).status,
    ).toBe(201);
    expect((await call('PATCH', `/api/sessions/${knitId}`, { booking: 'book' })).status).toBe(200);

    served.etag = '"2"';
    served.ics = googleCalendar({
      knitTitle: 'Knit, Natter and Tea',
      knitExdates: ['20261222', '20270112'],
      knitMoves: [
        { from: '20261215', to: '20261216' },
        { from: '20270105', to: '20270106' },
      ],
      withQuiz: false,
      craftCancelled: true,
    });
    const run = (await call('POST', `/api/calendars/${link.id}/import`)).body as ImportRun;
    expect(run).toMatchObject({ outcome: 'imported', added: 0, archived: 1 });
    expect(run.updated).toBe(2);
    expect(run.report.map((l) => l.kind).sort()).toEqual(['archived', 'cancelled', 'updated']);

    const sessions = (await call('GET', `/api/sessions?group=${GROUP}`)).body as {
      items: Session[];
    };
    expect(sessions.items.map((s) => s.title).sort()).toEqual([
      'Craft club',
      'Knit, Natter and Tea',
    ]);
    const knit = sessions.items.find((s) => s.id === knitId);
    expect(knit?.booking).toBe('book');

    const { on, all } = await published();
    // The independent reading, less the date staff cancelled here.
    const staffCancelled = toLondonInstant('2027-02-02', '10:00');
    expect(on).toEqual(
      expandIndependently(served.ics).filter(
        ([, start]) => start !== new Date(staffCancelled).toISOString(),
      ),
    );
    expect(all.find((o) => o.date === '2027-02-02')).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Hall closed for repairs',
    });
    expect(all.find((o) => o.date === '2027-01-12')?.status).toBe('cancelled');
    expect(all.filter((o) => o.title === 'Craft club').every((o) => o.status === 'cancelled')).toBe(
      true,
    );

    const feed = await (await fetch(`${api}/feeds/groups/${GROUP}.ics`)).text();
    const craftCancelled = feed
      .split('BEGIN:VEVENT')
      .filter((e) => e.includes('Craft club') && e.includes('STATUS:CANCELLED'));
    expect(craftCancelled.length).toBeGreaterThanOrEqual(2);
    expect(feed).not.toContain('Christmas quiz');
  });

  it('keeps the error and backs off when the calendar fails', async () => {
    served.status = 500;
    now += 2 * 3_600_000;
    const runs = await runDueImports(importer, clock());
    expect(runs.map((r) => r.outcome)).toEqual(['failed']);
    const list = (await call('GET', `/api/groups/${GROUP}/calendars`)).body as CalendarLinkList;
    const state = list.items[0];
    expect(state?.lastError).toMatch(/500/);
    expect(state?.consecutiveFailures).toBe(1);
    expect(state?.nextAttemptAt).toBe(new Date(now + 2 * 3_600_000).toISOString());
    // Not due again until then.
    expect(await runDueImports(importer, new Date(now + 3_600_000))).toEqual([]);
    // The sessions stay as they were.
    const sessions = (await call('GET', `/api/sessions?group=${GROUP}`)).body as {
      items: Session[];
    };
    expect(sessions.items).toHaveLength(2);
  });

  it.each([
    ['google-calendar.ics', 'walking-for-health'],
    ['outlook-exchange.ics', 'young-makers'],
    ['apple-icloud.ics', 'apple-group'],
    ['nextcloud.ics', 'nextcloud-group'],
  ])('imports %s as node-ical expands it', async (file, group) => {
    served.status = 200;
    now = new Date('2027-01-01T10:00:00.000Z').getTime();
    await logIn();
    if (group.endsWith('-group')) {
      const made = await call('POST', '/api/groups', {
        slug: group,
        name: `Group ${group}`,
        ways: ['connect'],
        venueSlug: 'warndon-church-hall',
      });
      expect(made.status).toBe(201);
    }
    // The group's own sessions made here before the link are not the calendar's.
    const local = new Set(
      ((await call('GET', `/api/sessions?group=${group}`)).body as { items: Session[] }).items.map(
        (x) => x.id,
      ),
    );
    const body = { url: `${fixturesUrl}/${file}`, venue: 'gorse-hill-hub' };
    const preview = await call('POST', `/api/groups/${group}/calendars/preview`, body);
    expect(preview.status).toBe(200);
    const skipped = new Set((preview.body as ImportPreview).skipped.map((s) => s.uid));
    const made = await call('POST', `/api/groups/${group}/calendars`, body);
    expect(made.status).toBe(201);
    const run = (await call('POST', `/api/calendars/${(made.body as CalendarLink).id}/import`))
      .body as ImportRun;
    expect(run.outcome).toBe('imported');
    expect(run.added).toBeGreaterThan(0);

    // Up to the spring clock change, so floating times read the same by both.
    const [from, to] = ['2027-01-01', '2027-03-27'];
    const res = await call('GET', `/api/occurrences?from=${from}&to=${to}`);
    const ours = (res.body as { occurrences: Occurrence[] }).occurrences
      .filter((o) => o.group === group && o.status === 'scheduled' && !local.has(o.sessionId))
      .map((o) => `${new Date(o.start).toISOString()} ${new Date(o.end).toISOString()}`)
      .sort();
    const theirs = expandWithNodeIcal(
      readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'),
      new Date(`${from}T00:00:00Z`),
      new Date(`${addDays(to, 1)}T00:00:00Z`),
    )
      .filter((o) => !o.cancelled && !skipped.has(o.uid))
      // An evening past midnight is published as its two days' pieces (London is on GMT here).
      .flatMap((o) =>
        o.start.slice(0, 10) === o.end.slice(0, 10) || o.end.endsWith('T00:00:00.000Z')
          ? [`${o.start} ${o.end}`]
          : [
              `${o.start} ${o.start.slice(0, 10)}T23:59:00.000Z`,
              `${o.end.slice(0, 10)}T00:00:00.000Z ${o.end}`,
            ],
      )
      .sort();
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });
});
