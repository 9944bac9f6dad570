// Readers of an import plan for the tests: the plan's sessions as the API's sessions, their
// occurrences by the project's own builder, and node-ical's expansion of the same feed.

import {
  SessionInputSchema,
  buildOccurrences,
  type Occurrence,
  type Session,
  type Venue,
} from '@fiveways/shared';
import nodeIcal from 'node-ical';
import type { ImportPlan, KnownVenue, PlannedSession } from './plan-import.ts';

/** A planned session as the API would hold it once imported (ways and the rest left plain). */
export function sessionOf(
  planned: PlannedSession,
  id: number,
  venues: readonly KnownVenue[],
): Session {
  const venue = venues.find((v) => v.slug === planned.venue);
  return {
    id,
    uid: `import-${id}@test`,
    title: planned.title,
    venue: { slug: planned.venue, name: venue?.name ?? planned.venue, areaSlug: 'test-area' },
    ways: ['connect'],
    startDate: planned.startDate,
    startTime: planned.startTime,
    endTime: planned.endTime,
    repeat: planned.repeat,
    until: planned.until,
    count: planned.count,
    skipBankHolidays: false,
    skipSchoolHolidays: false,
    schoolHolidays: [],
    kind: 'group',
    booking: 'drop-in',
    bookingInfo: '',
    cost: { free: true, text: '' },
    audiences: [],
    description: planned.description,
    whatToExpect: '',
    accessibility: '',
    contact: { name: '', phone: '', email: '', website: '' },
    group: null,
    exceptions: planned.exceptions,
    status: 'active',
    sequence: 0,
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

/** The planned session as staff would send it: what the API's own validation makes of it. */
export function validationProblems(planned: PlannedSession): string[] {
  const result = SessionInputSchema.safeParse({
    title: planned.title,
    venue: planned.venue,
    ways: ['connect'],
    startDate: planned.startDate,
    startTime: planned.startTime,
    endTime: planned.endTime,
    repeat: planned.repeat,
    until: planned.until,
    count: planned.count,
    description: planned.description,
  });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** Every occurrence the plan's sessions give in [from, to], keyed back to the plan's sessions. */
export function occurrencesOfPlan(
  plan: ImportPlan,
  venues: readonly KnownVenue[],
  from: string,
  to: string,
): { session: PlannedSession; occurrence: Occurrence }[] {
  const sessions = plan.sessions.map((p, i) => sessionOf(p, i + 1, venues));
  const venueRefs: Pick<Venue, 'slug' | 'name' | 'areaSlug'>[] = venues.map((v) => ({
    slug: v.slug,
    name: v.name,
    areaSlug: 'test-area',
  }));
  venueRefs.push({ slug: 'default-hall', name: 'Default hall', areaSlug: 'test-area' });
  return buildOccurrences(sessions, venueRefs, { from, to }).map((occurrence) => {
    const session = plan.sessions[occurrence.sessionId - 1];
    if (session === undefined) throw new Error(`no planned session ${occurrence.sessionId}`);
    return { occurrence, session };
  });
}

/** An occurrence as node-ical shows it: the event's UID and its instants. */
export interface NodeIcalSeen {
  uid: string;
  start: string;
  end: string;
  cancelled: boolean;
}

/** node-ical's expansion (RRULE, EXDATE, RECURRENCE-ID) of every event starting in [from, to). */
export function expandWithNodeIcal(ics: string, from: Date, to: Date): NodeIcalSeen[] {
  const data = nodeIcal.sync.parseICS(ics);
  const seen: NodeIcalSeen[] = [];
  for (const component of Object.values(data)) {
    if (component === undefined || component.type !== 'VEVENT') continue;
    for (const o of nodeIcal.expandRecurringEvent(component, { from, to })) {
      if (!(o.start instanceof Date) || !(o.end instanceof Date)) continue;
      if (o.start < from || o.start >= to) continue;
      seen.push({
        uid: String(component.uid),
        start: o.start.toISOString(),
        end: o.end.toISOString(),
        cancelled: String(o.event.status).toUpperCase() === 'CANCELLED',
      });
    }
  }
  return seen.sort((a, b) => (a.uid + a.start < b.uid + b.start ? -1 : 1));
}
