import { en, type MessageKey, type Messages } from './en.ts';
import { LOCALES, type Language } from './names.ts';

export type { MessageKey, Messages } from './en.ts';
export * from './names.ts';

/** English ships in the first download; the others load when chosen. */
export async function loadMessages(language: Language): Promise<Messages> {
  switch (language) {
    case 'en':
      return en;
    case 'pl':
      return (await import('./pl.ts')).pl;
    case 'ro':
      return (await import('./ro.ts')).ro;
    case 'ur': {
      // The Urdu letters need a font most kiosks lack; it downloads only when Urdu is chosen.
      const [messages] = await Promise.all([
        import('./ur.ts'),
        import('@fontsource/noto-naskh-arabic/arabic-400.css'),
        import('@fontsource/noto-naskh-arabic/arabic-700.css'),
      ]);
      await document.fonts.load('700 1em "Noto Naskh Arabic"', 'ہے').catch(() => undefined);
      return messages.ur;
    }
  }
}

export interface Translator {
  language: Language;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** "Tue 3 June" for a YYYY-MM-DD local date. */
  day: (date: string) => string;
  /** "Tuesday 3 June" for a YYYY-MM-DD local date. */
  longDay: (date: string) => string;
  /** "Tue 3 June, 10:42" for an instant, in UK time. */
  dateTime: (instant: Date) => string;
}

export function createTranslator(language: Language, messages: Messages): Translator {
  const locale = LOCALES[language];
  // Local dates are formatted as UTC midnight so the device's own zone can never shift the day.
  const short = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const long = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const stamp = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/London',
  });
  const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);
  return {
    language,
    t: (key, values) => {
      const text = messages[key];
      if (!values) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in values ? String(values[name]) : whole,
      );
    },
    day: (date) => short.format(asUtc(date)),
    longDay: (date) => long.format(asUtc(date)),
    dateTime: (instant) => stamp.format(instant),
  };
}
