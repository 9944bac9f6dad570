import { describe, expect, it } from 'vitest';
import { findTranslationProblems } from './check.ts';
import { LANGUAGE_NAMES } from './names.ts';

describe('translation files', () => {
  it('have every English key, no extra keys and the same placeholders', () => {
    expect(findTranslationProblems()).toEqual([]);
  });

  it('name each language in itself', () => {
    expect(Object.values(LANGUAGE_NAMES)).toEqual(['English', 'Polski', 'Română', 'اردو']);
  });
});
