// One audit entry as a sentence a person can read: "Sam (Warndon Hub) cancelled Food Bank on
// Fri 4 Dec: Staff unavailable". The words live in one table of templates with named
// placeholders, so another language is another table; the code only fills them in.
import { formatShortDate, weekdayOf } from './dates.ts';
import { WEEKDAYS } from './lists.ts';

/** The parts of an audit entry (GET /api/audit) a sentence is made of. */
export interface AuditSentenceInput {
  at: string;
  kind: string;
  actor: { name: string; email: string; role: string; venues: readonly { name: string }[] } | null;
  record: { title: string; venue: { name: string } | null };
  occurrence: {
    date: string;
    reason: string | null;
    newDate: string | null;
    startTime: string | null;
    endTime: string | null;
    venue: { name: string } | null;
  } | null;
  changed: readonly string[];
  /** A closure's or school holiday's dates, reason and number of dates cancelled. */
  span?: { from: string; to: string; reason: string | null; count: number | null } | null;
}

/** The words of the audit log in one language; `{name}` marks where a value goes. */
export interface AuditMessages {
  kinds: Record<string, string>;
  /** For a kind the table does not know yet. */
  unknownKind: string;
  actorWithScope: string;
  admin: string;
  /** How a Community Champion is named (they look after no venue); the English when absent. */
  champion?: string;
  system: string;
  listSeparator: string;
  /** A moved date's new time and place, each part only when it changed. */
  movedTo: { date: string; time: string; venue: string };
  noReason: string;
  /** How many dates a closure cancelled. */
  datesCancelled: { none: string; one: string; many: string };
  /** Names of the fields an update changed; others are spelt out from their key. */
  fields: Record<string, string>;
  /** Fields that change with every write and say nothing to a reader. */
  quietFields: readonly string[];
  shortWeekdays: readonly string[];
}

