import { formatLongDate, formatShortDate, indexOfWeekday, weekdayName } from './dates.ts';
import { firstRuleDate } from './recurrence.ts';
import type { Recurrence, Weekday } from './session.ts';

const ORDINALS: Record<number, string> = {
  1: 'first',
  2: 'second',
  3: 'third',
  4: 'fourth',
  [-1]: 'last',
};

/** 'Monday', 'Monday and Thursday', 'Monday, Wednesday and Thursday'. */
function listDays(days: readonly Weekday[]): string {
  const names = [...new Set(days)]
    .sort((a, b) => indexOfWeekday(a) - indexOfWeekday(b))
    .map(weekdayName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * A session's timing in plain English, for staff and residents:
 * "Every Monday, Wednesday and Thursday, 10:00–12:00",
 * "Every 2 weeks on Tuesday, 10:00–11:30, from 12 Jan 2027, 5 times",
 * "On the last Friday of each month, 13:00–15:00, not on bank holidays".
 * The start date is shown when it anchors the pattern (fortnightly or a set number of times) or
 * when it is still ahead of `today` (pass today's London date to get that).
 */
export function describeRecurrence(r: Recurrence, options: { today?: string } = {}): string {
  const times = `${r.startTime}–${r.endTime}`;
  const repeat = r.repeat;
  if (repeat === null) return `Once, on ${formatLongDate(r.startDate)}, ${times}`;

  const parts: string[] = [];
  if (repeat.every === 'week') {
    const days = listDays(repeat.days);
    const everyDay = new Set(repeat.days).size === 7;
    if (repeat.interval === 1) parts.push(everyDay ? 'Every day' : `Every ${days}`);
    else parts.push(`Every ${repeat.interval} weeks on ${everyDay ? 'every day' : days}`);
  } else {
    parts.push(`On the ${ORDINALS[repeat.nth] ?? ''} ${weekdayName(repeat.weekday)} of each month`);
  }
  parts.push(times);

  const first = firstRuleDate(r) ?? r.startDate;
  const anchored = (repeat.every === 'week' && repeat.interval > 1) || r.count !== null;
  const ahead = options.today !== undefined && first > options.today;
  const from = anchored || ahead ? `from ${formatShortDate(first)}` : '';
  const until = r.until !== null ? `until ${formatShortDate(r.until)}` : '';
  if (from !== '' || until !== '') parts.push([from, until].filter((s) => s !== '').join(' '));
  if (r.count !== null) parts.push(r.count === 1 ? 'once only' : `${r.count} times`);
  if (r.skipBankHolidays) parts.push('not on bank holidays');
  if ((r.schoolHolidays?.length ?? 0) > 0) parts.push('not in school holidays');
  return parts.join(', ');
}
