// Feeds in the shapes Google Calendar, Outlook/Exchange, Apple iCloud and Nextcloud export,
// planned and then checked two ways: what the plan says, and that the occurrences our own builder
// makes of it are the ones an independent parser (node-ical) expands from the same feed.

import { readFileSync } from 'node:fs';
import { addDays, toUtcDate } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { SKIP_REASONS, planImport, type ImportPlan, type KnownVenue } from './plan-import.ts';
import { expandWithNodeIcal, occurrencesOfPlan, validationProblems } from './plan-test-helpers.ts';

const VENUES: KnownVenue[] = [
  { slug: 'warndon-hub', name: 'Warndon Community Hub', postcode: 'WR4 9NX' },
  { slug: 'gorse-hill-hub', name: 'Gorse Hill Community Centre', postcode: 'WR4 9AB' },
  { slug: 'rainbow-hill-church', name: 'St Barnabas Church Hall', postcode: 'WR3 8NF' },
];
const TODAY = '2027-01-01';
const WINDOW_DAYS = 365;
const WINDOW_END = addDays(TODAY, WINDOW_DAYS);

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

function planOf(ics: string): ImportPlan {
  const plan = planImport(ics, {
    defaults: { venue: 'default-hall', ways: ['connect'], audiences: [] },
    venues: VENUES,
    today: TODAY,
    windowDays: WINDOW_DAYS,
    maxEvents: 5000,
  });
  if ('error' in plan) throw new Error(plan.error);
  return plan;
}

function uidOfKey(key: string): string {
  return key.split('|')[0] ?? key;
}

/**
 * The plan's occurrences against node-ical's, event by event: the same scheduled instants; every
 * date node-ical shows cancelled is cancelled here too (EXDATEs, which node-ical drops, are shown
 * here as cancelled). Events split at midnight are compared by their start.
 */
function expectSameAsNodeIcal(ics: string, plan: ImportPlan) {
  const theirs = expandWithNodeIcal(
    ics,
    toUtcDate(TODAY, '00:00'),
    toUtcDate(addDays(WINDOW_END, 1), '00:00'),
  );
  const ours = occurrencesOfPlan(plan, VENUES, TODAY, WINDOW_END);
  const left = new Set([...plan.skipped.map((s) => s.uid), ...plan.cancelledSeries]);
  const split = new Set(
    plan.expanded.filter((e) => e.reason.includes('midnight')).map((e) => e.uid),
  );
  const uids = new Set(theirs.map((t) => t.uid));
  for (const uid of uids) {
    if (left.has(uid)) {
      expect(
        ours.some((o) => uidOfKey(o.session.sourceKey) === uid),
        uid,
      ).toBe(false);
      continue;
    }
    const mine = ours.filter((o) => uidOfKey(o.session.sourceKey) === uid);
    const instant = (iso: string) => new Date(iso).toISOString();
    const theirScheduled = theirs.filter((t) => t.uid === uid && !t.cancelled);
    const myScheduled = mine.filter((o) => o.occurrence.status === 'scheduled');
    if (split.has(uid)) {
      const starts = new Set(myScheduled.map((o) => instant(o.occurrence.start)));
      for (const t of theirScheduled) expect(starts.has(t.start), `${uid} ${t.start}`).toBe(true);
      continue;
    }
    expect(
      myScheduled.map((o) => [instant(o.occurrence.start), instant(o.occurrence.end)]).sort(),
      uid,
    ).toEqual(theirScheduled.map((t) => [t.start, t.end]).sort());
    const myCancelled = new Set(
      mine
        .filter((o) => o.occurrence.status === 'cancelled')
        .map((o) => instant(o.occurrence.start)),
    );
    for (const t of theirs.filter((x) => x.uid === uid && x.cancelled)) {
      expect(myCancelled.has(t.start), `${uid} cancelled ${t.start}`).toBe(true);
    }
  }
  // Every planned session is one a staff member could have entered.
  for (const s of plan.sessions) expect(validationProblems(s), s.sourceKey).toEqual([]);
}

