// Every feed read by two independent parsers (Mozilla's ical.js and node-ical), expanded over a
// window spanning both 2027 clock changes, and compared with what /api/occurrences says.

import { OccurrenceListSchema, addDays, toUtcDate, type Occurrence } from '@fiveways/shared';
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { makeFixture, openTestDb, testClock } from '../test-support.ts';

const PUBLIC_URL = 'https://fiveways.example.org';
/** Both 2027 clock changes (28 March, 31 October), inside the feeds' window for the test clock. */
const FROM = '2027-03-01';
const TO = '2027-11-22';

/** What an occurrence looks like from outside: which session, when (UTC instants), on or off. */
interface Seen {
  sessionId: number;
  start: string;
  end: string;
  status: 'scheduled' | 'cancelled';
}

function keyOf(o: Seen): string {
  return `${o.sessionId} ${o.start} ${o.end} ${o.status}`;
}

function extraSessions() {
  return [
    {
      title: 'Chair yoga, not on bank holidays',
      venue: 'warndon-church-hall',
      ways: ['be-active'],
      startDate: '2027-02-01',
      startTime: '09:30',
      endTime: '10:30',
      repeat: { every: 'week', interval: 1, days: ['mon'] },
      skipBankHolidays: true,
    },
    {
      title: 'Repair Café; bring it, we’ll fix it',
      venue: 'rainbow-hill-hub',
      ways: ['give', 'keep-learning'],
      startDate: '2027-01-29',
      startTime: '14:00',
      endTime: '16:00',
      repeat: { every: 'month', weekday: 'fri', nth: -1 },
      until: '2027-12-31',
      exceptions: [{ date: '2027-10-29', kind: 'cancelled', reason: 'Venue closed' }],
    },
    {
      title: 'Sprechstunde / گپ شپ 😀',
      venue: 'gorse-hill-hub',
      ways: ['connect'],
      startDate: '2027-03-03',
      startTime: '18:00',
      endTime: '19:00',
      repeat: { every: 'week', interval: 2, days: ['wed', 'fri'] },
      exceptions: [
        // Moved to another day and time, across the autumn clock change.
        {
          date: '2027-10-29',
          kind: 'changed',
          newDate: '2027-11-01',
          startTime: '10:00',
          endTime: '11:30',
        },
      ],
    },
    {
      title: 'Open day',
      venue: 'rainbow-hill-hub',
      ways: ['connect', 'take-notice'],
      kind: 'event',
      startDate: '2027-06-12',
      startTime: '11:00',
      endTime: '15:00',
      exceptions: [{ date: '2027-06-12', kind: 'cancelled', reason: 'Bad weather' }],
    },
  ];
}

function makeApps() {
  const fixture = makeFixture();
  const db = openTestDb({ ...fixture, sessions: [...fixture.sessions, ...extraSessions()] });
  const cache = createReadCache();
  const deps = { db, cache, publicUrl: PUBLIC_URL, clock: testClock };
  return { api: createApp(deps) };
}

type Apps = ReturnType<typeof makeApps>;

async function occurrencesFromApi(apps: Apps, filter: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (let from = FROM; from <= TO; from = addDays(from, 93)) {
    const to = addDays(from, 92) < TO ? addDays(from, 92) : TO;
    const res = await apps.api.request(`/api/occurrences?from=${from}&to=${to}${filter}`);
    expect(res.status).toBe(200);
    const list = OccurrenceListSchema.parse(await res.json());
    seen.push(...list.occurrences.map(toSeen));
  }
  return seen;
}

function toSeen(o: Occurrence): Seen {
  return {
    sessionId: o.sessionId,
    start: new Date(o.start).toISOString(),
    end: new Date(o.end).toISOString(),
    status: o.status,
  };
}

const windowStart = toUtcDate(FROM, '00:00');
const windowEnd = toUtcDate(addDays(TO, 1), '00:00');

function sessionIdOfUrl(url: string): number {
  const id = /\/sessions\/(\d+)$/.exec(url)?.[1];
  if (id === undefined) throw new Error(`no session URL: ${url}`);
  return Number(id);
}

