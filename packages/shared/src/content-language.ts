// Translated titles and summaries, without zod: the kiosk and phone pages pick what to show.
import type { Translations } from './translation.ts';

/** The languages staff may translate a title and summary into (English is the original). */
export const CONTENT_LANGUAGES = ['pl', 'ro', 'ur'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** Each translation language named in English, for staff and for error messages. */
export const CONTENT_LANGUAGE_NAMES: Record<ContentLanguage, string> = {
  pl: 'Polish',
  ro: 'Romanian',
  ur: 'Urdu',
};

export const TRANSLATED_TITLE_MAX = 120;
export const TRANSLATED_SUMMARY_MAX = 1000;

export function isContentLanguage(language: string): language is ContentLanguage {
  return CONTENT_LANGUAGES.some((l) => l === language);
}

/** Translations as stored: a language with neither a title nor a summary is left out. */
export function compactTranslations(translations: Translations): Translations {
  const kept: Translations = {};
  for (const language of CONTENT_LANGUAGES) {
    const one = translations[language];
    if (one !== undefined && (one.title !== '' || one.summary !== '')) kept[language] = one;
  }
  return kept;
}

/** What a resident reads of one item in a language: the translation where there is one. */
export interface ContentIn {
  title: string;
  summary: string;
  /** The language the title is written in. */
  titleLang: string;
  /** The language the summary is written in. */
  summaryLang: string;
  /** True when the visitor's language is not English and some of this stays in English. */
  someEnglish: boolean;
}

/** An item's title and summary in `language` where translated, English otherwise. */
export function contentIn(
  item: { title: string; summary: string; translations?: Translations | undefined },
  language: string,
): ContentIn {
  const one = isContentLanguage(language) ? item.translations?.[language] : undefined;
  const title = one !== undefined && one.title !== '' ? one.title : null;
  const summary = one !== undefined && one.summary !== '' ? one.summary : null;
  return {
    title: title ?? item.title,
    summary: summary ?? item.summary,
    titleLang: title === null ? 'en' : language,
    summaryLang: summary === null ? 'en' : language,
    someEnglish: language !== 'en' && (title === null || (summary === null && item.summary !== '')),
  };
}
