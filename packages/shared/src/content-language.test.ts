import { describe, expect, it } from 'vitest';
import { contentIn } from './content-language.ts';
import { TranslationsSchema } from './translation.ts';

const item = {
  title: 'Time to Talk',
  summary: 'A friendly drop-in.',
  translations: {
    pl: { title: 'Czas na rozmowę', summary: '' },
    ur: { title: '', summary: 'چائے' },
  },
};

describe('contentIn', () => {
  it('gives the English words, marked English, in English', () => {
    expect(contentIn(item, 'en')).toEqual({
      title: 'Time to Talk',
      summary: 'A friendly drop-in.',
      titleLang: 'en',
      summaryLang: 'en',
      someEnglish: false,
    });
  });

  it('gives each translated part in its language and says when some stays English', () => {
    expect(contentIn(item, 'pl')).toMatchObject({
      title: 'Czas na rozmowę',
      titleLang: 'pl',
      summary: 'A friendly drop-in.',
      summaryLang: 'en',
      someEnglish: true,
    });
    expect(contentIn(item, 'ur')).toMatchObject({ titleLang: 'en', summaryLang: 'ur' });
    expect(contentIn(item, 'ro')).toMatchObject({ title: 'Time to Talk', someEnglish: true });
  });

  it('does not call a title-only item partly English when it has no summary', () => {
    const titled = {
      title: 'Lunch',
      summary: '',
      translations: { pl: { title: 'Obiad', summary: '' } },
    };
    expect(contentIn(titled, 'pl').someEnglish).toBe(false);
    expect(contentIn({ title: 'Lunch', summary: '' }, 'pl').someEnglish).toBe(true);
  });
});

describe('TranslationsSchema', () => {
  it('names the language and part in every problem', () => {
    const result = TranslationsSchema.safeParse({
      ro: { title: 'a\tb' },
      ur: { summary: 'x'.repeat(1001) },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['ro.title', 'Romanian title contains a tab or another character that cannot be shown'],
      ['ur.summary', 'Urdu summary must be at most 1000 characters'],
    ]);
  });

  it('trims and fills in a missing part', () => {
    expect(TranslationsSchema.parse({ pl: { title: '  Obiad ' } })).toEqual({
      pl: { title: 'Obiad', summary: '' },
    });
  });
});
