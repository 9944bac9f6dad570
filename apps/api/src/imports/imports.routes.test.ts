import type {
  CalendarLink,
  CalendarLinkList,
  ImportPreview,
  ImportRun,
  ImportRunList,
  Session,
} from '@fiveways/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { dumpTables, makeStaffTestApp, VENUE_A, VENUE_C } from '../test-support.ts';
import type { FetchCalendarOptions, FetchCalendarResult } from './fetch-calendar.ts';
import type { CalendarTools } from './importer.ts';
import type { ImportPlan, PlannedSession } from './plan-import.ts';
import { runDueImports } from './scheduler.ts';

const GROUP = 'knit-and-natter'; // meets at VENUE_C
const URL_ = 'https://calendar.example.org/knit.ics';

function weekly(overrides: Partial<PlannedSession> = {}): PlannedSession {
  return {
    sourceKey: 'knit@example.org',
    title: 'Knit and Natter',
    description: 'Bring your needles',
    url: 'https://example.org/knit',
    venue: VENUE_C,
    startDate: '2026-12-01',
    startTime: '10:00',
    endTime: '12:00',
    repeat: { every: 'week', interval: 1, days: ['tue'] },
    until: null,
    count: null,
    exceptions: [
      {
        date: '2026-12-08',
        kind: 'cancelled',
        reason: '',
        newDate: null,
        startTime: null,
        endTime: null,
        venueSlug: null,
      },
    ],
    expandedFrom: null,
    ...overrides,
  };
}

function oneOff(overrides: Partial<PlannedSession> = {}): PlannedSession {
  return {
    ...weekly(),
    sourceKey: 'quiz@example.org',
    title: 'Christmas quiz',
    description: '',
    startDate: '2026-12-10',
    startTime: '19:00',
    endTime: '21:00',
    repeat: null,
    exceptions: [],
    ...overrides,
  };
}

