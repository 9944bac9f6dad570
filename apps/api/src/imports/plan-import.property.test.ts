// Importing our own feed into an empty directory gives back the same occurrences: random sessions
// are rendered by the project's feed renderer, planned from that text, and the occurrences our
// builder makes of the plan are compared with those it makes of the sessions themselves.

import {
  WEEKDAYS,
  addDays,
  buildOccurrences,
  daysBetween,
  isBankHoliday,
  isRuleDate,
  ruleDates,
  type OccurrenceException,
  type Repeat,
  type Session,
} from '@fiveways/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_PUBLIC_URL, FIXED_WINDOW, VENUES, session } from '../feeds/feed-fixtures.ts';
import { renderCalendar } from '../feeds/reference-render.ts';
import { SKIP_REASONS, planImport, type ImportPlan, type KnownVenue } from './plan-import.ts';
import { occurrencesOfPlan } from './plan-test-helpers.ts';

const KNOWN: KnownVenue[] = VENUES.map((v) => ({
  slug: v.slug,
  name: v.name,
  postcode: v.postcode,
}));
const TODAY = FIXED_WINDOW.from;
const WINDOW_DAYS = daysBetween(FIXED_WINDOW.from, FIXED_WINDOW.to);

function time(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const dateArb = fc.integer({ min: 0, max: 600 }).map((n) => addDays('2026-09-01', n));
const timesArb = fc
  .tuple(fc.integer({ min: 0, max: 23 * 12 - 1 }), fc.integer({ min: 1, max: 36 }))
  .map(([start, length]) => {
    const from = start * 5;
    return { startTime: time(from), endTime: time(Math.min(from + length * 5, 23 * 60 + 59)) };
  });
const weekdayArb = fc.constantFrom(...WEEKDAYS);
const repeatArb: fc.Arbitrary<Repeat | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    every: fc.constant('week' as const),
    interval: fc.integer({ min: 1, max: 8 }),
    days: fc.uniqueArray(weekdayArb, { minLength: 1, maxLength: 7 }),
  }),
  fc.record({
    every: fc.constant('month' as const),
    weekday: weekdayArb,
    nth: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const),
  }),
);
const endArb = fc.oneof(
  fc.constant({ until: null, count: null }),
  fc.integer({ min: 0, max: 500 }).map((n) => ({ until: n, count: null })),
  fc.integer({ min: 1, max: 60 }).map((n) => ({ until: null, count: n })),
);
const exceptionPlanArb = fc.array(
  fc.record({
    pick: fc.nat(),
    kind: fc.constantFrom('cancelled' as const, 'changed' as const),
    shift: fc.integer({ min: -3, max: 3 }),
    times: fc.option(timesArb, { nil: null }),
    venue: fc.option(fc.constantFrom(...VENUES.map((v) => v.slug)), { nil: null }),
  }),
  { maxLength: 4 },
);

/** A session with every field plain: the arbitrary and the examples change what they test. */
function baseSession(): Session {
  const venue = VENUES[0];
  if (venue === undefined) throw new Error('no fixture venue');
  return session(1, {
    uid: 'session-1-abc@fiveways.example.org',
    title: 'Random session',
    venue: { slug: venue.slug, name: venue.name, areaSlug: venue.areaSlug },
    endTime: '11:00',
    description: 'Made up for the property test.',
    updatedAt: '2026-12-01T09:00:00.000Z',
  });
}

const sessionArb = fc
  .record({
    startDate: dateArb,
    times: timesArb,
    repeat: repeatArb,
    end: endArb,
    skipBankHolidays: fc.boolean(),
    venue: fc.constantFrom(...VENUES),
    exceptions: exceptionPlanArb,
  })
  .map(({ startDate, times, repeat, end, skipBankHolidays, venue, exceptions }): Session => {
    const until = repeat === null || end.until === null ? null : addDays(startDate, end.until);
    const count = repeat === null ? null : end.count;
    const base: Session = {
      ...baseSession(),
      venue: { slug: venue.slug, name: venue.name, areaSlug: venue.areaSlug },
      startDate,
      ...times,
      repeat,
      until,
      count,
      skipBankHolidays,
    };
    // Exceptions name dates the rule makes, as the staff API insists.
    const dates = ruleDates({ ...base, exceptions: [] }, startDate, addDays(startDate, 800));
    const byDate = new Map<string, OccurrenceException>();
    for (const e of exceptions) {
      const date = dates[e.pick % Math.max(dates.length, 1)];
      if (date === undefined) continue;
      const newDate = e.kind === 'changed' && e.shift !== 0 ? addDays(date, e.shift) : null;
      byDate.set(date, {
        date,
        kind: e.kind,
        reason: e.kind === 'cancelled' ? 'Staff unavailable' : '',
        newDate,
        startTime: e.kind === 'changed' ? (e.times?.startTime ?? null) : null,
        endTime: e.kind === 'changed' ? (e.times?.endTime ?? null) : null,
        venueSlug: e.kind === 'changed' && e.venue !== venue.slug ? e.venue : null,
      });
    }
    return { ...base, exceptions: [...byDate.values()] };
  });

