import { describe, expect, it } from 'vitest';
import { describeCost } from './cost-text.ts';

describe('describeCost', () => {
  it('says free once, however staff wrote it', () => {
    expect(describeCost({ free: true, text: '' })).toBe('Free');
    expect(describeCost({ free: true, text: 'Free' })).toBe('Free');
    expect(describeCost({ free: true, text: 'free.' })).toBe('Free');
    expect(describeCost({ free: true, text: 'Free of charge' })).toBe('Free of charge');
    expect(describeCost({ free: true, text: 'Free, donations welcome' })).toBe(
      'Free, donations welcome',
    );
    expect(describeCost({ free: true, text: 'free for under-5s' })).toBe('Free for under-5s');
    expect(describeCost({ free: true, text: 'No charge' })).toBe('Free');
    expect(describeCost({ free: true, text: 'No charge; donations welcome' })).toBe(
      'Free, donations welcome',
    );
  });

  it('adds other details in brackets', () => {
    expect(describeCost({ free: true, text: 'donations welcome' })).toBe(
      'Free (donations welcome)',
    );
    expect(describeCost({ free: true, text: 'Freestyle dance; bring water' })).toBe(
      'Free (Freestyle dance; bring water)',
    );
  });

  it('gives a charge as written, or null when there are no details', () => {
    expect(describeCost({ free: false, text: '£2 a session.' })).toBe('£2 a session');
    expect(describeCost({ free: false, text: ' ' })).toBeNull();
    expect(describeCost({ free: false, text: 'Free with free school meals, otherwise £5' })).toBe(
      'Free with free school meals, otherwise £5',
    );
  });
});
