import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBankHoliday } from './bank-holidays.ts';
import {
  addDays,
  daysBetween,
  daysInMonth,
  splitDate,
  startOfWeek,
  weekdayIndex,
  weekdayOf,
} from './dates.ts';
import { describeRecurrence } from './describe-recurrence.ts';
import { londonDateOf, londonWallTimeOf, toLondonInstant, toUtcDate } from './london-time.ts';
import {
  expandRecurrence,
  firstRuleDate,
  isRuleDate,
  lastRuleDate,
  nextOccurrences,
  occurrenceOn,
  ruleDates,
  type LocalOccurrence,
} from './recurrence.ts';
import {
  WEEKDAYS,
  type OccurrenceException,
  type Recurrence,
  type Repeat,
  type Weekday,
} from './session.ts';

function rule(overrides: Partial<Recurrence> = {}): Recurrence {
  return {
    startDate: '2027-01-05',
    startTime: '10:00',
    endTime: '12:00',
    repeat: null,
    until: null,
    count: null,
    skipBankHolidays: false,
    exceptions: [],
    ...overrides,
  };
}

function weekly(days: Weekday[], interval = 1): Repeat {
  return { every: 'week', interval, days };
}

function exception(overrides: Partial<OccurrenceException> & { date: string }) {
  return {
    kind: 'changed',
    reason: '',
    newDate: null,
    startTime: null,
    endTime: null,
    venueSlug: null,
    ...overrides,
  } satisfies OccurrenceException;
}

const starts = (occurrences: LocalOccurrence[]) => occurrences.map((o) => o.startDate);