/** A calendar whose plan the test sets, and whose fetch answers as the test says. */
function standInCalendar() {
  const state: {
    plan: ImportPlan;
    answer: 'changed' | 'not-modified' | 'failed';
    fetches: FetchCalendarOptions[];
  } = {
    plan: { sessions: [weekly(), oneOff()], skipped: [], expanded: [], cancelledSeries: [] },
    answer: 'changed',
    fetches: [],
  };
  const tools: CalendarTools = {
    urlOf: (input) => {
      const url = input.replace(/^webcal:\/\//i, 'https://');
      return /^https?:\/\/[^/]/.test(url)
        ? { url }
        : { error: 'Give the calendar’s address, starting with https:// or webcal://' };
    },
    fetch: (_url, options): Promise<FetchCalendarResult> => {
      state.fetches.push(options);
      if (state.answer === 'failed') {
        return Promise.resolve({
          kind: 'failed',
          reason: 'The calendar’s server answered 500',
          retryable: true,
        });
      }
      if (state.answer === 'not-modified') return Promise.resolve({ kind: 'not-modified' });
      return Promise.resolve({
        kind: 'changed',
        text: 'BEGIN:VCALENDAR',
        etag: '"v1"',
        lastModified: null,
        finalUrl: URL_,
      });
    },
    plan: () => structuredClone(state.plan),
  };
  return { state, tools };
}

describe('linking and importing a group’s own calendar', () => {
  let t: ReturnType<typeof makeStaffTestApp>;
  let calendar: ReturnType<typeof standInCalendar>;
  let cookies: Awaited<ReturnType<typeof t.createPeople>>['cookies'];
  let ids: Awaited<ReturnType<typeof t.createPeople>>['ids'];

  beforeEach(async () => {
    calendar = standInCalendar();
    t = makeStaffTestApp({ calendarTools: calendar.tools });
    ({ cookies, ids } = await t.createPeople());
  });

  async function link(body: unknown = { url: 'webcal://calendar.example.org/knit.ics' }) {
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

  it('links a webcal:// address as https://, naming a bad field with a 400', async () => {
    const made = await link();
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ group: GROUP, url: URL_, venue: null, lastError: null });

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
      body: { url: URL_ },
    });
    expect(noVenue.status).toBe(400);
    expect(await noVenue.json()).toMatchObject({ error: { issues: [{ path: 'venue' }] } });
    const withVenue = await t.request('POST', '/api/groups/walking-for-health/calendars', {
      cookie: cookies.admin,
      body: { url: URL_, venue: VENUE_A },
    });
    expect(withVenue.status).toBe(201);
  });

  it('lets only those who may edit the group link its calendar', async () => {
    const res = await t.request('POST', `/api/groups/${GROUP}/calendars`, {
      cookie: cookies.staffA,
      body: { url: URL_ },
    });
    expect(res.status).toBe(403);
    const anon = await t.request('POST', `/api/groups/${GROUP}/calendars`, {
      body: { url: URL_ },
    });
    expect(anon.status).toBe(401);
  });

  it('previews what would come in and writes nothing', async () => {
    calendar.state.plan.skipped = [{ uid: 'x', title: 'Every minute', reason: 'no end time' }];
    const before = dumpTables(t.db);
    const res = await t.request('POST', `/api/groups/${GROUP}/calendars/preview`, {
      cookie: cookies.admin,
      body: { url: URL_ },
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
      importedFrom: { group: GROUP, url: URL_ },
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
    calendar.state.plan = {
      sessions: [
        weekly({
          title: 'Knit, Natter and Tea',
          exceptions: [
            ...weekly().exceptions,
            { ...weekly().exceptions[0], date: '2026-12-22' } as PlannedSession['exceptions'][0],
          ],
        }),
      ],
      skipped: [],
      expanded: [],
      cancelledSeries: [],
    };
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
    calendar.state.plan.cancelledSeries = ['knit@example.org'];
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
    expect(calendar.state.fetches.at(-1)?.etag).toBeNull();

    calendar.state.answer = 'not-modified';
    const same = await importNow(made.id);
    expect(same).toMatchObject({ outcome: 'not-modified', added: 0, updated: 0 });
    expect(calendar.state.fetches.at(-1)?.etag).toBe('"v1"');

    calendar.state.answer = 'failed';
    const failed = await importNow(made.id);
    expect(failed).toMatchObject({
      outcome: 'failed',
      error: 'The calendar’s server answered 500',
    });
    const list = await t.request('GET', `/api/groups/${GROUP}/calendars`, {
      cookie: cookies.admin,
    });
    const state = ((await list.json()) as CalendarLinkList).items[0];
    const now = t.clock().getTime();
    expect(state).toMatchObject({
      lastError: 'The calendar’s server answered 500',
      consecutiveFailures: 1,
      failingSince: new Date(now).toISOString(),
      warning: null,
    });
    // Interval (60 minutes) × 2 ^ failures.
    expect(state?.nextAttemptAt).toBe(new Date(now + 2 * 3_600_000).toISOString());

    // The scheduler leaves it alone until then, and backs off further after each failure.
    const importer = t.importer;
    if (importer === undefined) throw new Error('the test app has an importer');
    expect(await runDueImports(importer, new Date(now + 3_600_000))).toEqual([]);
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
    expect(row.next_attempt_at).toBe(new Date(at + 24 * 3_600_000).toISOString());

    // Three days failing: a warning on the staff home page.
    t.advance(4 * 86_400_000);
    cookies.admin = t.cookieFor(ids.admin);
    const home = await t.request('GET', '/api/staff/calendars', { cookie: cookies.admin });
    const warned = ((await home.json()) as CalendarLinkList).items[0];
    expect(warned?.warning).toMatch(/^Has not imported since 23 Nov 2026: The calendar’s server/);

    // A success clears it.
    calendar.state.answer = 'changed';
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
