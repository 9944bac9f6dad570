// What a reader of the audit log needs beside the raw record: who (with their role and venues),
// what the record is called and where it is, and, for a change to one date, which date and why.
// Worked out from the stored before/after, so entries written before this existed read the same.

/** A venue named for the log. */
export interface Place {
  slug: string;
  name: string;
}

export interface OccurrenceDetail {
  date: string;
  reason: string | null;
  newDate: string | null;
  startTime: string | null;
  endTime: string | null;
  venue: Place | null;
}

export interface SpanDetail {
  from: string;
  to: string;
  reason: string | null;
  /** Dates a closure cancelled; null for a school holiday. */
  count: number | null;
}

type Snapshot = Record<string, unknown>;

function isSnapshot(value: unknown): value is Snapshot {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringField(record: Snapshot | null, key: string): string | null {
  const value = record?.[key];
  return typeof value === 'string' ? value : null;
}

/** The newest side of an entry that has a record: after, or before for a removal. */
function latest(before: unknown, after: unknown): Snapshot | null {
  if (isSnapshot(after)) return after;
  return isSnapshot(before) ? before : null;
}

/** The record's name and where it is, from the entry's own snapshots. */
export function describeRecord(
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
  placeOf: (slug: string) => Place,
): { title: string; venue: Place | null } {
  const record = latest(before, after);
  if (entity === 'session') {
    const venue = record?.['venue'];
    const slug = isSnapshot(venue) ? stringField(venue, 'slug') : null;
    return {
      title: stringField(record, 'title') ?? `session ${entityId}`,
      venue: slug === null ? null : placeOf(slug),
    };
  }
  if (entity === 'group') {
    const slug = stringField(record, 'venueSlug');
    return {
      title: stringField(record, 'name') ?? entityId,
      venue: slug === null ? null : placeOf(slug),
    };
  }
  if (entity === 'venue') {
    const name = stringField(record, 'name') ?? entityId;
    return { title: name, venue: { slug: entityId, name } };
  }
  if (entity === 'closure') {
    const venue = record?.['venue'];
    const slug = isSnapshot(venue) ? stringField(venue, 'slug') : null;
    if (slug === null) return { title: `closure ${entityId}`, venue: null };
    const place = { slug, name: (isSnapshot(venue) && stringField(venue, 'name')) || slug };
    return { title: place.name, venue: place };
  }
  if (entity === 'conversation') {
    // Titled by where it was, never by anything about the resident.
    const slug = stringField(record, 'venue');
    const place = slug === null ? null : placeOf(slug);
    return {
      title: place?.name ?? `a ${stringField(record, 'placeKind') ?? 'place'}`,
      venue: place,
    };
  }
  if (entity === 'champion-contact') return { title: 'a resident’s contact', venue: null };
  if (entity === 'user') {
    return {
      title: stringField(record, 'name') || stringField(record, 'email') || `account ${entityId}`,
      venue: null,
    };
  }
  return { title: stringField(record, 'name') ?? entityId, venue: null };
}

function exceptionsOf(record: unknown): Snapshot[] {
  if (!isSnapshot(record)) return [];
  const list = record['exceptions'];
  return Array.isArray(list) ? list.filter(isSnapshot) : [];
}

/**
 * The date a session write changed on its own (cancelled, reinstated, moved or put back): the
 * first date whose exception differs between before and after, read from the side that has it.
 */
export function describeOccurrence(
  entity: string,
  before: unknown,
  after: unknown,
  placeOf: (slug: string) => Place,
): OccurrenceDetail | null {
  if (entity !== 'session') return null;
  const was = exceptionsOf(before);
  const now = exceptionsOf(after);
  const key = (e: Snapshot) => JSON.stringify(e);
  const changed =
    now.find((e) => !was.some((b) => key(b) === key(e))) ??
    was.find((b) => !now.some((e) => key(e) === key(b)));
  const date = changed ? stringField(changed, 'date') : null;
  if (!changed || date === null) return null;
  const venue = stringField(changed, 'venueSlug');
  return {
    date,
    reason: stringField(changed, 'reason') || null,
    newDate: stringField(changed, 'newDate'),
    startTime: stringField(changed, 'startTime'),
    endTime: stringField(changed, 'endTime'),
    venue: venue === null ? null : placeOf(venue),
  };
}

/** The dates a closure or school holiday covers, its reason and how many dates it cancelled. */
export function describeSpan(entity: string, before: unknown, after: unknown): SpanDetail | null {
  if (entity !== 'closure' && entity !== 'school-holiday') return null;
  const record = latest(before, after);
  const from = stringField(record, 'from');
  const to = stringField(record, 'to');
  if (from === null || to === null) return null;
  const occurrences = record?.['occurrences'];
  return {
    from,
    to,
    reason: stringField(record, 'reason'),
    count: Array.isArray(occurrences) ? occurrences.length : null,
  };
}

/** Top-level fields whose values differ between before and after (none for a new record). */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!isSnapshot(before) || !isSnapshot(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * The kind a sentence is built from: the action, except that switching an account off or on
 * again (an update of `disabled` alone) has a kind of its own.
 */
export function kindOf(action: string, before: unknown, after: unknown): string {
  if (action === 'user.update' && isSnapshot(before) && isSnapshot(after)) {
    const changed = changedFields(before, after).filter((f) => f !== 'updatedAt');
    if (changed.length === 1 && changed[0] === 'disabled') {
      return after['disabled'] === true ? 'user.disable' : 'user.enable';
    }
  }
  return action;
}
