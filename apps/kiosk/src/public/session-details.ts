// Plain-English pieces of the public session page, kept pure so they can be tested without a browser.

import { formatLongDate, type LocalOccurrence, type Session } from '@fiveways/shared';

/** "Just drop in, no need to book" or "Please book a place". */
export function bookingLabel(booking: Session['booking']): string {
  return booking === 'book' ? 'Please book a place' : 'Just drop in, no need to book';
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
  /** "Cancelled — Staff unavailable", "Moved from Monday 29 March 2027, 10:00–12:00, now at …". */
  note: string | null;
}

/** One dated occurrence as the page lists it; venueNames turns a moved-to venue slug into a name. */
export function describeOccurrenceLine(
  occurrence: LocalOccurrence,
  session: Pick<Session, 'startTime' | 'endTime'>,
  venueNames: ReadonlyMap<string, string>,
): OccurrenceLine {
  const when = `${formatLongDate(occurrence.startDate)}, ${occurrence.startTime}–${occurrence.endTime}`;
  if (occurrence.status === 'cancelled') {
    return {
      key: occurrence.date,
      when,
      cancelled: true,
      note: occurrence.reason === null ? 'Cancelled' : `Cancelled — ${occurrence.reason}`,
    };
  }
  if (!occurrence.changed) return { key: occurrence.date, when, cancelled: false, note: null };
  const parts: string[] = [];
  const usual = `${session.startTime}–${session.endTime}`;
  if (occurrence.startDate !== occurrence.date) {
    parts.push(`Moved from ${formatLongDate(occurrence.date)}, ${usual}`);
  } else if (occurrence.startTime !== session.startTime || occurrence.endTime !== session.endTime) {
    parts.push(`New time (usually ${usual})`);
  }
  if (occurrence.venueSlug !== null) {
    parts.push(`at ${venueNames.get(occurrence.venueSlug) ?? 'a different venue'} this time`);
  }
  const note = parts.length === 0 ? 'Changed' : parts.join(', ');
  return {
    key: occurrence.date,
    when,
    cancelled: false,
    note: note.charAt(0).toUpperCase() + note.slice(1),
  };
}
