// A checker for Event JSON-LD, offline: the properties Google's Event rich result requires and
// the shapes schema.org gives them, plus a list of each type's properties so a misspelt one is
// caught. Tests (unit and end-to-end) run the session pages' JSON-LD through it.

type Json = Record<string, unknown>;

const SCHEMA = 'https://schema.org/';

/** The properties each type may carry here (a subset of schema.org's, enough for a session). */
const PROPERTIES: Record<string, readonly string[]> = {
  Event: [
    '@context',
    '@type',
    '@id',
    'name',
    'description',
    'url',
    'image',
    'startDate',
    'endDate',
    'eventStatus',
    'previousStartDate',
    'eventAttendanceMode',
    'location',
    'organizer',
    'performer',
    'isAccessibleForFree',
    'offers',
    'eventSchedule',
    'inLanguage',
    'audience',
  ],
  Place: ['@type', 'name', 'address', 'geo', 'url'],
  PostalAddress: [
    '@type',
    'streetAddress',
    'addressLocality',
    'addressRegion',
    'postalCode',
    'addressCountry',
  ],
  GeoCoordinates: ['@type', 'latitude', 'longitude'],
  Organization: ['@type', 'name', 'url'],
  Person: ['@type', 'name', 'url'],
  Offer: ['@type', 'url', 'price', 'priceCurrency', 'availability', 'validFrom', 'description'],
  Schedule: [
    '@type',
    'repeatFrequency',
    'repeatCount',
    'byDay',
    'byMonth',
    'byMonthDay',
    'byMonthWeek',
    'startDate',
    'endDate',
    'startTime',
    'endTime',
    'duration',
    'scheduleTimezone',
    'exceptDate',
  ],
};

const EVENT_STATUSES = [
  'EventScheduled',
  'EventCancelled',
  'EventPostponed',
  'EventRescheduled',
  'EventMovedOnline',
].map((s) => `${SCHEMA}${s}`);
const ATTENDANCE_MODES = [
  'OfflineEventAttendanceMode',
  'OnlineEventAttendanceMode',
  'MixedEventAttendanceMode',
].map((s) => `${SCHEMA}${s}`);
const DAYS_OF_WEEK = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
].map((d) => `${SCHEMA}${d}`);

/** A date and time with its offset, as Google wants for an event at a place. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;
const DURATION = /^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;
/** iCalendar's BYDAY form, which schema.org's byDay also takes: "TU", "2TU", "-1FR". */
const ICAL_DAY = /^[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU)$/;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A string as it is, a number written out; anything else is no text at all. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : '';
}

function isWebAddress(value: unknown): boolean {
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
}

/**
 * Problems with an Event's JSON-LD, one plain sentence each naming the property; empty when it
 * has every property Google's Event rich result requires, in the shapes schema.org defines.
 */