function feedOf(session: Session): string {
  return renderCalendar({
    name: 'Property',
    description: 'Property test feed',
    sessions: [session],
    venues: VENUES,
    publicUrl: FIXED_PUBLIC_URL,
    window: FIXED_WINDOW,
    refreshHours: 1,
  });
}

function planOf(ics: string): ImportPlan {
  const plan = planImport(ics, {
    defaults: { venue: 'default-hall', ways: ['connect'], audiences: [] },
    venues: KNOWN,
    today: TODAY,
    windowDays: WINDOW_DAYS,
    maxEvents: 1000,
  });
  if ('error' in plan) throw new Error(plan.error);
  return plan;
}

interface Seen {
  start: string;
  end: string;
  status: string;
  venue: string;
}

function key(o: Seen): string {
  return `${o.start}|${o.end}|${o.status}|${o.venue}`;
}

/** Checks one session's round trip; returns nothing, fails the test on a difference. */
function checkRoundTrip(session: Session) {
  const ics = feedOf(session);
  const plan = planOf(ics);
  const original: Seen[] = buildOccurrences([session], VENUES, FIXED_WINDOW).map((o) => ({
    start: o.start,
    end: o.end,
    status: o.status,
    venue: o.venue.slug,
  }));
  if (original.length === 0 && plan.skipped.length > 0) {
    // Nothing left to show from today on (a one-off moved to before the window, say).
    expect(plan.skipped.map((s) => s.reason)).toEqual([SKIP_REASONS.ended]);
    expect(plan.sessions).toEqual([]);
    return;
  }
  expect(plan.skipped).toEqual([]);
  if (
    session.repeat === null &&
    original.every((o) => o.status === 'cancelled') &&
    original.length > 0
  ) {
    // A cancelled one-off is a cancelled series: the import cancels what it holds of it.
    expect(plan.cancelledSeries).toEqual([session.uid]);
    return;
  }
  const imported: Seen[] = occurrencesOfPlan(plan, KNOWN, FIXED_WINDOW.from, FIXED_WINDOW.to).map(
    ({ occurrence: o }) => ({ start: o.start, end: o.end, status: o.status, venue: o.venue.slug }),
  );
  // The bank holidays a rule skips are EXDATEs in the feed, which read back as cancellations.
  const skipped = new Set(
    session.skipBankHolidays
      ? ruleDates(
          { ...session, skipBankHolidays: false, exceptions: [] },
          FIXED_WINDOW.from,
          FIXED_WINDOW.to,
        )
          .filter(isBankHoliday)
          .filter((d) => isRuleDate({ ...session, skipBankHolidays: false, exceptions: [] }, d))
      : [],
  );
  const extra = imported.filter(
    (o) =>
      o.status === 'cancelled' &&
      skipped.has(o.start.slice(0, 10)) &&
      !original.some((x) => key(x) === key(o)),
  );
  const kept = imported.filter((o) => !extra.includes(o));
  expect(kept.map(key).sort()).toEqual(original.map(key).sort());
  // Nothing is expanded from our own feed: every rule we publish is one we can read back.
  expect(plan.expanded.filter((e) => !e.reason.includes('midnight'))).toEqual([]);
}

describe('importing our own feed', () => {
  it('gives back the same occurrences for random sessions', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        checkRoundTrip(session);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back a date moved into the window from just after it', () => {
    checkRoundTrip({
      ...baseSession(),
      startDate: '2027-08-04',
      repeat: { every: 'month', weekday: 'wed', nth: 1 },
      exceptions: [
        {
          date: '2028-02-02',
          kind: 'changed',
          reason: '',
          newDate: '2028-02-01',
          startTime: null,
          endTime: null,
          venueSlug: null,
        },
      ],
    });
  });

  it('gives back a weekly rule that meets the clock-change hour', () => {
    checkRoundTrip({
      ...baseSession(),
      startDate: '2027-03-07',
      startTime: '01:30',
      endTime: '02:30',
      repeat: { every: 'week', interval: 1, days: ['sun'] },
    });
  });
});