describe('ruleDates', () => {
  it('gives a one-off session its start date only, and only inside the window', () => {
    const r = rule({ startDate: '2027-03-30' });
    expect(ruleDates(r, '2027-01-01', '2027-12-31')).toEqual(['2027-03-30']);
    expect(ruleDates(r, '2027-03-30', '2027-03-30')).toEqual(['2027-03-30']);
    expect(ruleDates(r, '2027-03-31', '2027-12-31')).toEqual([]);
    expect(ruleDates(r, '2027-01-01', '2027-03-29')).toEqual([]);
  });

  it('repeats weekly on the same weekday and never before the start date', () => {
    const r = rule({ startDate: '2027-01-05', repeat: weekly(['tue']) });
    expect(ruleDates(r, '2026-12-01', '2027-02-02')).toEqual([
      '2027-01-05',
      '2027-01-12',
      '2027-01-19',
      '2027-01-26',
      '2027-02-02',
    ]);
  });

  it('gives a five-week course exactly five dates', () => {
    const r = rule({ startDate: '2027-01-05', repeat: weekly(['tue']), count: 5 });
    const dates = ruleDates(r, '2027-01-01', '2029-12-31');
    expect(dates).toEqual(['2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02']);
    expect(ruleDates(r, '2027-01-20', '2027-12-31')).toEqual(['2027-01-26', '2027-02-02']);
    expect(lastRuleDate(r)).toBe('2027-02-02');
  });

  it('repeats fortnightly counting weeks from the start date, also years later', () => {
    const r = rule({ startDate: '2027-01-05', repeat: weekly(['tue'], 2) });
    expect(ruleDates(r, '2027-01-01', '2027-02-28')).toEqual([
      '2027-01-05',
      '2027-01-19',
      '2027-02-02',
      '2027-02-16',
    ]);
    expect(ruleDates(r, '2027-01-10', '2027-01-31')).toEqual(['2027-01-19']);
    // 2030-12-31 is 208 weeks after 2027-01-05: an even week, so it is a rule date.
    expect(ruleDates(r, '2030-12-20', '2031-01-10')).toEqual(['2030-12-31']);
  });

  it('counts fortnights from the Monday of the start week, like RRULE WKST=MO', () => {
    // Starts on a Wednesday: that week's Tuesday has passed, and the next week is off.
    const r = rule({ startDate: '2027-01-06', repeat: weekly(['tue'], 2) });
    expect(ruleDates(r, '2027-01-01', '2027-02-05')).toEqual(['2027-01-19', '2027-02-02']);
    expect(firstRuleDate(r)).toBe('2027-01-19');
  });

  it('repeats on several days a week, in date order', () => {
    const r = rule({ startDate: '2027-01-06', repeat: weekly(['thu', 'mon', 'wed']) });
    expect(ruleDates(r, '2027-01-01', '2027-01-17')).toEqual([
      '2027-01-06',
      '2027-01-07',
      '2027-01-11',
      '2027-01-13',
      '2027-01-14',
    ]);
  });

  it('counts instances across several days a week', () => {
    const r = rule({ startDate: '2027-01-06', repeat: weekly(['mon', 'wed', 'thu']), count: 4 });
    expect(ruleDates(r, '2027-01-01', '2027-12-31')).toEqual([
      '2027-01-06',
      '2027-01-07',
      '2027-01-11',
      '2027-01-13',
    ]);
  });

  it('finds the second Tuesday of each month', () => {
    const r = rule({
      startDate: '2027-01-01',
      repeat: { every: 'month', weekday: 'tue', nth: 2 },
    });
    expect(ruleDates(r, '2027-01-01', '2027-06-30')).toEqual([
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
      '2027-04-13',
      '2027-05-11',
      '2027-06-08',
    ]);
  });

  it('finds the last Friday of each month, skipping a month whose one is before the start', () => {
    const r = rule({
      startDate: '2027-01-30',
      repeat: { every: 'month', weekday: 'fri', nth: -1 },
    });
    expect(ruleDates(r, '2027-01-01', '2027-06-30')).toEqual([
      '2027-02-26',
      '2027-03-26',
      '2027-04-30',
      '2027-05-28',
      '2027-06-25',
    ]);
  });

  it('counts monthly instances from the start date', () => {
    const r = rule({
      startDate: '2027-01-13',
      repeat: { every: 'month', weekday: 'tue', nth: 2 },
      count: 3,
    });
    expect(ruleDates(r, '2020-01-01', '2030-01-01')).toEqual([
      '2027-02-09',
      '2027-03-09',
      '2027-04-13',
    ]);
    expect(lastRuleDate(r)).toBe('2027-04-13');
  });

  it('stops after the until date, which is inclusive', () => {
    const r = rule({ startDate: '2027-01-05', repeat: weekly(['tue']), until: '2027-01-19' });
    expect(ruleDates(r, '2027-01-01', '2027-12-31')).toEqual([
      '2027-01-05',
      '2027-01-12',
      '2027-01-19',
    ]);
    expect(lastRuleDate(r)).toBe('2027-01-19');
    const r2 = rule({ startDate: '2027-01-05', repeat: weekly(['tue']), until: '2027-01-25' });
    expect(lastRuleDate(r2)).toBe('2027-01-19');
  });

  it('skips bank holidays when asked, and still counts them toward the number of times', () => {
    const r = rule({ startDate: '2027-05-03', repeat: weekly(['mon']) });
    expect(ruleDates(r, '2027-05-01', '2027-06-07')).toContain('2027-05-31');
    const skipping = { ...r, skipBankHolidays: true };
    expect(ruleDates(skipping, '2027-05-01', '2027-06-07')).toEqual([
      '2027-05-10',
      '2027-05-17',
      '2027-05-24',
      '2027-06-07',
    ]);
    const course = { ...skipping, count: 5 };
    expect(ruleDates(course, '2027-01-01', '2027-12-31')).toEqual([
      '2027-05-10',
      '2027-05-17',
      '2027-05-24',
    ]);
    expect(lastRuleDate(course)).toBe('2027-05-31');
    expect(firstRuleDate(course)).toBe('2027-05-10');
  });

  it('gives nothing for an empty or reversed window', () => {
    const r = rule({ repeat: weekly(['tue']) });
    expect(ruleDates(r, '2027-02-01', '2027-01-01')).toEqual([]);
    expect(expandRecurrence(r, '2027-02-01', '2027-01-01')).toEqual([]);
  });

  it('jumps straight to a window decades after the start', () => {
    const r = rule({ startDate: '1996-01-02', repeat: weekly(['tue', 'fri'], 3) });
    const dates = ruleDates(r, '2095-01-01', '2095-03-01');
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) {
      expect(daysBetween(startOfWeek('1996-01-02'), startOfWeek(d)) % 21).toBe(0);
    }
  });
});

