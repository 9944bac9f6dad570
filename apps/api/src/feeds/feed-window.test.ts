import { describe, expect, it } from 'vitest';
import { feedLastModified, feedWindow } from './feed-window.ts';

describe('feed window', () => {
  it('runs from four weeks ago to a year ahead, in London dates', () => {
    expect(feedWindow(new Date('2026-11-23T10:00:00Z'))).toEqual({
      from: '2026-10-26',
      to: '2027-11-23',
    });
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(feedWindow(new Date('2027-06-30T23:30:00Z')).to).toBe('2028-07-01');
  });

  it('ends on 1 March a year after a 29 February', () => {
    expect(feedWindow(new Date('2028-02-29T12:00:00Z'))).toEqual({
      from: '2028-02-01',
      to: '2029-03-01',
    });
  });
});

describe('feed Last-Modified', () => {
  const window = feedWindow(new Date('2027-06-30T15:00:00Z'));

  it('is null for an empty database', () => {
    expect(feedLastModified(null, window)).toBeNull();
  });

  it('is the latest write when that is today', () => {
    expect(feedLastModified('2027-06-30T09:12:00.000Z', window)).toEqual(
      new Date('2027-06-30T09:12:00.000Z'),
    );
  });

  it('is the start of today in London when the latest write is older, as the window moved', () => {
    // London midnight on 30 June (BST) is 23:00 UTC the day before.
    expect(feedLastModified('2027-01-02T10:00:00.000Z', window)).toEqual(
      new Date('2027-06-29T23:00:00.000Z'),
    );
    const winter = feedWindow(new Date('2027-12-01T15:00:00Z'));
    expect(feedLastModified('2027-01-02T10:00:00.000Z', winter)).toEqual(
      new Date('2027-12-01T00:00:00.000Z'),
    );
  });
});
