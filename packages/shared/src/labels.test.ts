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
});
