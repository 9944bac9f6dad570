import {
  formatLongDate,
  formatShortDate,
  indexOfWeekday,
  monthName,
  splitDate,
  weekdayName,
  weekdayOf,
} from '@fiveways/shared/dates';
import type { Weekday } from '@fiveways/shared';
import { londonWallTimeOf } from '@fiveways/shared/london-time';
import { en, type MessageKey, type Messages } from './en.ts';
import { LOCALES, RTL_LANGUAGES, type Language } from './names.ts';

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
        import('../styles/urdu-latin.css'),
      ]);
      await document.fonts.load('700 1em "Noto Naskh Arabic"', 'ہے').catch(() => undefined);
      return messages.ur;
    }
  }
}

export interface Translator<K extends string = MessageKey> extends DateFormats {
  language: Language;
  t: (key: K, values?: Record<string, string | number>) => string;
}

/** Day and month names for a YYYY-MM-DD date, for English written without Intl. */
function englishParts(date: string): { weekday: string; day: number; month: string } {
  const { day, month } = splitDate(date);
  return { weekday: weekdayName(weekdayOf(date)), day, month: monthName(month) };
}

interface DateFormats {
  /** "Tue 3 June" for a YYYY-MM-DD local date. */
  day: (date: string) => string;
  /** "Tuesday 3 June" for a YYYY-MM-DD local date. */
  longDay: (date: string) => string;
  /** "Tuesday 3 June 2027": a date further off, with its year. */
  longDate: (date: string) => string;
  /** "3 Jun 2027". */
  shortDate: (date: string) => string;
  /** "Tuesday" for 'tue'. */
  weekday: (day: Weekday) => string;
  /** "Tue 3 June, 10:42" for an instant, in UK time. */
  dateTime: (instant: Date) => string;
}

/**
 * English dates are put together by hand: the first Intl date format a page makes costs about
 * 60 ms of ICU set-up (four times that on a slow tablet), which the kiosk's first screen need
 * not pay. Other languages use Intl, made once per language when first needed.
 */
const ENGLISH_DATES: DateFormats = {
  day: (date) => {
    const p = englishParts(date);
    return `${p.weekday.slice(0, 3)} ${p.day} ${p.month}`;
  },
  longDay: (date) => {
    const p = englishParts(date);
    return `${p.weekday} ${p.day} ${p.month}`;
  },
  longDate: formatLongDate,
  shortDate: formatShortDate,
  weekday: weekdayName,
  dateTime: (instant) => {
    const wall = londonWallTimeOf(instant);
    return `${ENGLISH_DATES.day(wall.date)}, ${wall.time}`;
  },
};

function intlDates(locale: string): DateFormats {
  let short: Intl.DateTimeFormat | undefined;
  let long: Intl.DateTimeFormat | undefined;
  let stamp: Intl.DateTimeFormat | undefined;
  let withYear: Intl.DateTimeFormat | undefined;
  let brief: Intl.DateTimeFormat | undefined;
  let dayName: Intl.DateTimeFormat | undefined;
  // Local dates are formatted as UTC midnight so the device's own zone can never shift the day.
  const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);
  return {
    day: (date) => {
      short ??= new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      });
      return short.format(asUtc(date));
    },
    longDay: (date) => {
      long ??= new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      });
      return long.format(asUtc(date));
    },
    longDate: (date) => {
      withYear ??= new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      return withYear.format(asUtc(date));
    },
    shortDate: (date) => {
      brief ??= new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
      return brief.format(asUtc(date));
    },
    weekday: (day) => {
      dayName ??= new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
      // 1 January 2024 was a Monday.
      return dayName.format(new Date(Date.UTC(2024, 0, 1 + indexOfWeekday(day))));
    },
    dateTime: (instant) => {
      stamp ??= new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/London',
      });
      return stamp.format(instant);
    },
  };
}

const dateFormats = new Map<Language, DateFormats>([['en', ENGLISH_DATES]]);

function datesFor(language: Language): DateFormats {
  let formats = dateFormats.get(language);
  if (!formats) {
    formats = intlDates(LOCALES[language]);
    dateFormats.set(language, formats);
  }
  return formats;
}

export function createTranslator<K extends string = MessageKey>(
  language: Language,
  messages: Readonly<Record<K, string>>,
): Translator<K> {
  const dates = datesFor(language);
  // In a right-to-left language each value (an English venue name, a time) is set apart with
  // first-strong isolates, so it reads in its own direction and does not scramble the sentence.
  const isolate = RTL_LANGUAGES.has(language)
    ? (value: string) => `\u2068${value}\u2069`
    : (value: string) => value;
  return {
    ...dates,
    language,
    t: (key, values) => {
      const text = messages[key];
      if (!values) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in values ? isolate(String(values[name])) : whole,
      );
    },
  };
}
