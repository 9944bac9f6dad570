import { describe, expect, it } from 'vitest';
import { contentAttrs, groupContent, sessionContent } from './content-text.ts';

const session = {
  id: 7,
  title: 'Time to Talk',
  description: 'A friendly drop-in.',
  translations: { ur: { title: 'بات کرنے کا وقت', summary: '' } },
};

describe('what residents read of staff text', () => {
  it('gives the translated title in its language and the English summary marked English', () => {
    const words = sessionContent(session, 'ur');
    expect(words).toMatchObject({ title: 'بات کرنے کا وقت', titleLang: 'ur', summaryLang: 'en' });
    expect(words.someEnglish).toBe(true);
    expect(contentAttrs(words.titleLang)).toEqual({ lang: 'ur', dir: 'auto' });
  });

  it('reads a group by its name and description, and a session saved before translations', () => {
    const group = { name: 'Knit and Natter', description: '', translations: undefined };
    expect(groupContent(group, 'pl')).toMatchObject({ title: 'Knit and Natter', titleLang: 'en' });
    expect(sessionContent({ ...session, translations: undefined }, 'en').someEnglish).toBe(false);
  });
});