describe('isRuleDate', () => {
  it('accepts the dates the rule generates and nothing else', () => {
    const r = rule({ startDate: '2027-05-03', repeat: weekly(['mon']), skipBankHolidays: true });
    expect(isRuleDate(r, '2027-05-10')).toBe(true);
    expect(isRuleDate(r, '2027-05-11')).toBe(false);
    expect(isRuleDate(r, '2027-05-03')).toBe(false);
    expect(isRuleDate(r, '2027-04-26')).toBe(false);
  });
});

describe('lastRuleDate', () => {
  it('is null for a rule that repeats forever and the start date for a one-off', () => {
    expect(lastRuleDate(rule({ repeat: weekly(['tue']) }))).toBeNull();
    expect(lastRuleDate(rule({ startDate: '2027-03-30' }))).toBe('2027-03-30');
  });

  it('takes the earlier bound when both until and count are set', () => {
    const r = rule({ repeat: weekly(['tue']), count: 10, until: '2027-01-20' });
    expect(lastRuleDate(r)).toBe('2027-01-19');
    expect(lastRuleDate({ ...r, until: '2028-01-01' })).toBe('2027-03-09');
  });
});

describe('expandRecurrence', () => {
  it('keeps 10:00 at 10:00 across the March and October 2027 clock changes', () => {
    const r = rule({ startDate: '2027-01-05', repeat: weekly(['tue']) });
    const instants = (from: string, to: string) =>
      expandRecurrence(r, from, to).map((o) => toLondonInstant(o.startDate, o.startTime));
    expect(instants('2027-03-20', '2027-04-02')).toEqual([
      '2027-03-23T10:00:00+00:00',
      '2027-03-30T10:00:00+01:00',
    ]);
    expect(instants('2027-10-20', '2027-11-05')).toEqual([
      '2027-10-26T10:00:00+01:00',
      '2027-11-02T10:00:00+00:00',
    ]);
  });

  it('gives plain scheduled occurrences when there are no exceptions', () => {
    const r = rule({ startDate: '2027-01-05', repeat: weekly(['tue']) });
    expect(expandRecurrence(r, '2027-01-01', '2027-01-07')).toEqual([
      {
        date: '2027-01-05',
        startDate: '2027-01-05',
        startTime: '10:00',
        endTime: '12:00',
        status: 'scheduled',
        reason: null,
        changed: false,
        venueSlug: null,
      },
    ]);
  });

  it('marks a cancelled occurrence with its reason and keeps it in the list', () => {
    const r = rule({
      repeat: weekly(['tue']),
      exceptions: [exception({ date: '2027-01-12', kind: 'cancelled', reason: 'Venue closed' })],
    });
    const occurrences = expandRecurrence(r, '2027-01-01', '2027-01-20');
    expect(occurrences.map((o) => [o.date, o.status, o.reason])).toEqual([
      ['2027-01-05', 'scheduled', null],
      ['2027-01-12', 'cancelled', 'Venue closed'],
      ['2027-01-19', 'scheduled', null],
    ]);
  });

  it('ignores exceptions that name a date the rule does not generate', () => {
    const r = rule({
      repeat: weekly(['tue']),
      count: 2,
      exceptions: [
        exception({ date: '2027-01-13', kind: 'cancelled', reason: 'Wrong day' }),
        exception({ date: '2027-01-26', newDate: '2027-01-14' }),
        exception({ date: '2026-12-29', newDate: '2027-01-07' }),
      ],
    });
    expect(expandRecurrence(r, '2026-12-01', '2027-02-28')).toEqual(
      expandRecurrence({ ...r, exceptions: [] }, '2026-12-01', '2027-02-28'),
    );
  });

  it('shows an occurrence moved into the window and hides one moved out of it', () => {
    const r = rule({
      repeat: weekly(['tue']),
      exceptions: [
        exception({ date: '2027-01-26', newDate: '2027-02-03', reason: 'Room booked' }),
        exception({ date: '2027-02-02', newDate: '2027-01-28' }),
      ],
    });
    const february = expandRecurrence(r, '2027-02-01', '2027-02-10');
    expect(february.map((o) => [o.date, o.startDate, o.changed, o.reason])).toEqual([
      ['2027-01-26', '2027-02-03', true, 'Room booked'],
      ['2027-02-09', '2027-02-09', false, null],
    ]);
    const january = expandRecurrence(r, '2027-01-20', '2027-01-31');
    expect(january.map((o) => [o.date, o.startDate])).toEqual([['2027-02-02', '2027-01-28']]);
  });

  it('sorts by the actual date and time after changes of time and venue', () => {
    const r = rule({
      repeat: weekly(['mon', 'tue']),
      startDate: '2027-01-04',
      exceptions: [
        exception({
          date: '2027-01-05',
          newDate: '2027-01-04',
          startTime: '08:00',
          endTime: '09:00',
        }),
        exception({ date: '2027-01-11', venueSlug: 'warndon-hub' }),
      ],
    });
    const occurrences = expandRecurrence(r, '2027-01-04', '2027-01-12');
    expect(occurrences.map((o) => [o.date, o.startDate, o.startTime, o.venueSlug])).toEqual([
      ['2027-01-05', '2027-01-04', '08:00', null],
      ['2027-01-04', '2027-01-04', '10:00', null],
      ['2027-01-11', '2027-01-11', '10:00', 'warndon-hub'],
      ['2027-01-12', '2027-01-12', '10:00', null],
    ]);
    expect(occurrences.map((o) => o.changed)).toEqual([true, false, true, false]);
  });

  it('does not mark an exception that changes nothing as changed', () => {
    const r = rule({
      repeat: weekly(['tue']),
      exceptions: [exception({ date: '2027-01-05', startTime: '10:00', reason: 'Checked' })],
    });
    const [first] = expandRecurrence(r, '2027-01-05', '2027-01-05');
    expect(first?.changed).toBe(false);
    expect(first?.reason).toBe('Checked');
  });
});

