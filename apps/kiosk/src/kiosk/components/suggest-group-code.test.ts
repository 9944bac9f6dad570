import { describe, expect, it } from 'vitest';
import { suggestPageUrl } from './suggest-group-code.tsx';

describe('suggestPageUrl', () => {
  it('opens the form on the public address, in the kiosk’s language', () => {
    expect(suggestPageUrl('https://fiveways.example.org', 'en')).toBe(
      'https://fiveways.example.org/suggest',
    );
    expect(suggestPageUrl('https://fiveways.example.org', 'ur')).toBe(
      'https://fiveways.example.org/suggest?lang=ur',
    );
  });
});
