import { describe, expect, it } from 'vitest';
import { describeCost, listAccessibilityFeatures } from './labels.ts';

describe('labels', () => {
  it('lists the features a venue has, in the fixed order', () => {
    expect(
      listAccessibilityFeatures({
        babyChange: true,
        stepFree: true,
        hearingLoop: false,
        accessibleToilet: true,
        parking: false,
      }),
    ).toEqual(['Step-free access', 'Accessible toilet', 'Baby changing']);
  });

  it('says what a session costs in plain words', () => {
    expect(describeCost({ free: true, text: '' })).toBe('Free');
    expect(describeCost({ free: true, text: 'donations welcome' })).toBe(
      'Free (donations welcome)',
    );
    expect(describeCost({ free: false, text: '£2 a session' })).toBe('£2 a session');
    expect(describeCost({ free: false, text: '' })).toBe('There is a charge: ask when you arrive');
  });
});