describe('occurrenceOn', () => {
  it('finds a one-off moved to another date, however far it moved', () => {
    const moved = rule({
      exceptions: [
        exception({
          date: '2027-01-05',
          newDate: '2027-04-20',
          startTime: '14:00',
          venueSlug: 'x',
        }),
      ],
    });
    expect(occurrenceOn(moved, '2027-01-05')).toMatchObject({
      date: '2027-01-05',
      startDate: '2027-04-20',
      startTime: '14:00',
      endTime: '12:00',
      changed: true,
      venueSlug: 'x',
    });
    expect(expandRecurrence(moved, '2027-01-05', '2027-01-05')).toEqual([]);
  });

  it('gives the rule’s own occurrence when nothing changed, and null off the rule', () => {
    const r = rule({ repeat: weekly(['tue']), count: 3 });
    expect(occurrenceOn(r, '2027-01-12')).toMatchObject({
      startDate: '2027-01-12',
      changed: false,
    });
    expect(occurrenceOn(r, '2027-01-13')).toBeNull();
    expect(occurrenceOn(r, '2027-01-26')).toBeNull();
  });

  it('agrees with expandRecurrence wherever the occurrence now is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -40, max: 40 }),
        fc.boolean(),
        (week, shift, cancel) => {
          const date = addDays('2027-01-05', 7 * week);
          const newDate = addDays(date, shift);
          const r = rule({
            repeat: weekly(['tue']),
            exceptions: [
              cancel
                ? exception({ date, kind: 'cancelled', reason: 'Closed' })
                : exception({ date, newDate }),
            ],
          });
          const found = occurrenceOn(r, date);
          const at = found?.startDate ?? '';
          expect(expandRecurrence(r, at, at).filter((o) => o.date === date)).toEqual([found]);
        },
      ),
    );
  });
});