export const AUDIT_MESSAGES_EN: AuditMessages = {
  kinds: {
    'session.create': '{actor} added the session {title}',
    'session.update': '{actor} changed {title} ({fields})',
    'session.archive': '{actor} archived the session {title}',
    'session.cancel-occurrence': '{actor} cancelled {title} on {date}: {reason}',
    'session.reinstate-occurrence': '{actor} put {title} back on for {date}',
    'session.change-occurrence': '{actor} moved {title} on {date} to {movedTo}',
    'session.undo-change': '{actor} put {title} on {date} back to its usual time and place',
    'session.import-add': '{actor} imported the session {title} from its group’s calendar',
    'session.import-update': '{actor} updated {title} from its group’s calendar ({fields})',
    'session.import-archive': '{actor} archived {title}: it left its group’s calendar',
    'calendar-link.create': '{actor} linked the calendar {title} to a group',
    'calendar-link.delete': '{actor} unlinked the calendar {title}',
    'group.create': '{actor} added the group {title}',
    'group.update': '{actor} changed the group {title} ({fields})',
    'group.checked': '{actor} checked the group {title} is up to date',
    'group.archive': '{actor} archived the group {title}',
    'venue.create': '{actor} added the venue {title}',
    'venue.update': '{actor} changed the venue {title} ({fields})',
    'area.create': '{actor} added the area {title}',
    'area.update': '{actor} changed the area {title} ({fields})',
    'user.create': '{actor} invited {title} to the staff area',
    'user.update': '{actor} changed the account of {title} ({fields})',
    'user.disable': '{actor} switched off the account of {title}',
    'user.enable': '{actor} switched on the account of {title} again',
    'user.reset': '{actor} made a new password link for {title}',
    'user.password': '{actor} changed their own password',
    'user.accept-invite': '{actor} joined the staff area with their invitation link',
    'user.reset-password': '{actor} chose a new password with a password link',
    'closure.create': '{actor} closed {title} from {from} to {to}: {reason} — {count}',
    'closure.undo': '{actor} undid the closure of {title} from {from} to {to}: {reason}',
    'school-holiday.create': '{actor} added school holidays {title} ({fromDay} to {toDay})',
    'school-holiday.update':
      '{actor} changed school holidays {title} ({fields}), now {fromDay} to {toDay}',
    'school-holiday.delete': '{actor} removed school holidays {title} ({fromDay} to {toDay})',
    'organisation.create': '{actor} added organisation {title}',
    'organisation.update': '{actor} changed organisation {title} ({fields})',
    'conversation.create': '{actor} logged a conversation at {title}',
    'conversation.update': '{actor} corrected a conversation at {title} ({fields})',
    'champion-contact.create': '{actor} kept a resident’s contact, given with consent',
    'champion-contact.delete': '{actor} deleted a resident’s contact on request',
    'suggestion.create': '{actor} suggested the group {title}',
    'suggestion.update': '{actor} changed their suggestion {title} ({fields})',
    'suggestion.approve': '{actor} approved the suggestion {title} as a new group',
    'suggestion.merge': '{actor} merged the suggestion {title} into a group already listed',
    'suggestion.decline': '{actor} declined the suggestion {title}',
  },
  unknownKind: '{actor}: {kind} on {title}',
  actorWithScope: '{name} ({scope})',
  admin: 'admin',
  champion: 'Community Champion',
  system: 'The system',
  listSeparator: ', ',
  movedTo: { date: '{date}', time: '{start}–{end}', venue: 'at {venue}' },
  noReason: 'no reason given',
  datesCancelled: {
    none: 'no dates cancelled',
    one: '1 date cancelled',
    many: '{count} dates cancelled',
  },
  fields: {
    title: 'title',
    name: 'name',
    venue: 'venue',
    venueSlug: 'venue',
    ways: 'ways to wellbeing',
    startDate: 'first date',
    startTime: 'start time',
    endTime: 'end time',
    repeat: 'how often',
    until: 'last date',
    count: 'number of times',
    skipBankHolidays: 'bank holidays',
    kind: 'kind',
    booking: 'booking',
    bookingInfo: 'how to book',
    cost: 'cost',
    audiences: 'who it is for',
    description: 'description',
    whatToExpect: 'what to expect',
    accessibility: 'accessibility',
    contact: 'contact',
    group: 'group',
    exceptions: 'dates',
    status: 'status',
    isHub: 'hub',
    areaSlug: 'area',
    address: 'address',
    postcode: 'postcode',
    phone: 'phone',
    role: 'role',
    venues: 'venues',
    disabled: 'switched off',
    checkedAt: 'last checked',
    from: 'first day',
    to: 'last day',
    website: 'website',
    email: 'email',
    charityNumber: 'charity number',
    minAge: 'youngest age',
    maxAge: 'oldest age',
    what: 'what happens',
    where: 'where',
    when: 'when',
    groupContact: 'contact for the group',
    hasReplyEmail: 'reply email',
  },
  quietFields: ['sequence', 'updatedAt', 'uid', 'id'],
  shortWeekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** `template` with each `{name}` replaced by its value (unknown names are left as they are). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** 'Fri 4 Dec', with the year when it is not the year of `at`. */
export function formatAuditDate(date: string, at: string, messages = AUDIT_MESSAGES_EN): string {
  const day = messages.shortWeekdays[WEEKDAYS.indexOf(weekdayOf(date))] ?? '';
  const [d = '', m = '', y = ''] = formatShortDate(date).split(' ');
  return date.slice(0, 4) === at.slice(0, 4) ? `${day} ${d} ${m}` : `${day} ${d} ${m} ${y}`;
}

/** '21 Dec', with the year when it is not the year of `at`. */
export function formatAuditDay(date: string, at: string): string {
  const [d = '', m = '', y = ''] = formatShortDate(date).split(' ');
  return date.slice(0, 4) === at.slice(0, 4) ? `${d} ${m}` : `${d} ${m} ${y}`;
}

/** '12 dates cancelled', or '' when the entry does not say how many. */
export function describeCount(count: number | null, messages = AUDIT_MESSAGES_EN): string {
  if (count === null) return '';
  const { none, one, many } = messages.datesCancelled;
  return fillTemplate(count === 0 ? none : count === 1 ? one : many, { count: String(count) });
}

/** 'Sam (Warndon Hub)', 'Jo (administrator)', 'The system'. */
export function describeActor(
  actor: AuditSentenceInput['actor'],
  messages = AUDIT_MESSAGES_EN,
): string {
  if (actor === null) return messages.system;
  const name = actor.name || actor.email;
  const scope =
    actor.role === 'admin'
      ? messages.admin
      : actor.role === 'champion'
        ? (messages.champion ?? 'Community Champion')
        : actor.venues.map((v) => v.name).join(messages.listSeparator);
  return scope === '' ? name : fillTemplate(messages.actorWithScope, { name, scope });
}

/** The changed fields in words, the noisy ones left out. */
export function describeFields(changed: readonly string[], messages = AUDIT_MESSAGES_EN): string {
  const words = changed
    .filter((f) => !messages.quietFields.includes(f))
    .map((f) => messages.fields[f] ?? f.replace(/([A-Z])/g, ' $1').toLowerCase());
  return [...new Set(words)].join(messages.listSeparator);
}

/** One audit entry as a sentence. */
export function describeAuditEntry(
  entry: AuditSentenceInput,
  messages: AuditMessages = AUDIT_MESSAGES_EN,
): string {
  const o = entry.occurrence;
  const span = entry.span ?? null;
  const movedTo =
    o === null
      ? ''
      : [
          o.newDate !== null
            ? fillTemplate(messages.movedTo.date, {
                date: formatAuditDate(o.newDate, entry.at, messages),
              })
            : '',
          o.startTime !== null && o.endTime !== null
            ? fillTemplate(messages.movedTo.time, { start: o.startTime, end: o.endTime })
            : '',
          o.venue !== null ? fillTemplate(messages.movedTo.venue, { venue: o.venue.name }) : '',
        ]
          .filter((part) => part !== '')
          .join(' ');
  const values: Record<string, string> = {
    actor: describeActor(entry.actor, messages),
    title: entry.record.title,
    kind: entry.kind,
    date: o === null ? '' : formatAuditDate(o.date, entry.at, messages),
    reason: o?.reason || messages.noReason,
    movedTo,
    fields: describeFields(entry.changed, messages),
    from: span ? formatAuditDate(span.from, entry.at, messages) : '',
    to: span ? formatAuditDate(span.to, entry.at, messages) : '',
    fromDay: span ? formatAuditDay(span.from, entry.at) : '',
    toDay: span ? formatAuditDay(span.to, entry.at) : '',
    count: describeCount(span?.count ?? null, messages),
  };
  if (span) values['reason'] = span.reason || messages.noReason;
  let template = messages.kinds[entry.kind] ?? messages.unknownKind;
  // A closure written before its count was kept: end at the reason.
  if (values['count'] === '') template = template.replace(/ — \{count\}/, '');
  // "changed Chair yoga ()" says nothing: leave the brackets out when no field is named.
  if (values['fields'] === '') template = template.replace(/ \(\{fields\}\)/, '');
  return fillTemplate(template, values);
}