export function checkEventRichResult(value: unknown): string[] {
  const problems: string[] = [];
  const problem = (path: string, message: string) => problems.push(`${path}: ${message}`);

  function checkNode(node: unknown, path: string, types: readonly string[]): node is Json {
    if (!isObject(node)) {
      problem(path, `must be of type ${types.join(' or ')}`);
      return false;
    }
    const type = node['@type'];
    if (typeof type !== 'string' || !types.includes(type)) {
      problem(`${path}.@type`, `must be ${types.join(' or ')}`);
      return false;
    }
    const known = PROPERTIES[type] ?? [];
    for (const key of Object.keys(node)) {
      if (!known.includes(key)) problem(`${path}.${key}`, `is not a property of ${type}`);
    }
    return true;
  }

  if (!checkNode(value, 'Event', ['Event'])) return problems;
  const event = value;
  const context = event['@context'];
  if (context !== 'https://schema.org' && context !== 'http://schema.org') {
    problem('Event.@context', 'must be https://schema.org');
  }
  if (!isText(event['name'])) problem('Event.name', 'is required: the event’s name');
  if (typeof event['startDate'] !== 'string' || !DATE_TIME.test(event['startDate'])) {
    problem('Event.startDate', 'is required: a date and time with its UTC offset');
  }
  const end = event['endDate'];
  if (end !== undefined) {
    if (typeof end !== 'string' || !DATE_TIME.test(end)) {
      problem('Event.endDate', 'must be a date and time with its UTC offset');
    } else if (
      typeof event['startDate'] === 'string' &&
      Date.parse(end) <= Date.parse(event['startDate'])
    ) {
      problem('Event.endDate', 'must be after the start');
    }
  }
  for (const key of ['url', '@id']) {
    if (event[key] !== undefined && !isWebAddress(event[key])) {
      problem(`Event.${key}`, 'must be a web address');
    }
  }
  const status = event['eventStatus'];
  if (status !== undefined && !EVENT_STATUSES.includes(textOf(status))) {
    problem(
      'Event.eventStatus',
      'must be an EventStatusType, e.g. https://schema.org/EventScheduled',
    );
  }
  const previous = event['previousStartDate'];
  if (previous !== undefined) {
    if (typeof previous !== 'string' || !DATE_TIME.test(previous)) {
      problem('Event.previousStartDate', 'must be a date and time with its UTC offset');
    }
    if (status !== `${SCHEMA}EventRescheduled` && status !== `${SCHEMA}EventPostponed`) {
      problem('Event.previousStartDate', 'goes only with a rescheduled or postponed event');
    }
  }
  const mode = event['eventAttendanceMode'];
  if (mode !== undefined && !ATTENDANCE_MODES.includes(textOf(mode))) {
    problem('Event.eventAttendanceMode', 'must be an EventAttendanceModeEnumeration');
  }
  if (
    event['isAccessibleForFree'] !== undefined &&
    typeof event['isAccessibleForFree'] !== 'boolean'
  ) {
    problem('Event.isAccessibleForFree', 'must be true or false');
  }

  // location: a Place with a PostalAddress (required for an event at a place).
  const location = event['location'];
  if (location === undefined) problem('Event.location', 'is required: a Place with an address');
  else if (checkNode(location, 'Event.location', ['Place'])) {
    if (!isText(location['name'])) problem('Event.location.name', 'is required: the place’s name');
    const address = location['address'];
    if (checkNode(address, 'Event.location.address', ['PostalAddress'])) {
      for (const key of ['streetAddress', 'addressLocality', 'addressCountry']) {
        if (!isText(address[key])) problem(`Event.location.address.${key}`, 'is required');
      }
      const country = address['addressCountry'];
      if (typeof country === 'string' && !/^[A-Z]{2}$/.test(country)) {
        problem('Event.location.address.addressCountry', 'must be a two-letter ISO 3166 code');
      }
    }
    const geo = location['geo'];
    if (geo !== undefined && checkNode(geo, 'Event.location.geo', ['GeoCoordinates'])) {
      const { latitude, longitude } = geo;
      if (typeof latitude !== 'number' || Math.abs(latitude) > 90) {
        problem('Event.location.geo.latitude', 'must be a number from -90 to 90');
      }
      if (typeof longitude !== 'number' || Math.abs(longitude) > 180) {
        problem('Event.location.geo.longitude', 'must be a number from -180 to 180');
      }
    }
  }

  const organizer = event['organizer'];
  if (
    organizer !== undefined &&
    checkNode(organizer, 'Event.organizer', ['Organization', 'Person'])
  ) {
    if (!isText(organizer['name'])) problem('Event.organizer.name', 'is required');
    if (organizer['url'] !== undefined && !isWebAddress(organizer['url'])) {
      problem('Event.organizer.url', 'must be a web address');
    }
  }

  const offers = event['offers'];
  if (offers !== undefined && checkNode(offers, 'Event.offers', ['Offer'])) {
    const price = offers['price'];
    if (price !== undefined && !/^\d+(\.\d+)?$/.test(textOf(price))) {
      problem('Event.offers.price', 'must be a number, with no currency sign');
    }
    if (price !== undefined && !/^[A-Z]{3}$/.test(textOf(offers['priceCurrency']))) {
      problem('Event.offers.priceCurrency', 'must be a three-letter ISO 4217 code with a price');
    }
    if (offers['url'] !== undefined && !isWebAddress(offers['url'])) {
      problem('Event.offers.url', 'must be a web address');
    }
  }

  const schedule = event['eventSchedule'];
  if (schedule !== undefined && checkNode(schedule, 'Event.eventSchedule', ['Schedule'])) {
    const at = 'Event.eventSchedule';
    if (
      typeof schedule['repeatFrequency'] !== 'string' ||
      !DURATION.test(schedule['repeatFrequency'])
    ) {
      problem(`${at}.repeatFrequency`, 'is required: an ISO 8601 duration such as P1W');
    }
    const byDay = schedule['byDay'];
    const days = Array.isArray(byDay) ? (byDay as unknown[]) : [byDay];
    if (
      byDay === undefined ||
      days.length === 0 ||
      !days.every((d) => DAYS_OF_WEEK.includes(textOf(d)) || ICAL_DAY.test(textOf(d)))
    ) {
      problem(
        `${at}.byDay`,
        'must be days of the week (https://schema.org/Tuesday or TU, 2TU, -1FR)',
      );
    }
    for (const key of ['startDate', 'endDate']) {
      const date = schedule[key];
      if (
        (key === 'startDate' || date !== undefined) &&
        (typeof date !== 'string' || !DATE.test(date))
      ) {
        problem(`${at}.${key}`, 'must be a date, YYYY-MM-DD');
      }
    }
    for (const key of ['startTime', 'endTime']) {
      const time = schedule[key];
      if (typeof time !== 'string' || !TIME.test(time))
        problem(`${at}.${key}`, 'must be a time, HH:MM:SS');
    }
    const count = schedule['repeatCount'];
    if (count !== undefined && (!Number.isInteger(count) || Number(count) < 1)) {
      problem(`${at}.repeatCount`, 'must be a whole number of at least 1');
    }
    if (schedule['scheduleTimezone'] !== undefined && !isText(schedule['scheduleTimezone'])) {
      problem(`${at}.scheduleTimezone`, 'must be an IANA time zone name');
    }
    const except = schedule['exceptDate'];
    if (
      except !== undefined &&
      !(Array.isArray(except) && except.every((d) => typeof d === 'string' && DATE.test(d)))
    ) {
      problem(`${at}.exceptDate`, 'must be a list of dates, YYYY-MM-DD');
    }
  }
  return problems;
}

/** Every JSON-LD block in an HTML page, parsed. */
export function readJsonLd(html: string): unknown[] {
  const blocks = html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g);
  return [...blocks].map((m) => JSON.parse(m[1] ?? 'null') as unknown);
}