function statusOf(value: unknown): 'scheduled' | 'cancelled' {
  return String(value).toUpperCase() === 'CANCELLED' ? 'cancelled' : 'scheduled';
}

/** Expands with ical.js, which knows time zones only from the feed's own VTIMEZONE. */
function expandWithIcalJs(ics: string): Seen[] {
  const root = ICAL.Component.fromString(ics);
  ICAL.TimezoneService.remove('Europe/London');
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const vevents = root.getAllSubcomponents('vevent');
  const masters = vevents.filter((v) => !v.hasProperty('recurrence-id'));
  const seen: Seen[] = [];
  for (const master of masters) {
    const event = new ICAL.Event(master);
    for (const override of vevents) {
      if (
        override.hasProperty('recurrence-id') &&
        override.getFirstPropertyValue('uid') === event.uid
      ) {
        event.relateException(override);
      }
    }
    const sessionId = sessionIdOfUrl(String(master.getFirstPropertyValue('url')));
    const iterator = event.iterator();
    for (let next = iterator.next(); next !== undefined && next !== null; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toJSDate();
      if (details.recurrenceId.toJSDate() >= windowEnd && start >= windowEnd) break;
      if (start < windowStart || start >= windowEnd) continue;
      seen.push({
        sessionId,
        start: start.toISOString(),
        end: details.endDate.toJSDate().toISOString(),
        status: statusOf(details.item.component.getFirstPropertyValue('status')),
      });
      if (!event.isRecurring()) break;
    }
  }
  return seen;
}

/** node-ical's dates carry a zone name; their instant is what matters here. */
function instant(value: unknown): Date {
  if (!(value instanceof Date)) throw new Error(`not a date: ${String(value)}`);
  return new Date(value.getTime());
}

/** Expands with node-ical's RRULE, applying EXDATEs and RECURRENCE-ID overrides by hand. */
function expandWithNodeIcal(ics: string): Seen[] {
  const data = nodeIcal.sync.parseICS(ics);
  const seen: Seen[] = [];
  for (const component of Object.values(data)) {
    if (component === undefined || component.type !== 'VEVENT') continue;
    const master = component;
    // node-ical gives a URL with parameters as { params, val }.
    const url: unknown = master.url;
    const sessionId = sessionIdOfUrl(
      typeof url === 'object' && url !== null && 'val' in url ? String(url.val) : String(url),
    );
    const push = (event: Omit<VEvent, 'recurrences'>, start: Date, end: Date) => {
      if (start < windowStart || start >= windowEnd) return;
      seen.push({
        sessionId,
        start: start.toISOString(),
        end: end.toISOString(),
        status: statusOf(event.status),
      });
    };
    const endOf = (e: Omit<VEvent, 'recurrences'>) => instant(e.end ?? e.start);
    if (master.rrule === undefined) {
      push(master, instant(master.start), endOf(master));
      continue;
    }
    const duration = endOf(master).getTime() - instant(master.start).getTime();
    const excluded = new Set(
      Object.values(master.exdate ?? {}).map((d) => instant(d).toISOString()),
    );
    const overrides = new Map<string, Omit<VEvent, 'recurrences'>>();
    for (const o of Object.values(master.recurrences ?? {})) {
      if (o.recurrenceid !== undefined) overrides.set(instant(o.recurrenceid).toISOString(), o);
    }
    // Look a little beyond the window: an override may move a date into it from outside.
    const lookFrom = new Date(windowStart.getTime() - 40 * 86_400_000);
    const lookTo = new Date(windowEnd.getTime() + 40 * 86_400_000);
    for (const date of master.rrule.between(lookFrom, lookTo, true)) {
      const id = date.toISOString();
      if (excluded.has(id)) continue;
      const override = overrides.get(id);
      if (override !== undefined) {
        push(override, instant(override.start), endOf(override));
      } else {
        push(master, date, new Date(date.getTime() + duration));
      }
    }
  }
  return seen;
}

function sorted(seen: Seen[]): string[] {
  return seen.map(keyOf).sort();
}