describe('nextOccurrences', () => {
  it('gives the next n occurrences from a date', () => {
    const r = rule({
      startDate: '2027-01-01',
      repeat: { every: 'month', weekday: 'fri', nth: -1 },
    });
    expect(starts(nextOccurrences(r, '2027-02-27', 3))).toEqual([
      '2027-03-26',
      '2027-04-30',
      '2027-05-28',
    ]);
  });

  it('gives fewer when the rule ends first, and nothing past two years ahead', () => {
    const course = rule({ repeat: weekly(['tue']), count: 3 });
    expect(starts(nextOccurrences(course, '2027-01-10', 10))).toEqual(['2027-01-12', '2027-01-19']);
    expect(nextOccurrences(rule({ startDate: '2030-01-01' }), '2027-01-01', 1)).toEqual([]);
  });
});

// The package is browser-pure (no Node types); this test alone needs to set the process zone.
declare const process: { env: Record<string, string | undefined> };

describe('time zone independence', () => {
  it('gives identical results under TZ=UTC, Europe/London and America/New_York', () => {
    const r = rule({
      startDate: '2027-01-05',
      startTime: '23:30',
      endTime: '23:59',
      repeat: weekly(['tue', 'sun'], 2),
      skipBankHolidays: true,
      exceptions: [exception({ date: '2027-03-28', newDate: '2027-03-29', startTime: '00:30' })],
    });
    const run = () =>
      JSON.stringify({
        occurrences: expandRecurrence(r, '2027-01-01', '2027-12-31').map((o) => ({
          ...o,
          start: toLondonInstant(o.startDate, o.startTime),
          utc: toUtcDate(o.startDate, o.startTime).toISOString(),
        })),
        day: londonDateOf(new Date(Date.UTC(2027, 5, 30, 23, 30))),
        wall: londonWallTimeOf(new Date(Date.UTC(2027, 0, 1, 3, 0))),
        text: describeRecurrence(r),
        weekday: weekdayOf('2027-03-28'),
      });
    const saved = process.env.TZ;
    const results: string[] = [];
    const offsets: number[] = [];
    try {
      for (const zone of ['UTC', 'Europe/London', 'America/New_York']) {
        process.env.TZ = zone;
        offsets.push(new Date(2027, 0, 1).getTimezoneOffset());
        results.push(run());
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    // The zone really changed (New York is five hours behind in January)...
    expect(offsets).toEqual([0, 0, 300]);
    // ...and the answers did not.
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
  });
});

// ---- Property tests -------------------------------------------------------------------------

const dateArb = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays('2024-01-01', n));
const timeArb = fc
  .integer({ min: 0, max: 23 * 60 + 58 })
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const repeatArb: fc.Arbitrary<Repeat | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    every: fc.constant('week' as const),
    interval: fc.integer({ min: 1, max: 8 }),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  }),
  fc.record({
    every: fc.constant('month' as const),
    weekday: fc.constantFrom(...WEEKDAYS),
    nth: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const),
  }),
);
const recurrenceArb: fc.Arbitrary<Recurrence> = fc
  .record({
    startDate: dateArb,
    startTime: timeArb,
    repeat: repeatArb,
    untilDays: fc.option(fc.integer({ min: 0, max: 900 })),
    count: fc.option(fc.integer({ min: 1, max: 40 })),
    skipBankHolidays: fc.boolean(),
  })
  .map(({ untilDays, ...r }) => ({
    ...r,
    endTime: r.startTime === '23:59' ? '23:59' : addMinutes(r.startTime, 1),
    until: r.repeat === null || untilDays === null ? null : addDays(r.startDate, untilDays),
    count: r.repeat === null ? null : r.count,
    exceptions: [],
  }));
const windowArb = fc
  .record({ offset: fc.integer({ min: -120, max: 900 }), length: fc.integer({ min: 0, max: 200 }) })
  .map(({ offset, length }) => ({ offset, length }));

