// The words for a listed date: every one names its weekday, "Today (Tuesday)" included.
import { addDays, weekdayOf } from '@fiveways/shared/dates';
import type { KioskState } from './kiosk-context.ts';

type Words = Pick<KioskState, 't' | 'day' | 'weekday' | 'today'>;

/** "Today (Tuesday)", "Tomorrow (Wednesday)", or "Thu 3 December". */
export function labelDay(words: Words, date: string): string {
  const { t, day, weekday, today } = words;
  if (date === today) return t('todayNamed', { weekday: weekday(weekdayOf(date)) });
  if (date === addDays(today, 1)) return t('tomorrowNamed', { weekday: weekday(weekdayOf(date)) });
  return day(date);
}
