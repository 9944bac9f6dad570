import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './choose-language.ts';

describe('chooseLanguage', () => {
  it('takes ?lang= first, even over the visit and the phone', () => {
    expect(chooseLanguage('?lang=ur', 'pl', ['ro-RO'])).toBe('ur');
    expect(chooseLanguage('?x=1&lang=en', 'pl', ['pl'])).toBe('en');
  });

  it('keeps the language chosen earlier in the visit when the link names none', () => {
    expect(chooseLanguage('', 'pl', ['ro'])).toBe('pl');
  });

  it("follows the phone's languages in order, by their first part", () => {
    expect(chooseLanguage('', null, ['de-DE', 'ro-RO', 'pl'])).toBe('ro');
    expect(chooseLanguage('', null, ['UR-pk'])).toBe('ur');
    expect(chooseLanguage('', null, ['en-GB', 'pl'])).toBe('en');
  });

  it('falls back to English for languages it does not have', () => {
    expect(chooseLanguage('?lang=xx', 'de', ['fr-FR'])).toBe('en');
    expect(chooseLanguage('', null, [])).toBe('en');
  });
});
