import { describe, expect, it } from 'vitest';
import {
  CancellationInputSchema,
  OccurrenceExceptionSchema,
  SessionInputSchema,
  SessionPatchSchema,
} from './session.ts';

const minimal = {
  title: 'Chatty Café',
  venue: 'gorse-hill-hub',
  ways: ['connect'],
  startDate: '2027-03-30',
  startTime: '10:00',
  endTime: '11:30',
  repeat: { every: 'week', interval: 1, days: ['tue'] },
};

/** The paths and messages of a failed parse, for plain-English checks. */
function issuesOf(input: unknown) {
  const result = SessionInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('SessionInputSchema', () => {
  it('accepts the minimal input of the contract and fills in defaults', () => {
    const session = SessionInputSchema.parse(minimal);
    expect(session).toMatchObject({
      title: 'Chatty Café',
      venue: 'gorse-hill-hub',
      ways: ['connect'],
      repeat: { every: 'week', interval: 1, days: ['tue'] },
      until: null,
      count: null,
      skipBankHolidays: false,
      kind: 'group',
      booking: 'drop-in',
    });
  });

  it('accepts a one-off, a monthly last weekday, a count and an end date', () => {
    expect(SessionInputSchema.safeParse({ ...minimal, repeat: null }).success).toBe(true);
    const monthly = { ...minimal, repeat: { every: 'month', weekday: 'fri', nth: -1 } };
    expect(SessionInputSchema.safeParse(monthly).success).toBe(true);
    expect(SessionInputSchema.safeParse({ ...minimal, count: 5 }).success).toBe(true);
    expect(SessionInputSchema.safeParse({ ...minimal, until: '2027-07-27' }).success).toBe(true);
  });

  it('rejects an end time before the start time, naming endTime', () => {
    expect(issuesOf({ ...minimal, startTime: '11:00', endTime: '10:00' })).toEqual([
      { path: 'endTime', message: 'The end time must be after the start time' },
    ]);
  });

  it('rejects an end date and a number of times together', () => {
    expect(issuesOf({ ...minimal, until: '2027-07-27', count: 5 })).toEqual([
      { path: 'count', message: 'Give either an end date or a number of times, not both' },
    ]);
  });

  it('rejects an unknown way', () => {
    const issues = issuesOf({ ...minimal, ways: ['be-happy'] });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('ways.0');
    expect(issues[0]?.message).toContain('Choose a way to wellbeing');
  });

  it('rejects a date that does not exist', () => {
    expect(issuesOf({ ...minimal, startDate: '2027-02-30' })).toEqual([
      { path: 'startDate', message: 'Give a real date as YYYY-MM-DD, for example 2027-03-30' },
    ]);
  });

  it('rejects 24:00 as a time', () => {
    const issues = issuesOf({ ...minimal, endTime: '24:00' });
    expect(issues.map((i) => i.path)).toEqual(['endTime']);
    expect(issues[0]?.message).toContain('HH:MM');
  });

  it('rejects an end date before the start date and unknown fields', () => {
    expect(issuesOf({ ...minimal, until: '2027-03-01' }).map((i) => i.path)).toEqual(['until']);
    expect(issuesOf({ ...minimal, colour: 'red' }).map((i) => i.path)).toEqual(['']);
  });

  it('rejects an end date more than ten years after the start date, naming the field', () => {
    const from2027 = { ...minimal, startDate: '2027-03-02' };
    expect(SessionInputSchema.safeParse({ ...from2027, until: '2037-03-02' }).success).toBe(true);
    expect(issuesOf({ ...from2027, until: '2037-03-03' }).map((i) => i.path)).toEqual(['until']);
    expect(issuesOf({ ...minimal, startDate: '1900-01-01', until: '2200-12-31' })).toEqual([
      { path: 'until', message: 'The end date must be at most 10 years after the start date' },
    ]);
  });

  it('rejects a repeat other than weekly or monthly, and bad intervals', () => {
    expect(issuesOf({ ...minimal, repeat: { every: 'day' } })).toEqual([
      { path: 'repeat.every', message: 'Repeat must be every "week" or every "month"' },
    ]);
    const weekly = { every: 'week', days: ['tue'] };
    expect(issuesOf({ ...minimal, repeat: { ...weekly, interval: 0 } })[0]?.path).toBe(
      'repeat.interval',
    );
    expect(issuesOf({ ...minimal, repeat: { ...weekly, days: [] } })[0]?.path).toBe('repeat.days');
    expect(
      issuesOf({ ...minimal, repeat: { every: 'month', weekday: 'tue', nth: 5 } })[0]?.path,
    ).toBe('repeat.nth');
  });

  it('rejects an end date on a one-off session', () => {
    expect(issuesOf({ ...minimal, repeat: null, until: '2027-04-30' }).map((i) => i.path)).toEqual([
      'repeat',
    ]);
  });
});

describe('SessionPatchSchema', () => {
  it('rejects unknown fields', () => {
    expect(SessionPatchSchema.safeParse({ colour: 'red' }).success).toBe(false);
    expect(SessionPatchSchema.safeParse({ title: 'New title' }).success).toBe(true);
  });

  it('leaves out the fields a patch does not mention', () => {
    expect(SessionPatchSchema.parse({ title: '  New title  ' })).toEqual({ title: 'New title' });
  });
});

describe('CancellationInputSchema and OccurrenceExceptionSchema', () => {
  it('needs a real date and a reason', () => {
    expect(
      CancellationInputSchema.safeParse({ date: '2027-03-30', reason: 'Venue closed' }).success,
    ).toBe(true);
    const blank = CancellationInputSchema.safeParse({ date: '2027-03-30', reason: '   ' });
    expect(blank.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
  });

  it('fills an exception with nulls meaning unchanged', () => {
    expect(OccurrenceExceptionSchema.parse({ date: '2027-03-30', kind: 'cancelled' })).toEqual({
      date: '2027-03-30',
      kind: 'cancelled',
      reason: '',
      newDate: null,
      startTime: null,
      endTime: null,
      venueSlug: null,
    });
  });
});
