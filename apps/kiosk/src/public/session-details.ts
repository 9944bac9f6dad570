// Plain-language pieces of the public session page, kept pure so they can be tested without a
// browser, in whichever language the page is read.

import {
  costDetail,
  firstRuleDate,
  occurrenceSpan,
  wallDateOf,
  wallTimeOf,
  type LocalOccurrence,
  type Recurrence,
  type Session,
} from '@fiveways/shared';
import { listWeekdays, type PublicTranslator } from '../i18n/public/index.ts';

/** "Just drop in, no need to book" or "Please book a place". */
export function bookingLabel(t: PublicTranslator, booking: Session['booking']): string {
  return booking === 'book' ? t.t('bookingBook') : t.t('bookingDropIn');
}

/** "Free", "Free (bring a packed lunch)", "£2 a session", or that there is a charge. */
export function costLabel(t: PublicTranslator, cost: Session['cost']): string {
  if (cost.free) {
    const detail = costDetail(cost);
    return detail === '' ? t.t('free') : `${t.t('free')} (${detail})`;
  }
  return cost.text === '' ? t.t('chargeAsk') : cost.text;
}

/** A maps search for the place: opens the maps app on a phone. */
export function buildMapLink(place: { name: string; address: string; postcode: string }): string {
  const query = [place.name, place.address, place.postcode].filter((s) => s !== '').join(', ');
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}

export interface OccurrenceLine {
  /** Where the date sits in the list, e.g. "2027-03-30" (the rule's date: stable when moved). */
  key: string;
  /** "Tuesday 30 March 2027, 10:00–12:00". */
  when: string;
  cancelled: boolean;
  /** "Cancelled — Staff unavailable", "Moved from Monday 29 March 2027, 10:00–12:00, at …". */
  note: string | null;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * One dated occurrence as the page lists it, at the times the API and the kiosk give it
 * (occurrenceSpan); venueNames turns a moved-to venue slug into a name.
 */
export function describeOccurrenceLine(
  t: PublicTranslator,
  occurrence: LocalOccurrence,
  session: Pick<Session, 'startTime' | 'endTime'>,
  venueNames: ReadonlyMap<string, string>,
): OccurrenceLine {
  const span = occurrenceSpan(occurrence);
  const time = t.t('timeSpan', { start: wallTimeOf(span.start), end: wallTimeOf(span.end) });
  const when = `${t.longDate(wallDateOf(span.start))}${t.t('partSeparator')}${time}`;
  const key = occurrence.date;
  if (occurrence.status === 'cancelled') {
    const note =
      occurrence.reason === null
        ? t.t('cancelled')
        : t.t('cancelledBecause', { reason: occurrence.reason });
    return { key, when, cancelled: true, note };
  }
  if (!occurrence.changed) return { key, when, cancelled: false, note: null };
  const parts: string[] = [];
  const usual = t.t('timeSpan', { start: session.startTime, end: session.endTime });
  if (occurrence.startDate !== occurrence.date) {
    parts.push(t.t('movedFrom', { date: t.longDate(occurrence.date), usual }));
  } else if (occurrence.startTime !== session.startTime || occurrence.endTime !== session.endTime) {
    parts.push(t.t('newTime', { usual }));
  }
  if (occurrence.venueSlug !== null) {
    const venue = venueNames.get(occurrence.venueSlug) ?? t.t('otherVenue');
    parts.push(t.t('atVenueThisTime', { venue }));
  }
  const note = parts.length === 0 ? t.t('changedOnly') : parts.join(t.t('partSeparator'));
  return { key, when, cancelled: false, note: capitalise(note) };
}

/**
 * A session's timing in the page's language, as describeRecurrence says it in English:
 * "Every Monday and Thursday, 10:00–12:00", "On the last Friday of each month, 13:00–15:00,
 * until 31 Dec 2027". The start date shows when it anchors the pattern or is still ahead.
 */
export function describeRule(t: PublicTranslator, r: Recurrence, today: string): string {
  const time = t.t('timeSpan', { start: r.startTime, end: r.endTime });
  const repeat = r.repeat;
  if (repeat === null) return t.t('ruleOnce', { date: t.longDate(r.startDate), time });

  const parts: string[] = [];
  if (repeat.every === 'week') {
    const everyDay = new Set(repeat.days).size === 7;
    const days = listWeekdays(t, repeat.days);
    if (repeat.interval === 1)
      parts.push(everyDay ? t.t('ruleEveryDay') : t.t('ruleWeekly', { days }));
    else {
      parts.push(
        t.t('ruleEveryWeeks', { n: repeat.interval, days: everyDay ? t.t('ruleAllDays') : days }),
      );
    }
  } else {
    const nth = t.t(`nth.${repeat.nth}`);
    parts.push(t.t('ruleMonthly', { nth, day: t.weekday(repeat.weekday) }));
  }
  parts.push(time);

  const first = firstRuleDate(r) ?? r.startDate;
  const anchored = (repeat.every === 'week' && repeat.interval > 1) || r.count !== null;
  const from = anchored || first > today ? t.t('ruleFrom', { date: t.shortDate(first) }) : '';
  const until = r.until !== null ? t.t('ruleUntil', { date: t.shortDate(r.until) }) : '';
  if (from !== '' || until !== '') parts.push([from, until].filter((s) => s !== '').join(' '));
  if (r.count !== null)
    parts.push(r.count === 1 ? t.t('ruleOnceOnly') : t.t('ruleTimes', { n: r.count }));
  if (r.skipBankHolidays) parts.push(t.t('ruleNoBankHolidays'));
  return parts.join(t.t('partSeparator'));
}
