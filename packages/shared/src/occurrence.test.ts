import { describe, expect, it } from 'vitest';
import { OccurrenceQuerySchema } from './occurrence.ts';

function pathsOf(input: unknown) {
  const result = OccurrenceQuerySchema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => i.path.join('.'));
}

describe('OccurrenceQuerySchema', () => {
  it('accepts a window of up to 93 days with optional filters', () => {
    expect(
      OccurrenceQuerySchema.parse({ from: '2027-03-01', to: '2027-03-31', way: 'connect' }),
    ).toEqual({
      from: '2027-03-01',
      to: '2027-03-31',
      way: 'connect',
    });
    expect(OccurrenceQuerySchema.safeParse({ from: '2027-01-01', to: '2027-04-03' }).success).toBe(
      true,
    );
    expect(OccurrenceQuerySchema.safeParse({ from: '2027-03-30', to: '2027-03-30' }).success).toBe(
      true,
    );
  });

  it('rejects a date that is not a date', () => {
    const result = OccurrenceQuerySchema.safeParse({ from: 'banana', to: '2027-03-31' });
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({
        path: ['from'],
        message: 'Give a real date as YYYY-MM-DD, for example 2027-03-30',
      }),
    );
  });

  it('rejects "to" before "from"', () => {
    const result = OccurrenceQuerySchema.safeParse({ from: '2027-03-31', to: '2027-03-01' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['to', '"to" must be on or after "from"'],
    ]);
  });

  it('rejects a window over 93 days', () => {
    expect(pathsOf({ from: '2027-01-01', to: '2027-04-04' })).toEqual(['to']);
  });

  it('rejects an unknown way', () => {
    expect(pathsOf({ from: '2027-03-01', to: '2027-03-31', way: 'be-happy' })).toEqual(['way']);
  });

  it('takes a page as limit and offset, and names either when it is not a whole number in range', () => {
    expect(
      OccurrenceQuerySchema.parse({
        from: '2027-03-01',
        to: '2027-03-07',
        limit: '50',
        offset: '0',
      }),
    ).toMatchObject({ limit: 50, offset: 0 });
    for (const limit of ['0', '1001', '-1', '1.5', 'ten', '', '99999999999']) {
      expect(pathsOf({ from: '2027-03-01', to: '2027-03-07', limit })).toEqual(['limit']);
    }
    for (const offset of ['-1', '2.5', 'x', '10000001']) {
      expect(pathsOf({ from: '2027-03-01', to: '2027-03-07', offset })).toEqual(['offset']);
    }
  });
});
