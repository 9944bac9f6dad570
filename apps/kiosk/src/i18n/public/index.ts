// The phone pages' words: the kiosk's (which they share) with their own on top, for one language.
import type { Weekday } from '@fiveways/shared';
import { createTranslator, loadMessages, type Language, type Translator } from '../index.ts';
import { en, type MessageKey } from '../en.ts';
import { publicEn, type PublicOnlyKey, type PublicOnlyMessages } from './en.ts';

export type PublicKey = MessageKey | PublicOnlyKey;
export type PublicTranslator = Translator<PublicKey>;

async function loadPublicOnly(language: Language): Promise<PublicOnlyMessages> {
  switch (language) {
    case 'en':
      return publicEn;
    case 'pl':
      return (await import('./pl.ts')).publicPl;
    case 'ro':
      return (await import('./ro.ts')).publicRo;
    case 'ur':
      return (await import('./ur.ts')).publicUr;
  }
}

/** The translator for the phone pages in one language (Urdu brings its font with it). */
export async function loadPublicTranslator(language: Language): Promise<PublicTranslator> {
  const [kiosk, own] = await Promise.all([loadMessages(language), loadPublicOnly(language)]);
  return createTranslator<PublicKey>(language, { ...kiosk, ...own });
}

/** English, ready at once: what a page shows first, and while another language loads. */
export const ENGLISH: PublicTranslator = createTranslator<PublicKey>('en', { ...en, ...publicEn });

/** "Monday", "Monday and Thursday", "Monday, Wednesday and Thursday", in the translator's words. */
export function listWeekdays(t: PublicTranslator, days: readonly Weekday[]): string {
  const names = days.map((d) => t.weekday(d));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(t.t('partSeparator'))} ${t.t('listAnd')} ${names[names.length - 1] ?? ''}`;
}
