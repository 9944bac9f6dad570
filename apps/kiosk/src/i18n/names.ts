// Needed before any translation file loads: the attract screen and the language buttons.
export const LANGUAGES = ['en', 'pl', 'ro', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, never by a flag. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  pl: 'Polski',
  ro: 'Română',
  ur: 'اردو',
};

export const TOUCH_TO_START: Record<Language, string> = {
  en: 'Touch to start',
  pl: 'Dotknij, aby zacząć',
  ro: 'Atingeți pentru a începe',
  ur: 'شروع کرنے کے لیے چھوئیں',
};

export const RTL_LANGUAGES: ReadonlySet<Language> = new Set<Language>(['ur']);

/** BCP 47 tags for dates and times. */
export const LOCALES: Record<Language, string> = {
  en: 'en-GB',
  pl: 'pl-PL',
  ro: 'ro-RO',
  ur: 'ur-PK',
};