function windowFor(r: Recurrence, w: { offset: number; length: number }): [string, string] {
  const from = addDays(r.startDate, w.offset);
  return [from, addDays(from, w.length)];
}

/** Whether a date matches the rule's pattern, ignoring start, until, count and bank holidays. */
function matchesPattern(r: Recurrence, date: string): boolean {
  const repeat = r.repeat;
  if (repeat === null) return date === r.startDate;
  if (repeat.every === 'week') {
    const weeks = daysBetween(startOfWeek(r.startDate), startOfWeek(date)) / 7;
    return repeat.days.includes(weekdayOf(date)) && weeks % repeat.interval === 0;
  }
  const { year, month, day } = splitDate(date);
  if (weekdayOf(date) !== repeat.weekday) return false;
  if (repeat.nth === -1) return day + 7 > daysInMonth(year, month);
  return Math.ceil(day / 7) === repeat.nth;
}

/** A slow, obviously-correct oracle: walk day by day from the start date. */
function walkRuleDates(r: Recurrence, from: string, to: string): string[] {
  const out: string[] = [];
  let seen = 0;
  for (let d = r.startDate; d <= to; d = addDays(d, 1)) {
    if (r.until !== null && d > r.until) break;
    if (!matchesPattern(r, d)) continue;
    seen++;
    if (r.count !== null && seen > r.count) break;
    if (d >= from && !(r.skipBankHolidays && isBankHoliday(d))) out.push(d);
    if (r.repeat === null) break;
  }
  return out;
}