describe('a Google Calendar export', () => {
  const ics = fixture('google-calendar.ics');
  const plan = planOf(ics);

  it('keeps the weekly walk as one rule, with its EXDATE, move and cancelled date', () => {
    const walk = plan.sessions.find((s) => s.sourceKey === '4k2j3h4g5f6d7s8a9q0w1e2r3t@google.com');
    expect(walk).toMatchObject({
      title: 'Tuesday health walk',
      venue: 'warndon-hub',
      startDate: '2026-11-03',
      startTime: '10:00',
      endTime: '11:30',
      repeat: { every: 'week', interval: 1, days: ['tue'] },
      until: null,
      count: null,
    });
    // Google's HTML description becomes plain text; the link keeps its address.
    expect(walk?.description).toBe(
      'Meet at the hub\nBring boots & water.\n\nRoute maps (https://walks.example.org/routes)',
    );
    // EXDATEs become cancellations, past ones kept so the plan does not change from day to day.
    expect(
      walk?.exceptions.map((e) => [e.date, e.kind, e.newDate, e.startTime, e.venueSlug]),
    ).toEqual([
      ['2026-12-22', 'cancelled', null, null, null],
      ['2026-12-29', 'cancelled', null, null, null],
      ['2027-01-05', 'cancelled', null, null, null],
      ['2027-02-02', 'changed', null, '14:00', 'gorse-hill-hub'],
      ['2027-02-16', 'cancelled', null, null, null],
    ]);
  });

  it('maps the nth-weekday monthly rule and its UNTIL', () => {
    expect(plan.sessions.find((s) => s.sourceKey === '7h6g5f4d3s2a1@google.com')).toMatchObject({
      venue: 'rainbow-hill-church',
      repeat: { every: 'month', weekday: 'thu', nth: 2 },
      until: '2027-12-09',
    });
  });

  it('reads a UTC one-off in summer as London time, with its URL', () => {
    expect(plan.sessions.find((s) => s.sourceKey === 'summerwalk@google.com')).toMatchObject({
      startDate: '2027-06-12',
      startTime: '10:00',
      endTime: '16:00',
      repeat: null,
      url: 'https://walks.example.org/summer',
    });
  });

  it('expands a date-of-the-month rule into one-offs for the window and says so', () => {
    const payday = plan.sessions.filter((s) => s.expandedFrom === 'payday@google.com');
    expect(payday.map((s) => s.sourceKey).slice(0, 2)).toEqual([
      'payday@google.com|2027-01-15',
      'payday@google.com|2027-02-15',
    ]);
    expect(payday.every((s) => s.startDate.endsWith('-15') && s.repeat === null)).toBe(true);
    expect(plan.expanded).toEqual([
      {
        uid: 'payday@google.com',
        title: 'Money advice drop-in',
        reason: `it repeats on a date of the month, so each date up to ${WINDOW_END} is added on its own`,
        oneOffs: 12,
      },
    ]);
  });

  it('skips the all-day event and the one outside Worcester, and reports the cancelled series', () => {
    expect(plan.skipped).toEqual([
      { uid: 'allday1@google.com', title: "St David's Day", reason: SKIP_REASONS.allDay },
      {
        uid: 'brum@google.com',
        title: 'Trip planning at the library',
        reason: 'outside Worcester',
      },
    ]);
    expect(plan.cancelledSeries).toEqual(['nordic@google.com']);
    expect(plan.calendarName).toBe('Warndon Walking Group');
  });

  it('gives the occurrences node-ical expands from the same feed', () => {
    expectSameAsNodeIcal(ics, plan);
  });
});

