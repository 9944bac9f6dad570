import { z } from 'zod';
import { text } from './common.ts';
import {
  CONTENT_LANGUAGE_NAMES,
  TRANSLATED_SUMMARY_MAX,
  TRANSLATED_TITLE_MAX,
  type ContentLanguage,
} from './content-language.ts';

export * from './content-language.ts';

function translationSchema(language: ContentLanguage) {
  const name = CONTENT_LANGUAGE_NAMES[language];
  return z.strictObject({
    title: text(`${name} title`, TRANSLATED_TITLE_MAX).default(''),
    summary: text(`${name} summary`, TRANSLATED_SUMMARY_MAX, 'paragraphs').default(''),
  });
}

/** One language's title and summary; either may be empty (then the English one is shown). */
export const TranslationSchema = translationSchema('pl');
export type Translation = z.infer<typeof TranslationSchema>;

/**
 * Optional translations of a session's or group's title and summary, by language. Only the
 * title and summary: times, places and contact details read the same in every language.
 */
export const TranslationsSchema = z.strictObject(
  {
    pl: translationSchema('pl').optional(),
    ro: translationSchema('ro').optional(),
    ur: translationSchema('ur').optional(),
  },
  { error: 'Translations must be given by language: pl, ro or ur' },
);
export type Translations = z.infer<typeof TranslationsSchema>;
