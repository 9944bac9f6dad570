import type {
  CalendarLink,
  CalendarLinkList,
  ImportPreview,
  ImportRun,
  ImportRunList,
  Session,
} from '@fiveways/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_ENV } from '../env.ts';
import { dumpTables, makeStaffTestApp, VENUE_A, VENUE_C } from '../test-support.ts';
import { startCalendarServer, type CalendarServer } from './calendar-test-server.ts';
import { runDueImports } from './scheduler.ts';

const GROUP = 'knit-and-natter'; // meets at VENUE_C
const PATH = '/knit.ics';

interface CalendarShape {
  knitTitle?: string;
  knitExdates?: string[];
  knitCancelled?: boolean;
  withQuiz?: boolean;
  /** An event with no end, which the import skips. */
  withEndless?: boolean;
}

/**
 * The group's calendar: Knit and Natter every Tuesday 10:00–12:00 from 1 Dec 2026 (not 8 Dec),
 * described and linked, and a one-off Christmas quiz on Thursday 10 Dec 2026, 19:00–21:00.
 */
function calendarText({
  knitTitle = 'Knit and Natter',
  knitExdates = ['20261208'],
  knitCancelled = false,
  withQuiz = true,
  withEndless = false,
}: CalendarShape = {}): string {
  const event = (lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Knit and Natter//EN',
    ...event([
      'UID:knit@example.org',
      'DTSTAMP:20261120T090000Z',
      'DTSTART;TZID=Europe/London:20261201T100000',
      'DTEND;TZID=Europe/London:20261201T120000',
      'RRULE:FREQ=WEEKLY;BYDAY=TU',
      ...knitExdates.map((d) => `EXDATE;TZID=Europe/London:${d}T100000`),
      `SUMMARY:${knitTitle}`,
      'DESCRIPTION:Bring your needles',
      'URL:https://example.org/knit',
      ...(knitCancelled ? ['STATUS:CANCELLED'] : []),
    ]),
    ...(withQuiz
      ? event([
          'UID:quiz@example.org',
          'DTSTAMP:20261120T090000Z',
          'DTSTART;TZID=Europe/London:20261210T190000',
          'DTEND;TZID=Europe/London:20261210T210000',
          'SUMMARY:Christmas quiz',
        ])
      : []),
    ...(withEndless
      ? event([
          'UID:x',
          'DTSTAMP:20261120T090000Z',
          'DTSTART;TZID=Europe/London:20261201T090000',
          'SUMMARY:Every minute',
        ])
      : []),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('linking and importing a group’s own calendar', () => {
  let t: ReturnType<typeof makeStaffTestApp>;
  let server: CalendarServer;
  let url = '';
  let cookies: Awaited<ReturnType<typeof t.createPeople>>['cookies'];
  let ids: Awaited<ReturnType<typeof t.createPeople>>['ids'];

  beforeEach(async () => {
    server = await startCalendarServer();
    server.served.ics = calendarText();
    server.served.etag = '"v1"';
    url = server.urlOf(PATH);
    t = makeStaffTestApp({
      importSettings: { ...DEFAULT_IMPORT_ENV, allowHosts: [server.host], timeoutSeconds: 5 },
    });
    ({ cookies, ids } = await t.createPeople());
  });

  afterEach(async () => {
    await server.close();
  });

  /** Changes the served calendar, with a new ETag as a real server would give it. */
  function changeCalendar(shape: CalendarShape, etag: string) {
    server.served.ics = calendarText(shape);
    server.served.etag = etag;
  }

  async function link(body: unknown = { url: url.replace(/^http:/, 'webcal:') }) {
    const res = await t.request('POST', `/api/groups/${GROUP}/calendars`, {
      cookie: cookies.admin,
      body,
    });
    return { status: res.status, body: (await res.json()) as CalendarLink };
  }

  async function importNow(id: number): Promise<ImportRun> {
    const res = await t.request('POST', `/api/calendars/${id}/import`, { cookie: cookies.admin });
    expect(res.status).toBe(200);
    return (await res.json()) as ImportRun;
  }

  async function groupSessions(): Promise<Session[]> {
    const res = await t.request('GET', `/api/sessions?group=${GROUP}`);
    return ((await res.json()) as { items: Session[] }).items;
  }

  it('links a webcal:// address as http://, naming a bad field with a 400', async () => {
    const made = await link();
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ group: GROUP, url, venue: null, lastError: null });

    const bad = await t.request('POST', `/api/groups/${GROUP}/calendars`, {
      cookie: cookies.admin,
      body: { url: 'ftp://x' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { issues: [{ path: 'url' }] } });

    const again = await link();
    expect(again.status).toBe(409);

    // A group that meets at no venue needs one for its sessions.
    const noVenue = await t.request('POST', '/api/groups/walking-for-health/calendars', {
      cookie: cookies.admin,
      body: { url },
    });
    expect(noVenue.status).toBe(400);
    expect(await noVenue.json()).toMatchObject({ error: { issues: [{ path: 'venue' }] } });
    const withVenue = await t.request('POST', '/api/groups/walking-for-health/calendars', {
      cookie: cookies.admin,
      body: { url, venue: VENUE_A },
    });
    expect(withVenue.status).toBe(201);
  });

  it('lets only those who may edit the group link its calendar', async () => {
    const res = await t.request('POST', `/api/groups/${GROUP}/calendars`, {
      cookie: cookies.staffA,
      body: { url },
    });
    expect(res.status).toBe(403);
    const anon = await t.request('POST', `/api/groups/${GROUP}/calendars`, {
      body: { url },
    });
    expect(anon.status).toBe(401);
  });

  it('previews what would come in and writes nothing', async () => {
    server.served.ics = calendarText({ withEndless: true });
    const before = dumpTables(t.db);
    const res = await t.request('POST', `/api/groups/${GROUP}/calendars/preview`, {
      cookie: cookies.admin,
      body: { url },
    });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as ImportPreview;
    expect(preview.sessions.map((s) => [s.title, s.when])).toEqual([
      ['Knit and Natter', 'Every Tuesday, 10:00–12:00, from 1 Dec 2026'],
      ['Christmas quiz', 'Once, on Thursday 10 December 2026, 19:00–21:00'],
    ]);
    expect(preview.sessions[0]?.cancelledDates).toEqual(['2026-12-08']);
    expect(preview.skipped).toEqual([{ uid: 'x', title: 'Every minute', reason: 'no end time' }]);
    expect(dumpTables(t.db)).toBe(before);
  });

  it('imports with the group’s defaults, marks the sessions, and re-imports in place', async () => {
    const { body: made } = await link();
    const first = await importNow(made.id);
    expect(first).toMatchObject({ outcome: 'imported', added: 2, updated: 0, archived: 0 });
    expect(first.report.map((l) => l.kind)).toEqual(['added', 'added']);

    let sessions = await groupSessions();
    const knit = sessions.find((s) => s.title === 'Knit and Natter');
    expect(knit).toMatchObject({
      ways: ['connect', 'give'],
      audiences: ['older-people'],
      venue: { slug: VENUE_C },
      importedFrom: { group: GROUP, url },
      exceptions: [{ date: '2026-12-08', kind: 'cancelled' }],
    });
    expect(knit?.sourceOwned).toContain('title');
    expect(knit?.sourceOwned).not.toContain('venue'); // the default venue, not the calendar's
    const id = knit?.id ?? 0;

    // Source-owned fields are refused, naming the field; local extras are kept.
    const refused = await t.request('PATCH', `/api/sessions/${id}`, {
      cookie: cookies.admin,
      body: { title: 'Knitting' },
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: 'source_owned', issues: [{ path: 'title' }] },
    });
    const extras = await t.request('PATCH', `/api/sessions/${id}`, {
      cookie: cookies.admin,
      body: { ways: ['connect'], booking: 'book', accessibility: 'Step-free', title: knit?.title },
    });
    expect(extras.status).toBe(200);
    const cancel = await t.request('POST', `/api/sessions/${id}/cancellations`, {
      cookie: cookies.admin,
      body: { date: '2026-12-15', reason: 'Hall booked for a wedding' },
    });
    expect(cancel.status).toBe(201);
    const archive = await t.request('DELETE', `/api/sessions/${id}`, { cookie: cookies.admin });
    expect(archive.status).toBe(409);

    // The calendar changes: a new title, a new EXDATE, and the quiz is deleted.
    changeCalendar(
      { knitTitle: 'Knit, Natter and Tea', knitExdates: ['20261208', '20261222'], withQuiz: false },
      '"v2"',
    );
    const second = await importNow(made.id);
    expect(second).toMatchObject({ outcome: 'imported', added: 0, updated: 1, archived: 1 });

    sessions = await groupSessions();
    expect(sessions.map((s) => s.title)).toEqual(['Knit, Natter and Tea']);
    const after = sessions[0];
    expect(after?.id).toBe(id);
    expect(after).toMatchObject({ ways: ['connect'], booking: 'book', accessibility: 'Step-free' });
    expect(after?.exceptions.map((e) => [e.date, e.reason])).toEqual([
      ['2026-12-08', ''],
      ['2026-12-15', 'Hall booked for a wedding'],
      ['2026-12-22', ''],
    ]);
    expect(after?.sequence).toBeGreaterThan(knit?.sequence ?? 0);

    // A cancelled series keeps its session and cancels its dates; feeds show them cancelled.
    changeCalendar(
      {
        knitTitle: 'Knit, Natter and Tea',
        knitExdates: ['20261208', '20261222'],
        withQuiz: false,
        knitCancelled: true,
      },
      '"v3"',
    );
    const third = await importNow(made.id);
    expect(third.report.map((l) => l.kind)).toEqual(['cancelled']);
    const feed = await (await t.request('GET', `/feeds/groups/${GROUP}.ics`)).text();
    expect(feed).toContain('STATUS:CANCELLED');
    const cancelled = (await groupSessions())[0]?.exceptions.filter((e) => e.kind === 'cancelled');
    expect(cancelled?.length).toBeGreaterThan(40);
    // ...and the staff's own cancellation is still theirs, with its reason.
    expect(cancelled?.find((e) => e.date === '2026-12-15')?.reason).toBe(
      'Hall booked for a wedding',
    );

    const audit = t.db
      .prepare("SELECT action, user_id FROM audit_log WHERE entity = 'session' ORDER BY id")
      .all();
    expect(audit).toContainEqual({ action: 'session.import-add', user_id: 1 });
    expect(audit).toContainEqual({ action: 'session.import-archive', user_id: 1 });
  });

  it('counts a 304 and backs off after failures, keeping the error for staff', async () => {
    const { body: made } = await link();
    await importNow(made.id);
    expect(server.served.requests.at(-1)).toEqual({ path: PATH, ifNoneMatch: null });

    // Unchanged: the import asks conditionally and the server answers 304.
    const same = await importNow(made.id);
    expect(same).toMatchObject({ outcome: 'not-modified', added: 0, updated: 0 });
    expect(server.served.requests.at(-1)).toEqual({ path: PATH, ifNoneMatch: '"v1"' });
    expect(server.served.notModified).toBe(1);

    server.served.status = 500;
    const failed = await importNow(made.id);
    expect(failed).toMatchObject({
      outcome: 'failed',
      error: "the calendar's server had a problem (500)",
    });
    const list = await t.request('GET', `/api/groups/${GROUP}/calendars`, {
      cookie: cookies.admin,
    });
    const state = ((await list.json()) as CalendarLinkList).items[0];
    const now = t.clock().getTime();
    expect(state).toMatchObject({
      lastError: "the calendar's server had a problem (500)",
      consecutiveFailures: 1,
      failingSince: new Date(now).toISOString(),
      warning: null,
    });
    // Interval (60 minutes) × 2 ^ failures.
    expect(state?.nextAttemptAt).toBe(new Date(now + 2 * 3_600_000).toISOString());

    // The scheduler leaves it alone until then, and backs off further after each failure.
    const importer = t.importer;
    if (importer === undefined) throw new Error('the test app has an importer');
    const asked = server.served.requests.length;
    expect(await runDueImports(importer, new Date(now + 3_600_000))).toEqual([]);
    expect(server.served.requests).toHaveLength(asked);
    let at = now;
    for (let i = 0; i < 6; i++) {
      at += 25 * 3_600_000;
      const runs = await runDueImports(importer, new Date(at));
      expect(runs.map((r) => r.outcome)).toEqual(['failed']);
    }
    const row = t.db
      .prepare('SELECT consecutive_failures, next_attempt_at FROM calendar_links')
      .get() as { consecutive_failures: number; next_attempt_at: string };
    expect(row.consecutive_failures).toBe(7);
    expect(server.served.requests).toHaveLength(asked + 6);
    expect(row.next_attempt_at).toBe(new Date(at + 24 * 3_600_000).toISOString());

    // Three days failing: a warning on the staff home page.
    t.advance(4 * 86_400_000);
    cookies.admin = t.cookieFor(ids.admin);
    const home = await t.request('GET', '/api/staff/calendars', { cookie: cookies.admin });
    const warned = ((await home.json()) as CalendarLinkList).items[0];
    expect(warned?.warning).toBe(
      "Has not imported since 23 Nov 2026: the calendar's server had a problem (500)",
    );

    // A success clears it.
    server.served.status = 200;
    changeCalendar({ knitTitle: 'Knit, Natter and Tea' }, '"v2"');
    await importNow(made.id);
    const runs = await t.request('GET', `/api/calendars/${made.id}/runs?limit=3`, {
      cookie: cookies.admin,
    });
    const body = (await runs.json()) as ImportRunList;
    expect(body.total).toBe(10);
    expect(body.items.map((r) => r.outcome)).toEqual(['imported', 'failed', 'failed']);
    expect(
      t.db.prepare('SELECT last_error, consecutive_failures FROM calendar_links').get(),
    ).toEqual({ last_error: null, consecutive_failures: 0 });
  });

  it('unlinking keeps the sessions, as ordinary ones staff may edit', async () => {
    const { body: made } = await link();
    await importNow(made.id);
    const del = await t.request('DELETE', `/api/calendars/${made.id}`, { cookie: cookies.admin });
    expect(del.status).toBe(204);
    const sessions = await groupSessions();
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => s.importedFrom === undefined)).toBe(true);
    const id = sessions[0]?.id ?? 0;
    const edit = await t.request('PATCH', `/api/sessions/${id}`, {
      cookie: cookies.admin,
      body: { title: 'Renamed' },
    });
    expect(edit.status).toBe(200);
  });
});
