import { describe, expect, it } from 'vitest';
import { firstDateOffered, isOver } from './session-defaults.ts';

describe('firstDateOffered', () => {
  it('is today until 17:00 in London, then tomorrow', () => {
    expect(firstDateOffered(new Date('2027-01-06T16:59:00Z'))).toBe('2027-01-06');
    expect(firstDateOffered(new Date('2027-01-06T17:00:00Z'))).toBe('2027-01-07');
    expect(firstDateOffered(new Date('2027-01-06T23:30:00Z'))).toBe('2027-01-07');
  });

  it('counts in London time in summer, not UTC', () => {
    // 16:30 UTC is 17:30 BST: already late.
    expect(firstDateOffered(new Date('2027-07-06T16:30:00Z'))).toBe('2027-07-07');
    // 23:30 UTC on 6 July is 00:30 on 7 July in London: a new day, early.
    expect(firstDateOffered(new Date('2027-07-06T23:30:00Z'))).toBe('2027-07-07');
    expect(firstDateOffered(new Date('2027-07-06T15:59:00Z'))).toBe('2027-07-06');
  });
});

describe('isOver', () => {
  it('is true once the date has ended in London', () => {
    const now = new Date('2027-07-06T10:30:00Z'); // 11:30 BST
    expect(isOver('2027-07-06', '11:00', now)).toBe(true);
    expect(isOver('2027-07-06', '12:00', now)).toBe(false);
    expect(isOver('2027-07-05', '23:00', now)).toBe(true);
    expect(isOver('2027-07-07', '09:00', now)).toBe(false);
  });
});
