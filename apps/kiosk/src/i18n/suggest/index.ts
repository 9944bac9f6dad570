// The suggest-a-group page's own words, in one language (English ships with the page).
import type { Language } from '../names.ts';
import { suggestEn, type SuggestMessages } from './en.ts';

export type { SuggestKey, SuggestMessages } from './en.ts';
export { suggestEn } from './en.ts';

export async function loadSuggestMessages(language: Language): Promise<SuggestMessages> {
  switch (language) {
    case 'en':
      return suggestEn;
    case 'pl':
      return (await import('./pl.ts')).suggestPl;
    case 'ro':
      return (await import('./ro.ts')).suggestRo;
    case 'ur':
      return (await import('./ur.ts')).suggestUr;
  }
}
