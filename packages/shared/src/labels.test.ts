import { describe, expect, it } from 'vitest';
import { describeCost, listAccessibilityFeatures } from './labels.ts';

describe('labels', () => {
  it('lists only the accessibility features the venue has, in the fixed order', () => {
    expect(
      listAccessibilityFeatures({
        stepFree: true,
        hearingLoop: false,
        accessibleToilet: true,
        parking: false,
        babyChange: true,
      }),
    ).toEqual(['Step-free access', 'Accessible toilet', 'Baby changing']);
  });

  it('describes the cost, free or not', () => {
    expect(describeCost({ free: true, text: '' })).toBe('Free');
    expect(describeCost({ free: true, text: 'tea and biscuits' })).toBe('Free (tea and biscuits)');
    expect(describeCost({ free: false, text: '£2 a session' })).toBe('£2 a session');
    expect(describeCost({ free: false, text: '' })).toBe('There is a charge: ask when you arrive');
  });

  it('says free once, however staff wrote it', () => {
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
    expect(describeCost({ free: true, text: 'Freestyle dance; bring water' })).toBe(
      'Free (Freestyle dance; bring water)',
    );
  });

  it('gives a charge as written, without a closing full stop', () => {
    expect(describeCost({ free: false, text: '£2 a session.' })).toBe('£2 a session');
    expect(describeCost({ free: false, text: ' ' })).toBe('There is a charge: ask when you arrive');
    expect(describeCost({ free: false, text: 'Free with free school meals, otherwise £5' })).toBe(
      'Free with free school meals, otherwise £5',
    );
  });
});
