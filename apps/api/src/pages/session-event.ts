// A session as a schema.org Event, for the JSON-LD in its public page: the next occurrence's
// date, time, place and status, who runs it, what it costs, and the schedule of a series. Pure:
// the caller passes the venues, the group and the time.

import {
  londonDateOf,
  nextOccurrences,
  occurrenceSpan,
  weekdayName,
  type Group,
  type LocalOccurrence,
  type Session,
  type Venue,
  type Weekday,
} from '@fiveways/shared';

const SCHEMA = 'https://schema.org';
/** The occurrences looked at for the next one and the dates off the schedule. */
const LOOK_AT = 60;

export interface PostalAddressLd {
  '@type': 'PostalAddress';
  streetAddress: string;
  addressLocality: string;
  addressRegion: string;
  postalCode?: string;
  addressCountry: string;
}

export interface PlaceLd {
  '@type': 'Place';
  name: string;
  address: PostalAddressLd;
  geo?: { '@type': 'GeoCoordinates'; latitude: number; longitude: number };
}

export interface OrganizationLd {
  '@type': 'Organization';
  name: string;
  url?: string;
}

export interface OfferLd {
  '@type': 'Offer';
  url: string;
  description: string;
  price?: string;
  priceCurrency?: string;
}

export interface ScheduleLd {
  '@type': 'Schedule';
  repeatFrequency: string;
  byDay: string[];
  startDate: string;
  endDate?: string;
  repeatCount?: number;
  startTime: string;
  endTime: string;
  scheduleTimezone: 'Europe/London';
  exceptDate?: string[];
}

export interface EventLd {
  '@context': typeof SCHEMA;
  '@type': 'Event';
  '@id': string;
  name: string;
  description?: string;
  url: string;
  startDate: string;
  endDate: string;
  eventStatus: string;
  previousStartDate?: string;
  eventAttendanceMode: string;
  location: PlaceLd;
  organizer: OrganizationLd;
  isAccessibleForFree: boolean;
  offers?: OfferLd;
  eventSchedule?: ScheduleLd;
}

export interface SessionEventInput {
  session: Session;
  /** Venues by slug: the session's own and any an occurrence moved to. */
  venue: (slug: string) => Venue | null;
  /** The group that runs it, if any (it is the organiser). */
  group: Pick<Group, 'name' | 'contact'> | null;
  /** The service's own origin, e.g. https://fiveways.example.org. */
  publicUrl: string;
  now: Date;
}

/** Worcester's community hubs are this trust's: it organises what no group runs there. */
const HUB_ORGANISER = 'Worcester Community Trust';

function placeOf(venue: Venue | null, fallback: Session['venue']): PlaceLd {
  const address: PostalAddressLd = {
    '@type': 'PostalAddress',
    streetAddress: venue?.address ?? fallback.name,
    addressLocality: 'Worcester',
    addressRegion: 'Worcestershire',
    addressCountry: 'GB',
  };
  if (venue !== null && venue.postcode !== '') address.postalCode = venue.postcode;
  const place: PlaceLd = { '@type': 'Place', name: venue?.name ?? fallback.name, address };
  if (venue !== null && venue.latitude !== null && venue.longitude !== null) {
    place.geo = { '@type': 'GeoCoordinates', latitude: venue.latitude, longitude: venue.longitude };
  }
  return place;
}

function isWebAddress(text: string): boolean {
  return /^https?:\/\/[^\s]+$/.test(text);
}

function organiserOf(
  group: SessionEventInput['group'],
  venue: Venue | null,
  session: Session,
): OrganizationLd {
  const website = group?.contact.website ?? session.contact.website;
  const organiser: OrganizationLd = {
    '@type': 'Organization',
    name: group?.name ?? (venue?.isHub === true ? HUB_ORGANISER : session.venue.name),
  };
  if (isWebAddress(website)) organiser.url = website;
  return organiser;
}

/** A price in pounds from cost text like "£2", "£2.50 a session" or "£ 3": the first one. */
export function priceOf(costText: string): string | null {
  const m = /£\s?(\d{1,4})(?:\.(\d{2}))?/.exec(costText);
  if (m === null) return null;
  return `${m[1] ?? '0'}.${m[2] ?? '00'}`;
}