describe('an Outlook / Exchange export', () => {
  const ics = fixture('outlook-exchange.ics');
  const plan = planOf(ics);
  const byTitle = (title: string) => plan.sessions.find((s) => s.title === title);

  it('is written as Outlook writes it: CRLF, lines folded at 75 octets', () => {
    expect(ics).toContain('\r\n ');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('reads "GMT Standard Time" as London, with a fortnightly two-day rule and COUNT', () => {
    expect(byTitle('Chair exercise')).toMatchObject({
      venue: 'gorse-hill-hub',
      startDate: '2027-01-11',
      startTime: '10:30',
      endTime: '11:30',
      repeat: { every: 'week', interval: 2, days: ['mon', 'wed'] },
      count: 20,
      until: null,
      exceptions: [expect.objectContaining({ date: '2027-02-08', kind: 'cancelled' })],
    });
    expect(byTitle('Chair exercise')?.description).toContain('Call Janet on 01905 000002');
  });

  it('reads BYDAY=FR;BYSETPOS=-1 as the last Friday, with an override', () => {
    expect(byTitle('Community lunch')).toMatchObject({
      repeat: { every: 'month', weekday: 'fri', nth: -1 },
      until: '2027-11-26',
      exceptions: [
        expect.objectContaining({
          date: '2027-04-30',
          kind: 'changed',
          startTime: '12:30',
          endTime: '14:30',
        }),
      ],
    });
  });

  it('moves "W. Europe Standard Time" to London time, and an online place to the default venue', () => {
    expect(byTitle('Twinning call with our partners in Kleve')).toMatchObject({
      venue: 'default-hall',
      startTime: '18:00',
      endTime: '19:00',
      repeat: { every: 'week', interval: 1, days: ['wed'] },
      until: '2027-06-30',
    });
  });

  it('reads a "Customized Time Zone" from its own VTIMEZONE', () => {
    expect(byTitle('Committee AGM')).toMatchObject({ startDate: '2027-03-24', startTime: '19:00' });
  });

  it('skips an hourly rule', () => {
    expect(plan.skipped.map((s) => s.reason)).toEqual(['every hour is not a rule we publish']);
  });

  it('gives the occurrences node-ical expands from the same feed', () => {
    expectSameAsNodeIcal(ics, plan);
  });
});

describe('an Apple iCloud export', () => {
  const ics = fixture('apple-icloud.ics');
  const plan = planOf(ics);

  it('maps the last-Saturday rule, its cancelled date, the venue on several lines and the URL', () => {
    expect(plan.sessions[0]).toMatchObject({
      sourceKey: '6C1D2F3E-4A5B-4C6D-8E7F-9A0B1C2D3E4F',
      venue: 'rainbow-hill-church',
      repeat: { every: 'month', weekday: 'sat', nth: -1 },
      url: 'https://repair.example.org/rainbow-hill',
      exceptions: [expect.objectContaining({ date: '2027-03-27', kind: 'cancelled' })],
    });
  });

  it("splits an event that runs past midnight into each day's part", () => {
    const social = plan.sessions.filter(
      (s) => s.expandedFrom === 'A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF',
    );
    expect(social.map((s) => [s.sourceKey, s.startDate, s.startTime, s.endTime])).toEqual([
      ['A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF|2027-01-01', '2027-01-01', '20:00', '23:59'],
      [
        'A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF|2027-01-01|2027-01-02',
        '2027-01-02',
        '00:00',
        '01:00',
      ],
    ]);
  });

  it('gives the occurrences node-ical expands from the same feed', () => {
    expectSameAsNodeIcal(ics, plan);
  });
});

describe('a Nextcloud export', () => {
  const plan = planOf(fixture('nextcloud.ics'));

  it('reads floating times as London time, in summer too', () => {
    expect(plan.sessions.find((s) => s.sourceKey.startsWith('d6a4f5e7'))).toMatchObject({
      startDate: '2027-05-01',
      startTime: '10:00',
      endTime: '16:00',
    });
  });

  it('keeps the weekly rule and adds its RDATEs as one-offs', () => {
    const keys = plan.sessions
      .filter((s) => s.sourceKey.startsWith('a3f1c2d4'))
      .map((s) => s.sourceKey);
    expect(keys).toEqual([
      'a3f1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8',
      'a3f1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8|2027-04-15',
      'a3f1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8|2027-04-22',
    ]);
    expect(plan.sessions[0]).toMatchObject({
      repeat: { every: 'week', interval: 1, days: ['sat'] },
      count: 12,
    });
    expect(plan.expanded.find((e) => e.uid.startsWith('a3f1c2d4'))?.oneOffs).toBe(2);
  });

  it('reads a DAILY rule with a DURATION as every day of the week, COUNT kept', () => {
    expect(plan.sessions.find((s) => s.sourceKey.startsWith('b4e2d3c5'))).toMatchObject({
      startTime: '09:00',
      endTime: '12:00',
      repeat: {
        every: 'week',
        interval: 1,
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      },
      count: 5,
    });
  });

  it('expands every-third-day and yearly rules', () => {
    expect(plan.expanded.map((e) => [e.uid.slice(0, 8), e.oneOffs])).toEqual([
      ['a3f1c2d4', 2],
      ['c5f3e4d6', 10],
      ['d6a4f5e7', 1],
    ]);
    for (const s of plan.sessions) expect(validationProblems(s)).toEqual([]);
  });
});