async function feedText(apps: Apps, path: string): Promise<string> {
  const res = await apps.api.request(path);
  expect(res.status).toBe(200);
  return res.text();
}

describe('feeds read by ical.js and node-ical agree with /api/occurrences', () => {
  const exact: [string, string][] = [
    ['/feeds/all.ics', ''],
    ['/feeds/ways/connect.ics', '&way=connect'],
    ['/feeds/ways/be-active.ics', '&way=be-active'],
    ['/feeds/ways/give.ics', '&way=give'],
    ['/feeds/groups/walking-for-health.ics', '&group=walking-for-health'],
    [
      '/feeds/all.ics?way=connect&group=walking-for-health',
      '&way=connect&group=walking-for-health',
    ],
  ];

  it.each(exact)('%s', async (path, filter) => {
    const apps = makeApps();
    const ics = await feedText(apps, path);
    const expected = sorted(await occurrencesFromApi(apps, filter));
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(expandWithIcalJs(ics))).toEqual(expected);
    expect(sorted(expandWithNodeIcal(ics))).toEqual(expected);
  });

  it('covers cancellations, moves, bank holidays and both clock changes', async () => {
    const apps = makeApps();
    const seen = await occurrencesFromApi(apps, '');
    expect(seen.some((o) => o.status === 'cancelled')).toBe(true);
    // 10:00 London is 10:00Z before 28 March, 09:00Z after it, and 10:00Z again from 31 October.
    const walk = seen.filter((o) => o.sessionId === 1).map((o) => o.start);
    expect(walk).toContain('2027-03-23T10:00:00.000Z');
    expect(walk).toContain('2027-03-30T09:00:00.000Z');
    expect(walk).toContain('2027-11-02T10:00:00.000Z');
    const yoga = seen.filter((o) => o.sessionId === 5).map((o) => o.start.slice(0, 10));
    expect(yoga).not.toContain('2027-03-29');
    expect(yoga).not.toContain('2027-05-03');
  });

  it.each([['/feeds/all.ics?way=be-active&area=warndon', '']])(
    '%s matches the expansion of the same sessions',
    async (path) => {
      const apps = makeApps();
      const ics = await feedText(apps, path);
      const all = await occurrencesFromApi(apps, '&way=be-active&area=warndon');
      const ids = new Set(all.map((o) => o.sessionId));
      expect(sorted(expandWithIcalJs(ics))).toEqual(
        sorted(all.filter((o) => ids.has(o.sessionId))),
      );
    },
  );

  it.each([
    ['gorse-hill-hub', 'venue'],
    ['rainbow-hill-hub', 'venue'],
    ['warndon-church-hall', 'venue'],
    ['gorse-hill', 'area'],
    ['rainbow-hill', 'area'],
    ['warndon', 'area'],
  ])('the %s %s feed holds everything held there, each session whole', async (slug, kind) => {
    const apps = makeApps();
    const ics = await feedText(apps, `/feeds/${kind === 'venue' ? 'venues' : 'areas'}/${slug}.ics`);
    const here = sorted(await occurrencesFromApi(apps, `&${kind}=${slug}`));
    const everything = await occurrencesFromApi(apps, '');
    for (const seen of [expandWithIcalJs(ics), expandWithNodeIcal(ics)]) {
      const keys = new Set(sorted(seen));
      for (const key of here) expect(keys.has(key)).toBe(true);
      // Whole sessions: every occurrence of each session in the feed, wherever it is held.
      const ids = new Set(seen.map((o) => o.sessionId));
      expect(sorted(seen)).toEqual(sorted(everything.filter((o) => ids.has(o.sessionId))));
    }
  });

  it('a session’s own feed matches its occurrences', async () => {
    const apps = makeApps();
    for (const id of [1, 3, 5, 6, 7, 8]) {
      const ics = await feedText(apps, `/feeds/sessions/${id}.ics`);
      const expected = sorted(
        (await occurrencesFromApi(apps, '')).filter((o) => o.sessionId === id),
      );
      expect(sorted(expandWithIcalJs(ics))).toEqual(expected);
      expect(sorted(expandWithNodeIcal(ics))).toEqual(expected);
    }
  });
});