function offerOf(session: Session, url: string): OfferLd | undefined {
  if (session.cost.free) return undefined;
  const offer: OfferLd = {
    '@type': 'Offer',
    url,
    description: session.cost.text === '' ? 'There is a charge' : session.cost.text,
  };
  const price = priceOf(session.cost.text);
  if (price !== null) {
    offer.price = price;
    offer.priceCurrency = 'GBP';
  }
  return offer;
}

const ICAL_DAYS: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

function scheduleOf(
  session: Session,
  upcoming: readonly LocalOccurrence[],
): ScheduleLd | undefined {
  const repeat = session.repeat;
  if (repeat === null) return undefined;
  const schedule: ScheduleLd = {
    '@type': 'Schedule',
    // Weekly days as schema.org days; the nth weekday of a month in iCalendar's BYDAY form,
    // which schema.org accepts (byMonthWeek has no "last").
    repeatFrequency: repeat.every === 'week' ? `P${repeat.interval}W` : 'P1M',
    byDay:
      repeat.every === 'week'
        ? repeat.days.map((d) => `${SCHEMA}/${weekdayName(d)}`)
        : [`${repeat.nth}${ICAL_DAYS[repeat.weekday]}`],
    startDate: session.startDate,
    startTime: `${session.startTime}:00`,
    endTime: `${session.endTime}:00`,
    scheduleTimezone: 'Europe/London',
  };
  if (session.until !== null) schedule.endDate = session.until;
  if (session.count !== null) schedule.repeatCount = session.count;
  // Dates the schedule names but that do not happen as it says: cancelled or moved.
  const off = upcoming.filter(
    (o) =>
      o.status === 'cancelled' ||
      o.startDate !== o.date ||
      o.startTime !== session.startTime ||
      o.endTime !== session.endTime,
  );
  if (off.length > 0) schedule.exceptDate = off.map((o) => o.date);
  return schedule;
}

function statusOf(o: LocalOccurrence, session: Session): string {
  if (o.status === 'cancelled') return `${SCHEMA}/EventCancelled`;
  const retimed = o.startDate !== o.date || o.startTime !== session.startTime;
  return retimed ? `${SCHEMA}/EventRescheduled` : `${SCHEMA}/EventScheduled`;
}

/**
 * The session as an Event at its next occurrence that has not yet ended (cancelled or not), or
 * null when none is left (an archived or finished session).
 */
export function buildSessionEvent({
  session,
  venue,
  group,
  publicUrl,
  now,
}: SessionEventInput): EventLd | null {
  if (session.status !== 'active') return null;
  const nowMs = now.getTime();
  const upcoming = nextOccurrences(session, londonDateOf(now), LOOK_AT).filter(
    (o) => Date.parse(occurrenceSpan(o).end) > nowMs,
  );
  const next = upcoming[0];
  if (next === undefined) return null;
  const span = occurrenceSpan(next);
  const url = `${publicUrl}/sessions/${session.id}`;
  const home = venue(session.venue.slug);
  const status = statusOf(next, session);
  const event: EventLd = {
    '@context': SCHEMA,
    '@type': 'Event',
    '@id': `${url}#event`,
    name: session.title,
    url,
    startDate: span.start,
    endDate: span.end,
    eventStatus: status,
    eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
    location: placeOf(next.venueSlug === null ? home : venue(next.venueSlug), session.venue),
    organizer: organiserOf(group, home, session),
    isAccessibleForFree: session.cost.free,
  };
  if (session.description !== '') event.description = session.description;
  if (status === `${SCHEMA}/EventRescheduled`) {
    event.previousStartDate = occurrenceSpan({ ...session, startDate: next.date }).start;
  }
  const offers = offerOf(session, url);
  if (offers !== undefined) event.offers = offers;
  const schedule = scheduleOf(session, upcoming);
  if (schedule !== undefined) event.eventSchedule = schedule;
  return event;
}

/** JSON-LD for an HTML page: `<` and friends escaped, so no text can end the script early. */
export function jsonLdScript(value: unknown): string {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/ld+json">${json}</script>`;
}
