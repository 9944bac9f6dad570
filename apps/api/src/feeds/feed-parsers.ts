// Two independent readings of a feed, for the tests: Mozilla's ical.js and node-ical each expand
// every event over a span of time, as a calendar app would, into the occurrences it shows.

import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';

/** An occurrence as a calendar app shows it: which session, when (UTC instants), on or off. */
export interface Seen {
  sessionId: number;
  start: string;
  end: string;
  status: 'scheduled' | 'cancelled';
  summary: string;
}

/** Instants: occurrences starting at or after `from` and before `to` are kept. */
export interface Span {
  from: Date;
  to: Date;
}

/** How far outside the span a date may have been moved from: both parsers look that far. */
const MOVE_MARGIN_MS = 400 * 86_400_000;

function sessionIdOfUrl(url: string): number {
  const id = /\/sessions\/(\d+)$/.exec(url)?.[1];
  if (id === undefined) throw new Error(`no session URL: ${url}`);
  return Number(id);
}

function statusOf(value: unknown): 'scheduled' | 'cancelled' {
  return String(value).toUpperCase() === 'CANCELLED' ? 'cancelled' : 'scheduled';
}

/**
 * Expands with ical.js, which knows time zones only from the feed's own VTIMEZONE. Each master
 * is given its own overrides, by UID (strict exceptions): ical.js's default attaches every
 * override in the calendar to every event, so one session's change would land on another.
 */
export function expandWithIcalJs(ics: string, span: Span): Seen[] {
  const root = ICAL.Component.fromString(ics);
  ICAL.TimezoneService.remove('Europe/London');
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const vevents = root.getAllSubcomponents('vevent');
  const seen: Seen[] = [];
  for (const master of vevents.filter((v) => !v.hasProperty('recurrence-id'))) {
    const uid = master.getFirstPropertyValue('uid');
    const event = new ICAL.Event(master, {
      strictExceptions: true,
      exceptions: vevents.filter(
        (v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === uid,
      ),
    });
    const sessionId = sessionIdOfUrl(String(master.getFirstPropertyValue('url')));
    const iterator = event.iterator();
    for (let next = iterator.next(); next !== undefined && next !== null; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toJSDate();
      // A date moved into the span from far after it is still to come.
      if (details.recurrenceId.toJSDate().getTime() >= span.to.getTime() + MOVE_MARGIN_MS) break;
      if (start >= span.from && start < span.to) {
        const item = details.item.component;
        seen.push({
          sessionId,
          start: start.toISOString(),
          end: details.endDate.toJSDate().toISOString(),
          status: statusOf(item.getFirstPropertyValue('status')),
          summary: String(item.getFirstPropertyValue('summary')),
        });
      }
      if (!event.isRecurring()) break;
    }
  }
  return seen;
}

/** node-ical's dates carry a zone name; their instant is what matters here. */
function instant(value: unknown): Date {
  if (!(value instanceof Date)) throw new Error(`not a date: ${String(value)}`);
  return new Date(value.getTime());
}

/** A parameterised property comes as { params, val }. */
function valueOf(value: unknown): string {
  return typeof value === 'object' && value !== null && 'val' in value
    ? String(value.val)
    : String(value);
}

/** Expands with node-ical's own expandRecurringEvent (RRULE, EXDATE and RECURRENCE-ID). */
export function expandWithNodeIcal(ics: string, span: Span): Seen[] {
  const data = nodeIcal.sync.parseICS(ics);
  // Look beyond the span: an override may move a date into it from outside.
  const from = new Date(span.from.getTime() - MOVE_MARGIN_MS);
  const to = new Date(span.to.getTime() + MOVE_MARGIN_MS);
  const seen: Seen[] = [];
  for (const component of Object.values(data)) {
    if (component === undefined || component.type !== 'VEVENT') continue;
    const master: VEvent = component;
    const sessionId = sessionIdOfUrl(valueOf(master.url));
    for (const occurrence of nodeIcal.expandRecurringEvent(master, { from, to })) {
      const start = instant(occurrence.start);
      if (start < span.from || start >= span.to) continue;
      seen.push({
        sessionId,
        start: start.toISOString(),
        end: instant(occurrence.end).toISOString(),
        status: statusOf(occurrence.event.status),
        summary: valueOf(occurrence.event.summary),
      });
    }
  }
  return seen;
}
