import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockChangeClash,
  clockChangeDays,
  clockChangeOn,
  formatLondonInstant,
  londonDateOf,
  londonOffset,
  londonOffsetAt,
  londonSpan,
  londonWallTimeOf,
  startOfLondonDay,
  toEpochMs,
  toLondonInstant,
  toUtcDate,
  wallDateOf,
  wallTimeOf,
} from './london-time.ts';
import { addDays, fromDayNumber } from './dates.ts';

describe('toLondonInstant', () => {
  it('writes GMT dates with +00:00 and BST dates with +01:00', () => {
    expect(toLondonInstant('2027-03-23', '10:00')).toBe('2027-03-23T10:00:00+00:00');
    expect(toLondonInstant('2027-03-30', '10:00')).toBe('2027-03-30T10:00:00+01:00');
    expect(toLondonInstant('2027-10-26', '10:00')).toBe('2027-10-26T10:00:00+01:00');
    expect(toLondonInstant('2027-11-02', '10:00')).toBe('2027-11-02T10:00:00+00:00');
  });

  it('changes offset at 01:00 GMT on the last Sunday of March', () => {
    expect(toLondonInstant('2027-03-28', '00:59')).toBe('2027-03-28T00:59:00+00:00');
    expect(toLondonInstant('2027-03-28', '02:00')).toBe('2027-03-28T02:00:00+01:00');
  });

  it('moves a time in the spring-forward gap one hour later', () => {
    expect(toLondonInstant('2027-03-28', '01:00')).toBe('2027-03-28T02:00:00+01:00');
    expect(toLondonInstant('2027-03-28', '01:30')).toBe('2027-03-28T02:30:00+01:00');
    expect(toUtcDate('2027-03-28', '01:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('takes the first (BST) instance of an ambiguous October time', () => {
    expect(toLondonInstant('2027-10-31', '00:30')).toBe('2027-10-31T00:30:00+01:00');
    expect(toLondonInstant('2027-10-31', '01:30')).toBe('2027-10-31T01:30:00+01:00');
    expect(toLondonInstant('2027-10-31', '02:00')).toBe('2027-10-31T02:00:00+00:00');
    expect(toUtcDate('2027-10-31', '01:30').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('gives the offset on its own', () => {
    expect(londonOffset('2027-07-01', '12:00')).toBe('+01:00');
    expect(londonOffset('2027-01-01', '12:00')).toBe('+00:00');
  });
});

describe('the clock-change hour: one meaning for a session’s times', () => {
  const minutes = (span: { startMs: number; endMs: number }) =>
    (span.endMs - span.startMs) / 60_000;

  it('moves a start in the March gap forward by the gap, and keeps the length', () => {
    expect(londonSpan('2027-03-28', '01:30', '02:30')).toMatchObject({
      start: '2027-03-28T02:30:00+01:00',
      end: '2027-03-28T03:30:00+01:00',
    });
    expect(londonSpan('2027-03-28', '01:00', '01:45')).toMatchObject({
      start: '2027-03-28T02:00:00+01:00',
      end: '2027-03-28T02:45:00+01:00',
    });
  });

  it('takes the first of the two October hours for the start, and keeps the length', () => {
    const span = londonSpan('2027-10-31', '01:30', '02:30');
    expect(span).toMatchObject({
      start: '2027-10-31T01:30:00+01:00',
      end: '2027-10-31T01:30:00+00:00',
    });
    expect(new Date(span.start).toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(new Date(span.end).toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });

  it('gives a session across the change its usual length, not an hour more or less', () => {
    expect(londonSpan('2027-03-28', '00:30', '02:30')).toMatchObject({
      start: '2027-03-28T00:30:00+00:00',
      end: '2027-03-28T03:30:00+01:00',
    });
    expect(londonSpan('2027-10-31', '00:30', '02:30')).toMatchObject({
      start: '2027-10-31T00:30:00+01:00',
      end: '2027-10-31T01:30:00+00:00',
    });
    expect(londonSpan('2027-03-28', '00:00', '01:00').end).toBe('2027-03-28T02:00:00+01:00');
  });

  it('is the wall-clock reading on every other day', () => {
    expect(londonSpan('2027-03-30', '10:00', '11:30')).toEqual({
      start: '2027-03-30T10:00:00+01:00',
      end: '2027-03-30T11:30:00+01:00',
      startMs: Date.parse('2027-03-30T09:00:00Z'),
      endMs: Date.parse('2027-03-30T10:30:00Z'),
    });
    expect(londonSpan('2027-03-28', '02:00', '03:00').start).toBe('2027-03-28T02:00:00+01:00');
    expect(londonSpan('2027-10-31', '02:00', '03:00').start).toBe('2027-10-31T02:00:00+00:00');
  });

  it('never gives an occurrence other than its planned length, on any date and times', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 * 366 }),
        fc.boolean(),
        time,
        time,
        (day, onChange, a, b) => {
          fc.pre(a !== b);
          const [startTime, endTime] = a < b ? [a, b] : [b, a];
          const year = 2025 + Math.floor(day / 366);
          const { spring, autumn } = clockChangeDays(year);
          const date = onChange
            ? fromDayNumber(day % 2 === 0 ? spring : autumn)
            : addDays('2025-01-01', day);
          const span = londonSpan(date, startTime, endTime);
          const planned =
            Number(endTime.slice(0, 2)) * 60 +
            Number(endTime.slice(3)) -
            (Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3)));
          expect(minutes(span)).toBe(planned);
          expect(Date.parse(span.start)).toBe(span.startMs);
          expect(Date.parse(span.end)).toBe(span.endMs);
          expect(span.start).toBe(toLondonInstant(date, startTime));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('names the clock change a date and times meet', () => {
    expect(clockChangeOn('2027-03-28')).toBe('spring');
    expect(clockChangeOn('2027-10-31')).toBe('autumn');
    expect(clockChangeOn('2027-10-24')).toBeNull();
    expect(clockChangeClash('2027-03-28', '01:30', '02:30')).toBe('spring');
    expect(clockChangeClash('2027-10-31', '01:30', '02:30')).toBe('autumn');
    expect(clockChangeClash('2027-10-31', '00:30', '02:30')).toBe('autumn');
    expect(clockChangeClash('2027-03-28', '00:00', '01:00')).toBe('spring');
    expect(clockChangeClash('2027-03-28', '00:00', '00:59')).toBeNull();
    expect(clockChangeClash('2027-03-28', '02:00', '03:00')).toBeNull();
    expect(clockChangeClash('2027-03-21', '01:30', '02:30')).toBeNull();
  });

  it('writes an instant with the offset in force then', () => {
    expect(formatLondonInstant(Date.parse('2027-10-31T00:30:00Z'))).toBe(
      '2027-10-31T01:30:00+01:00',
    );
    expect(formatLondonInstant(Date.parse('2027-10-31T01:30:00Z'))).toBe(
      '2027-10-31T01:30:00+00:00',
    );
  });
});

describe('instants back to London dates', () => {
  it('gives the London date of an instant near midnight', () => {
    expect(londonDateOf(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
    expect(londonDateOf(new Date('2027-12-31T23:30:00Z'))).toBe('2027-12-31');
    expect(londonWallTimeOf(new Date('2027-06-30T23:30:00Z'))).toEqual({
      date: '2027-07-01',
      time: '00:30',
    });
  });

  it('reads the wall-clock date and time back from an instant with its UK offset', () => {
    for (const [date, time] of [
      ['2027-03-28', '00:30'],
      ['2027-03-28', '02:30'],
      ['2027-06-30', '23:59'],
      ['2027-10-31', '01:30'],
    ] as const) {
      const instant = toLondonInstant(date, time);
      expect([wallDateOf(instant), wallTimeOf(instant)]).toEqual([
        londonWallTimeOf(new Date(instant)).date,
        londonWallTimeOf(new Date(instant)).time,
      ]);
    }
  });

  it('starts a London day at local midnight', () => {
    expect(startOfLondonDay('2027-07-01').toISOString()).toBe('2027-06-30T23:00:00.000Z');
    expect(startOfLondonDay('2027-01-01').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('finds the clock-change Sundays', () => {
    const { spring, autumn } = clockChangeDays(2027);
    expect([fromDayNumber(spring), fromDayNumber(autumn)]).toEqual(['2027-03-28', '2027-10-31']);
  });
});

describe('the UK rule agrees with the Europe/London zone data', () => {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  function zoneWallTime(ms: number) {
    const parts: Record<string, string> = {};
    for (const p of format.formatToParts(new Date(ms))) parts[p.type] = p.value;
    return {
      date: `${parts.year}-${parts.month}-${parts.day}`,
      time: `${parts.hour}:${parts.minute}`,
      offset: parts.timeZoneName === 'GMT' ? '+00:00' : (parts.timeZoneName ?? '').slice(3),
    };
  }

  it('for every hour (on the hour and at half past) from 2025 to 2030', () => {
    const start = Date.UTC(2025, 0, 1);
    const end = Date.UTC(2031, 0, 1);
    const mismatches: string[] = [];
    let checked = 0;
    let ambiguous = 0;
    for (let hour = start; hour < end; hour += 3_600_000) {
      for (const ms of [hour, hour + 30 * 60_000]) {
        const zone = zoneWallTime(ms);
        const instant = new Date(ms);
        const wall = londonWallTimeOf(instant);
        const offset = londonOffsetAt(instant);
        // Reading a wall time back gives this instant, except the second (GMT) pass through an
        // ambiguous October hour, which reads back as the first (BST) one, an hour earlier.
        const isSecondPass = !toLondonInstant(zone.date, zone.time).endsWith(zone.offset);
        if (isSecondPass) ambiguous++;
        const back = toEpochMs(zone.date, zone.time) + (isSecondPass ? 3_600_000 : 0);
        if (
          wall.date !== zone.date ||
          wall.time !== zone.time ||
          offset !== zone.offset ||
          back !== ms
        ) {
          mismatches.push(
            `${instant.toISOString()}: zone ${JSON.stringify(zone)}, rule ${JSON.stringify(wall)} ${offset}`,
          );
        }
        checked++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(2 * 52_584);
    expect(ambiguous).toBe(12);
  });
});