describe('recurrence properties', () => {
  it('generates exactly the dates a day-by-day walk of the rule finds', () => {
    fc.assert(
      fc.property(recurrenceArb, windowArb, (r, w) => {
        const [from, to] = windowFor(r, w);
        expect(ruleDates(r, from, to)).toEqual(walkRuleDates(r, from, to));
      }),
      { numRuns: 400 },
    );
  });

  it('generates only dates that satisfy isRuleDate and fall on the rule’s weekdays', () => {
    fc.assert(
      fc.property(recurrenceArb, windowArb, (r, w) => {
        const [from, to] = windowFor(r, w);
        const dates = ruleDates(r, from, to);
        for (const d of dates) {
          expect(isRuleDate(r, d)).toBe(true);
          expect(d >= from && d <= to && d >= r.startDate).toBe(true);
          if (r.repeat?.every === 'week') expect(r.repeat.days).toContain(weekdayOf(d));
          if (r.repeat?.every === 'month') expect(weekdayOf(d)).toBe(r.repeat.weekday);
          if (r.skipBankHolidays) expect(isBankHoliday(d)).toBe(false);
        }
        expect([...dates].sort()).toEqual(dates);
        expect(new Set(dates).size).toBe(dates.length);
      }),
    );
  });

  it('never gives more than count, none after until, and ends on lastRuleDate', () => {
    fc.assert(
      fc.property(recurrenceArb, (r) => {
        const all = ruleDates(r, r.startDate, addDays(r.startDate, 365 * 8));
        if (r.count !== null) expect(all.length).toBeLessThanOrEqual(r.count);
        if (r.count !== null && !r.skipBankHolidays && r.until === null) {
          expect(all.length).toBe(r.count);
        }
        if (r.until !== null) for (const d of all) expect(d <= r.until).toBe(true);
        const last = lastRuleDate(r);
        if (r.repeat !== null && r.until === null && r.count === null) expect(last).toBeNull();
        const lastGenerated = all[all.length - 1];
        if (last !== null && lastGenerated !== undefined) {
          expect(lastGenerated <= last).toBe(true);
          if (!r.skipBankHolidays) expect(lastGenerated).toBe(last);
        }
        expect(firstRuleDate(r)).toBe(all[0] ?? null);
      }),
      { numRuns: 200 },
    );
  });

  it('puts every occurrence at the session’s London wall time', () => {
    fc.assert(
      fc.property(recurrenceArb, windowArb, (r, w) => {
        const [from, to] = windowFor(r, w);
        for (const o of expandRecurrence(r, from, to)) {
          const instant = toLondonInstant(o.startDate, o.startTime);
          const utc = toUtcDate(o.startDate, o.startTime);
          expect(Date.parse(instant)).toBe(utc.getTime());
          const wall = londonWallTimeOf(utc);
          expect(wall.date).toBe(o.startDate);
          const inGap = instant.slice(11, 16) !== o.startTime;
          // Only a time in the spring-forward gap moves, by exactly one hour.
          expect(wall.time).toBe(inGap ? addMinutes(o.startTime, 60) : o.startTime);
          if (inGap) expect(o.startTime.slice(0, 2)).toBe('01');
        }
      }),
    );
  });

  it('cancels and moves away exactly the dates the exceptions name', () => {
    fc.assert(
      fc.property(
        recurrenceArb,
        windowArb,
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.array(dateArb, { maxLength: 5 }),
        (r, w, picks, bogus) => {
          const [from, to] = windowFor(r, w);
          const dates = ruleDates(r, from, to);
          const cancelled = dates.filter((_, i) => picks[i] === true);
          const movedAway = dates.filter((_, i) => picks[i] === false && i % 2 === 0);
          const notRuleDates = bogus.filter((d) => !isRuleDate(r, d));
          const withExceptions: Recurrence = {
            ...r,
            exceptions: [
              ...cancelled.map((date) => exception({ date, kind: 'cancelled', reason: 'Closed' })),
              ...movedAway.map((date) => exception({ date, newDate: addDays(to, 1) })),
              ...notRuleDates.map((date) => exception({ date, kind: 'cancelled', newDate: from })),
            ],
          };
          const occurrences = expandRecurrence(withExceptions, from, to);
          expect(occurrences.map((o) => o.date)).toEqual(
            dates.filter((d) => !movedAway.includes(d)),
          );
          expect(occurrences.filter((o) => o.status === 'cancelled').map((o) => o.date)).toEqual(
            cancelled,
          );
        },
      ),
    );
  });

  it('expanding [a, c] equals expanding [a, b] then [b + 1, c]', () => {
    fc.assert(
      fc.property(
        recurrenceArb,
        windowArb,
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -40, max: 40 }), fc.boolean()), {
          maxLength: 8,
        }),
        (r, w, split, moves) => {
          const [a, c] = windowFor(r, w);
          const b = addDays(a, Math.min(split, w.length));
          const dates = ruleDates(r, addDays(a, -40), addDays(c, 40));
          const withExceptions: Recurrence = {
            ...r,
            exceptions: moves.flatMap(([i, shift, cancel]) => {
              const date = dates[i % Math.max(dates.length, 1)];
              if (date === undefined) return [];
              return [
                exception({
                  date,
                  kind: cancel ? 'cancelled' : 'changed',
                  newDate: addDays(date, shift),
                  startTime: shift % 2 === 0 ? '07:15' : null,
                }),
              ];
            }),
          };
          const whole = expandRecurrence(withExceptions, a, c);
          const parts = [
            ...expandRecurrence(withExceptions, a, b),
            ...expandRecurrence(withExceptions, addDays(b, 1), c),
          ];
          expect(parts).toEqual(whole);
        },
      ),
    );
  });

  it('keeps weeks of an interval rule in step with the start week', () => {
    fc.assert(
      fc.property(recurrenceArb, windowArb, (r, w) => {
        if (r.repeat?.every !== 'week') return;
        const [from, to] = windowFor(r, w);
        for (const d of ruleDates(r, from, to)) {
          const weeks = daysBetween(startOfWeek(r.startDate), startOfWeek(d)) / 7;
          expect(weeks % r.repeat.interval).toBe(0);
          expect(weekdayIndex(d)).toBe(WEEKDAYS.indexOf(weekdayOf(d)));
        }
      }),
    );
  });
});

function addMinutes(time: string, n: number): string {
  const m = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + n;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
