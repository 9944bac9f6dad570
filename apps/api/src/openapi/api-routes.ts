// Every route the app mounts, described for the OpenAPI document (build-openapi.ts): the zod
// schemas here are the ones the routes validate with and the shared contract's answers, so the
// document cannot drift from the code.
import {
  AreaListSchema,
  AreaSchema,
  AuditListSchema,
  CalendarLinkInputSchema,
  CalendarLinkListSchema,
  CalendarLinkSchema,
  CancellationInputSchema,
  ChampionContactListSchema,
  ClosureInputSchema,
  ClosureListSchema,
  ClosurePreviewQuerySchema,
  ClosurePreviewSchema,
  ClosureSchema,
  ConversationInputSchema,
  ConversationPatchSchema,
  ConversationSchema,
  GroupListSchema,
  GroupSchema,
  InsightsSchema,
  ImportPreviewSchema,
  ImportRunListSchema,
  ImportRunSchema,
  KioskReachBatchSchema,
  InviteAcceptInputSchema,
  InviteLinkSchema,
  InviteOwnerSchema,
  LocalDateSchema,
  LoginInputSchema,
  MeSchema,
  MetaSchema,
  MyConversationsSchema,
  OccurrenceChangeInputSchema,
  OccurrenceListSchema,
  OccurrenceQuerySchema,
  OrganisationListSchema,
  OrganisationSchema,
  PrintKindSchema,
  PrintQuerySchema,
  PrintSheetSchema,
  PasswordChangeInputSchema,
  RecentChangesSchema,
  SchoolHolidayInputSchema,
  SchoolHolidayListSchema,
  SchoolHolidaySchema,
  SessionInputSchema,
  SessionListSchema,
  SessionPatchSchema,
  SessionSchema,
  SlugSchema,
  UserInputSchema,
  UserListSchema,
  UserPatchSchema,
  UserSchema,
  VenueListSchema,
  VenueSchema,
  WayListSchema,
} from '@fiveways/shared';
import { z } from 'zod';
import { AreaCreateSchema, AreaPatchSchema } from '../areas/areas.routes.ts';
import { AuditQuerySchema } from '../audit/audit.routes.ts';
import { FeedQuerySchema } from '../feeds/feeds.routes.ts';
import { GroupCreateSchema, GroupPatchSchema, GroupQuerySchema } from '../groups/groups.routes.ts';
import { IdParamSchema } from '../http/params.ts';
import { InsightsFileParamSchema, InsightsQuerySchema } from '../insights/insights.routes.ts';
import { ImportRunQuerySchema } from '../imports/imports.routes.ts';
import {
  OrganisationCreateSchema,
  OrganisationPatchSchema,
} from '../organisations/organisations.routes.ts';
import { ORUK_OPENAPI_URL } from '../openreferral/openreferral.routes.ts';
import { SessionQuerySchema } from '../sessions/sessions.routes.ts';
import { SUGGESTION_ROUTES } from '../suggestions/suggestion-api-routes.ts';
import { VenueCreateSchema, VenuePatchSchema, VenueQuerySchema } from '../venues/venues.routes.ts';

/**
 * Who may call a route: anyone; any logged-in account, Community Champions included; the
 * directory's staff (venue staff and admins, never a Champion); an admin.
 */
export type Access = 'public' | 'account' | 'staff' | 'admin';

export type Method = 'get' | 'post' | 'patch' | 'delete';

/** A named schema: its name is its key under components/schemas. */
export interface Named {
  name: string;
  schema: z.ZodType;
}

export interface RouteAnswer {
  status: number;
  description: string;
  /** JSON answers name their schema... */
  json?: Named;
  /** ...and any other media types the route may answer with are listed. */
  media?: readonly string[];
}

export interface RouteDoc {
  method: Method;
  /** The OpenAPI path: Hono's `:name` written `{name}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Where the full description lives, when another document has it. */
  externalDocs?: { url: string; description: string };
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: Named;
  answer: RouteAnswer;
  /** One request that works on the sample data; the test checks it against the schemas. */
  example?: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
}

const named = (name: string, schema: z.ZodType): Named => ({ name, schema });

const SlugParamSchema = z.object({ slug: SlugSchema });
const SessionDateParamSchema = IdParamSchema.extend({ date: LocalDateSchema });
const TokenParamSchema = z.object({
  token: z.string().describe('The token from a one-time invite or reset link'),
});
const FeedFileParamSchema = z.object({
  file: z
    .string()
    .regex(/^[^/]+\.ics$/)
    .describe('The slug (or session id) followed by .ics'),
});
const PrintFileParamSchema = z.object({
  kind: PrintKindSchema,
  file: z
    .string()
    .regex(/^[a-z0-9-]+\.(pdf|json)$/)
    .describe('The slug followed by .pdf or .json'),
});
const OrukIdParamSchema = z.object({ id: z.uuid() });
const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']) });
const UncheckedGroupsSchema = z.object({
  items: z.array(GroupSchema),
  total: z.number().int(),
  checkedBefore: z.string(),
});
const DirectorySchema = z
  .record(z.string(), z.unknown())
  .describe('The whole directory: areas, organisations, venues, groups and sessions');
const OrukAnswerSchema = z
  .record(z.string(), z.unknown())
  .describe('An Open Referral UK 3.0 answer: see the ORUK OpenAPI document for its shape');

const ORUK_DOCS = {
  url: ORUK_OPENAPI_URL,
  description: 'The Open Referral UK 3.0 OpenAPI document: parameters and answer shapes',
};

const GROUP = named('Group', GroupSchema);
const CALENDAR_LINK_INPUT = named('CalendarLinkInput', CalendarLinkInputSchema);
const CALENDAR_LINK_EXAMPLE = {
  url: 'webcal://calendar.example.org/time-to-talk.ics',
  venue: null,
};
const SESSION = named('Session', SessionSchema);
const VENUE = named('Venue', VenueSchema);
const AREA = named('Area', AreaSchema);
const ORGANISATION = named('Organisation', OrganisationSchema);
const CLOSURE = named('Closure', ClosureSchema);
const SCHOOL_HOLIDAY = named('SchoolHoliday', SchoolHolidaySchema);
const HEALTH = named('Health', HealthSchema);
const ORUK = named('OrukAnswer', OrukAnswerSchema);

const ok = (json: Named, description = 'OK'): RouteAnswer => ({ status: 200, description, json });
const created = (json: Named): RouteAnswer => ({ status: 201, description: 'Created', json });
const noContent: RouteAnswer = { status: 204, description: 'Done; nothing to return' };
const calendar: RouteAnswer = {
  status: 200,
  description: 'An iCalendar (RFC 5545) feed',
  media: ['text/calendar'],
};
const csv: RouteAnswer = { status: 200, description: 'A CSV download', media: ['text/csv'] };

const GROUP_EXAMPLE = {
  slug: 'knit-and-natter',
  name: 'Knit and Natter',
  description: 'Bring your knitting or learn from scratch over a cup of tea.',
  ways: ['connect', 'keep-learning'],
  areaSlugs: ['gorse-hill'],
  audiences: ['adults'],
  cost: { free: true, text: 'Free' },
  contact: { name: 'Ann', email: 'ann@example.org' },
  venueSlug: 'gorse-hill-community-centre',
};
const SESSION_EXAMPLE = {
  title: 'Knit and Natter',
  venue: 'gorse-hill-community-centre',
  ways: ['connect'],
  startDate: '2027-01-04',
  startTime: '10:00',
  endTime: '11:30',
  repeat: { every: 'week', interval: 1, days: ['mon'] },
  kind: 'drop-in',
  booking: 'drop-in',
  cost: { free: true, text: 'Free' },
  audiences: ['adults'],
  description: 'Bring your knitting or learn from scratch.',
  group: 'time-to-talk',
};
const VENUE_EXAMPLE = {
  slug: 'lyppard-hub',
  name: 'The Lyppard Hub',
  areaSlug: 'warndon-villages',
  address: 'Ankerage Green, Worcester',
  postcode: 'WR4 0DZ',
};

export const API_ROUTES: readonly RouteDoc[] = [
  // Health and the service's own description.
  {
    method: 'get',
    path: '/api/health',
    tag: 'Service',
    summary: 'Is the server up',
    access: 'public',
    answer: ok(HEALTH),
    example: {},
  },
  {
    method: 'get',
    path: '/api/health/ready',
    tag: 'Service',
    summary: 'Is the database answering (503 when not)',
    access: 'public',
    answer: ok(HEALTH),
    example: {},
  },
  {
    method: 'get',
    path: '/api/meta',
    tag: 'Service',
    summary: 'When the directory last changed, and the service’s settings',
    access: 'public',
    answer: ok(named('Meta', MetaSchema)),
    example: {},
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Service',
    summary: 'This description of the API (OpenAPI 3.1)',
    access: 'public',
    answer: { status: 200, description: 'An OpenAPI 3.1 document', media: ['application/json'] },
    example: {},
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'Service',
    summary: 'A reference page for this API, drawn from /api/openapi.json',
    access: 'public',
    answer: { status: 200, description: 'An HTML page', media: ['text/html'] },
    example: {},
  },
  {
    method: 'get',
    path: '/api/docs/{file}',
    tag: 'Service',
    summary: 'The reference page’s script and style files',
    access: 'public',
    params: z.object({ file: z.enum(['swagger-ui.css', 'swagger-ui-bundle.js', 'start.js']) }),
    answer: {
      status: 200,
      description: 'A script or style sheet',
      media: ['text/javascript', 'text/css'],
    },
    example: { params: { file: 'start.js' } },
  },
  {
    method: 'get',
    path: '/api/ways',
    tag: 'Directory',
    summary: 'The five ways to wellbeing',
    access: 'public',
    answer: ok(named('WayList', WayListSchema)),
    example: {},
  },
  {
    method: 'get',
    path: '/api/occurrences',
    tag: 'Directory',
    summary: 'Every occurrence between two dates (at most 93 days apart), filtered',
    access: 'public',
    query: OccurrenceQuerySchema,
    answer: ok(named('OccurrenceList', OccurrenceListSchema)),
    example: { query: { from: '2026-11-23', to: '2026-11-29', way: 'connect' } },
  },
  // Areas.
  {
    method: 'get',
    path: '/api/areas',
    tag: 'Directory',
    summary: 'The areas of the city',
    access: 'public',
    answer: ok(named('AreaList', AreaListSchema)),
    example: {},
  },
  {
    method: 'post',
    path: '/api/areas',
    tag: 'Directory',
    summary: 'Add an area',
    access: 'admin',
    body: named('AreaCreate', AreaCreateSchema),
    answer: created(AREA),
    example: { body: { slug: 'northwick', name: 'Northwick' } },
  },
  {
    method: 'patch',
    path: '/api/areas/{slug}',
    tag: 'Directory',
    summary: 'Change an area (any subset of its fields)',
    access: 'admin',
    params: SlugParamSchema,
    body: named('AreaPatch', AreaPatchSchema),
    answer: ok(AREA),
    example: { params: { slug: 'gorse-hill' }, body: { name: 'Gorse Hill' } },
  },
  // Venues.
  {
    method: 'get',
    path: '/api/venues',
    tag: 'Directory',
    summary: 'The venues, optionally in one area',
    access: 'public',
    query: VenueQuerySchema,
    answer: ok(named('VenueList', VenueListSchema)),
    example: { query: { area: 'gorse-hill' } },
  },
  {
    method: 'get',
    path: '/api/venues/{slug}',
    tag: 'Directory',
    summary: 'One venue',
    access: 'public',
    params: SlugParamSchema,
    answer: ok(VENUE),
    example: { params: { slug: 'gorse-hill-community-centre' } },
  },
  {
    method: 'post',
    path: '/api/venues',
    tag: 'Directory',
    summary: 'Add a venue',
    access: 'admin',
    body: named('VenueCreate', VenueCreateSchema),
    answer: created(VENUE),
    example: { body: VENUE_EXAMPLE },
  },
  {
    method: 'patch',
    path: '/api/venues/{slug}',
    tag: 'Directory',
    summary: 'Change a venue (any subset of its fields)',
    access: 'admin',
    params: SlugParamSchema,
    body: named('VenuePatch', VenuePatchSchema),
    answer: ok(VENUE),
    example: { params: { slug: 'gorse-hill-community-centre' }, body: { phone: '01632 960102' } },
  },
  // Organisations.
  {
    method: 'get',
    path: '/api/organisations',
    tag: 'Directory',
    summary: 'The organisations that run groups',
    access: 'public',
    answer: ok(named('OrganisationList', OrganisationListSchema)),
    example: {},
  },
  {
    method: 'get',
    path: '/api/organisations/{id}',
    tag: 'Directory',
    summary: 'One organisation',
    access: 'public',
    params: IdParamSchema,
    answer: ok(ORGANISATION),
    example: { params: { id: '1' } },
  },
  {
    method: 'post',
    path: '/api/organisations',
    tag: 'Directory',
    summary: 'Add an organisation',
    access: 'admin',
    body: named('OrganisationCreate', OrganisationCreateSchema),
    answer: created(ORGANISATION),
    example: {
      body: {
        name: 'Warndon Gardeners',
        description: 'Residents who grow food together.',
        website: 'https://example.org/warndon-gardeners',
        email: 'gardeners@example.org',
        charityNumber: '1100009',
      },
    },
  },
  {
    method: 'patch',
    path: '/api/organisations/{id}',
    tag: 'Directory',
    summary: 'Change an organisation (any subset of its fields)',
    access: 'admin',
    params: IdParamSchema,
    body: named('OrganisationPatch', OrganisationPatchSchema),
    answer: ok(ORGANISATION),
    example: { params: { id: '1' }, body: { website: 'https://example.org/new' } },
  },
  // Groups.
  {
    method: 'get',
    path: '/api/groups',
    tag: 'Directory',
    summary: 'The groups, filtered and paged',
    access: 'public',
    query: GroupQuerySchema,
    answer: ok(named('GroupList', GroupListSchema)),
    example: { query: { way: 'connect', free: 'true', limit: '10' } },
  },
  {
    method: 'get',
    path: '/api/groups/{slug}',
    tag: 'Directory',
    summary: 'One group',
    access: 'public',
    params: SlugParamSchema,
    answer: ok(GROUP),
    example: { params: { slug: 'time-to-talk' } },
  },
  {
    method: 'post',
    path: '/api/groups',
    tag: 'Directory',
    summary: 'Add a group',
    access: 'staff',
    body: named('GroupCreate', GroupCreateSchema),
    answer: created(GROUP),
    example: { body: GROUP_EXAMPLE },
  },
  {
    method: 'patch',
    path: '/api/groups/{slug}',
    tag: 'Directory',
    summary: 'Change a group (any subset of its fields)',
    access: 'staff',
    params: SlugParamSchema,
    body: named('GroupPatch', GroupPatchSchema),
    answer: ok(GROUP),
    example: { params: { slug: 'time-to-talk' }, body: { languages: ['en', 'pl'] } },
  },
  {
    method: 'post',
    path: '/api/groups/{slug}/checked',
    tag: 'Directory',
    summary: 'Record that a group’s details were checked today',
    access: 'staff',
    params: SlugParamSchema,
    answer: ok(GROUP),
    example: { params: { slug: 'time-to-talk' } },
  },
  {
    method: 'delete',
    path: '/api/groups/{slug}',
    tag: 'Directory',
    summary: 'Remove a group',
    access: 'staff',
    params: SlugParamSchema,
    answer: noContent,
    example: { params: { slug: 'time-to-talk' } },
  },
  {
    method: 'get',
    path: '/api/staff/groups/unchecked',
    tag: 'Staff',
    summary: 'The groups the caller looks after whose details are due a check',
    access: 'staff',
    answer: ok(named('UncheckedGroups', UncheckedGroupsSchema)),
  },
  // Groups' own calendars.
  {
    method: 'get',
    path: '/api/groups/{slug}/calendars',
    tag: 'Staff',
    summary: 'The calendars linked to a group, with how their imports are going',
    access: 'staff',
    params: SlugParamSchema,
    answer: ok(named('CalendarLinkList', CalendarLinkListSchema)),
    example: { params: { slug: 'time-to-talk' } },
  },
  {
    method: 'post',
    path: '/api/groups/{slug}/calendars/preview',
    tag: 'Staff',
    summary: 'What importing a calendar would add, skip and expand; nothing is written',
    access: 'staff',
    params: SlugParamSchema,
    body: CALENDAR_LINK_INPUT,
    answer: ok(named('ImportPreview', ImportPreviewSchema)),
    example: { params: { slug: 'time-to-talk' }, body: CALENDAR_LINK_EXAMPLE },
  },
  {
    method: 'post',
    path: '/api/groups/{slug}/calendars',
    tag: 'Staff',
    summary: 'Link a group’s own calendar (https:// or webcal://) to import it on a timer',
    access: 'staff',
    params: SlugParamSchema,
    body: CALENDAR_LINK_INPUT,
    answer: created(named('CalendarLink', CalendarLinkSchema)),
    example: { params: { slug: 'time-to-talk' }, body: CALENDAR_LINK_EXAMPLE },
  },
  {
    method: 'post',
    path: '/api/calendars/{id}/import',
    tag: 'Staff',
    summary: 'Import a linked calendar now; answers the run with its report',
    access: 'staff',
    params: IdParamSchema,
    answer: ok(named('ImportRun', ImportRunSchema)),
    example: { params: { id: '1' } },
  },
  {
    method: 'get',
    path: '/api/calendars/{id}/runs',
    tag: 'Staff',
    summary: 'A linked calendar’s imports, newest first, each with its report',
    access: 'staff',
    params: IdParamSchema,
    query: ImportRunQuerySchema,
    answer: ok(named('ImportRunList', ImportRunListSchema)),
    example: { params: { id: '1' }, query: { limit: '5' } },
  },
  {
    method: 'delete',
    path: '/api/calendars/{id}',
    tag: 'Staff',
    summary: 'Unlink a calendar; its sessions stay, as ordinary ones',
    access: 'staff',
    params: IdParamSchema,
    answer: noContent,
    example: { params: { id: '1' } },
  },
  {
    method: 'get',
    path: '/api/staff/calendars',
    tag: 'Staff',
    summary: 'The linked calendars the caller looks after, with any warning',
    access: 'staff',
    answer: ok(named('CalendarLinkList', CalendarLinkListSchema)),
  },
  // Sessions.
  {
    method: 'get',
    path: '/api/sessions',
    tag: 'Directory',
    summary: 'The sessions, filtered and paged',
    access: 'public',
    query: SessionQuerySchema,
    answer: ok(named('SessionList', SessionListSchema)),
    example: { query: { venue: 'gorse-hill-community-centre', limit: '5' } },
  },
  {
    method: 'get',
    path: '/api/sessions/{id}',
    tag: 'Directory',
    summary: 'One session',
    access: 'public',
    params: IdParamSchema,
    answer: ok(SESSION),
    example: { params: { id: '1' } },
  },
  {
    method: 'post',
    path: '/api/sessions',
    tag: 'Directory',
    summary: 'Add a session',
    access: 'staff',
    body: named('SessionInput', SessionInputSchema),
    answer: created(SESSION),
    example: { body: SESSION_EXAMPLE },
  },
  {
    method: 'patch',
    path: '/api/sessions/{id}',
    tag: 'Directory',
    summary: 'Change a session (any subset of its fields)',
    access: 'staff',
    params: IdParamSchema,
    body: named('SessionPatch', SessionPatchSchema),
    answer: ok(SESSION),
    example: { params: { id: '1' }, body: { endTime: '12:30' } },
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}',
    tag: 'Directory',
    summary: 'Archive a session',
    access: 'staff',
    params: IdParamSchema,
    answer: noContent,
    example: { params: { id: '1' } },
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/cancellations',
    tag: 'Directory',
    summary: 'Cancel one date of a session',
    access: 'staff',
    params: IdParamSchema,
    body: named('CancellationInput', CancellationInputSchema),
    answer: created(SESSION),
    example: { params: { id: '1' }, body: { date: '2026-12-02', reason: 'Hall flooded' } },
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/changes',
    tag: 'Directory',
    summary: 'Move or retime one date of a session',
    access: 'staff',
    params: IdParamSchema,
    body: named('OccurrenceChangeInput', OccurrenceChangeInputSchema),
    answer: created(SESSION),
    example: {
      params: { id: '1' },
      body: { date: '2026-12-02', startTime: '11:00', endTime: '13:00', reason: 'Later start' },
    },
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}/cancellations/{date}',
    tag: 'Directory',
    summary: 'Undo the cancellation of one date',
    access: 'staff',
    params: SessionDateParamSchema,
    answer: ok(SESSION),
    example: { params: { id: '1', date: '2026-12-02' } },
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}/changes/{date}',
    tag: 'Directory',
    summary: 'Undo the change to one date',
    access: 'staff',
    params: SessionDateParamSchema,
    answer: ok(SESSION),
    example: { params: { id: '1', date: '2026-12-02' } },
  },
  // Accounts and logging in.
  {
    method: 'get',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'Every staff account',
    access: 'admin',
    answer: ok(named('UserList', UserListSchema)),
  },
  {
    method: 'post',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'Create an account; the answer holds its one-time invite link',
    access: 'admin',
    body: named('UserInput', UserInputSchema),
    answer: created(named('InviteLink', InviteLinkSchema)),
    example: {
      body: { email: 'bea@example.org', name: 'Bea', venues: ['gorse-hill-community-centre'] },
    },
  },
  {
    method: 'patch',
    path: '/api/users/{id}',
    tag: 'Accounts',
    summary: 'Change an account (any subset of its fields)',
    access: 'admin',
    params: IdParamSchema,
    body: named('UserPatch', UserPatchSchema),
    answer: ok(named('User', UserSchema)),
    example: { params: { id: '2' }, body: { disabled: true } },
  },
  {
    method: 'post',
    path: '/api/users/{id}/reset',
    tag: 'Accounts',
    summary: 'Make a one-time password reset link for an account',
    access: 'admin',
    params: IdParamSchema,
    answer: ok(named('InviteLink', InviteLinkSchema)),
    example: { params: { id: '2' } },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'Accounts',
    summary: 'Log in: sets the session cookie',
    access: 'public',
    body: named('LoginInput', LoginInputSchema),
    answer: noContent,
    example: { body: { email: 'ann@example.org', password: 'correct horse battery staple' } },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Accounts',
    summary: 'Log out: ends the session',
    access: 'public',
    answer: noContent,
  },
  {
    method: 'get',
    path: '/api/auth/me',
    tag: 'Accounts',
    summary: 'Who is logged in',
    access: 'account',
    answer: ok(named('Me', MeSchema)),
  },
  {
    method: 'post',
    path: '/api/auth/password',
    tag: 'Accounts',
    summary: 'Change one’s own password',
    access: 'account',
    body: named('PasswordChangeInput', PasswordChangeInputSchema),
    answer: noContent,
    example: {
      body: { currentPassword: 'correct horse battery staple', newPassword: 'a longer passphrase' },
    },
  },
  {
    method: 'get',
    path: '/api/auth/invite/{token}',
    tag: 'Accounts',
    summary: 'Whose invite or reset link this is',
    access: 'public',
    params: TokenParamSchema,
    answer: ok(named('InviteOwner', InviteOwnerSchema)),
  },
  {
    method: 'post',
    path: '/api/auth/invite/{token}',
    tag: 'Accounts',
    summary: 'Choose a password through an invite or reset link (logs in)',
    access: 'public',
    params: TokenParamSchema,
    body: named('InviteAcceptInput', InviteAcceptInputSchema),
    answer: noContent,
    example: { params: { token: 'abc123' }, body: { password: 'a longer passphrase' } },
  },
  // A Community Champion's conversations, and the contacts residents give with consent.
  {
    method: 'get',
    path: '/api/conversations/today',
    tag: 'Conversations',
    summary: 'My conversations today, with the day’s tally',
    access: 'account',
    answer: ok(named('MyConversations', MyConversationsSchema)),
  },
  {
    method: 'post',
    path: '/api/conversations',
    tag: 'Conversations',
    summary: 'Log a conversation (and, only with the resident’s explicit consent, their contact)',
    description:
      'Counts and choices only. A contact is kept apart from the conversation, only admins read it, and it is never in an export, feed or open data.',
    access: 'account',
    body: named('ConversationInput', ConversationInputSchema),
    answer: created(named('Conversation', ConversationSchema)),
    example: {
      body: {
        placeKind: 'clinic',
        venue: 'gorse-hill-community-centre',
        ways: ['connect', 'be-active'],
        promoted: [{ kind: 'group', key: 'gorse-hill-walking-group' }],
        tookHome: 1,
        interests: { volunteering: true, champion: false, panel: false },
      },
    },
  },
  {
    method: 'patch',
    path: '/api/conversations/{id}',
    tag: 'Conversations',
    summary: 'Correct one of my own conversations, on the day it was logged',
    access: 'account',
    params: IdParamSchema,
    body: named('ConversationPatch', ConversationPatchSchema),
    answer: ok(named('Conversation', ConversationSchema)),
    example: { params: { id: '1' }, body: { tookHome: 2 } },
  },
  {
    method: 'get',
    path: '/api/champion-contacts',
    tag: 'Conversations',
    summary: 'Contacts residents gave with consent (admins only)',
    access: 'admin',
    answer: ok(named('ChampionContactList', ChampionContactListSchema)),
  },
  {
    method: 'delete',
    path: '/api/champion-contacts/{id}',
    tag: 'Conversations',
    summary: 'Delete a resident’s contact on their request (the audit log keeps no personal data)',
    access: 'admin',
    params: IdParamSchema,
    answer: noContent,
    example: { params: { id: '1' } },
  },
  // Staff tools.
  {
    method: 'get',
    path: '/api/audit',
    tag: 'Staff',
    summary: 'The audit log, newest first (format=csv for a download)',
    access: 'admin',
    query: AuditQuerySchema,
    answer: { ...ok(named('AuditList', AuditListSchema)), media: ['text/csv'] },
    example: { query: { limit: '20' } },
  },
  {
    method: 'get',
    path: '/api/insights',
    tag: 'Staff',
    summary: 'Reach counts and findings for a range (counts under 5 come as ranges, never numbers)',
    access: 'staff',
    query: InsightsQuerySchema,
    answer: ok(named('Insights', InsightsSchema)),
    example: { query: { from: '2026-11-01', to: '2026-11-30', per: 'week' } },
  },
  {
    method: 'get',
    path: '/api/insights/{file}',
    tag: 'Staff',
    summary: 'One insights table as a CSV download (the same range and rule as /api/insights)',
    access: 'staff',
    params: InsightsFileParamSchema,
    query: InsightsQuerySchema,
    answer: csv,
    example: {
      params: { file: 'zero-results.csv' },
      query: { from: '2026-11-01', to: '2026-11-30' },
    },
  },
  {
    method: 'get',
    path: '/api/recent-changes',
    tag: 'Staff',
    summary: 'What changed in the directory lately, for the staff home page',
    access: 'staff',
    answer: ok(named('RecentChanges', RecentChangesSchema)),
  },
  {
    method: 'get',
    path: '/api/closures',
    tag: 'Staff',
    summary: 'Venue closures',
    access: 'staff',
    answer: ok(named('ClosureList', ClosureListSchema)),
  },
  {
    method: 'get',
    path: '/api/closures/preview',
    tag: 'Staff',
    summary: 'What closing a venue for some days would cancel',
    access: 'staff',
    query: ClosurePreviewQuerySchema,
    answer: ok(named('ClosurePreview', ClosurePreviewSchema)),
    example: {
      query: { venue: 'gorse-hill-community-centre', from: '2026-12-24', to: '2026-12-27' },
    },
  },
  {
    method: 'get',
    path: '/api/closures/{id}',
    tag: 'Staff',
    summary: 'One closure',
    access: 'staff',
    params: IdParamSchema,
    answer: ok(CLOSURE),
    example: { params: { id: '1' } },
  },
  {
    method: 'post',
    path: '/api/closures',
    tag: 'Staff',
    summary: 'Close a venue for some days, cancelling its sessions then',
    access: 'staff',
    body: named('ClosureInput', ClosureInputSchema),
    answer: created(CLOSURE),
    example: {
      body: {
        venue: 'gorse-hill-community-centre',
        from: '2026-12-24',
        to: '2026-12-27',
        reason: 'Closed over Christmas',
      },
    },
  },
  {
    method: 'post',
    path: '/api/closures/{id}/undo',
    tag: 'Staff',
    summary: 'Reopen: undo a closure’s cancellations',
    access: 'staff',
    params: IdParamSchema,
    answer: ok(CLOSURE),
    example: { params: { id: '1' } },
  },
  {
    method: 'get',
    path: '/api/school-holidays',
    tag: 'Directory',
    summary: 'The school holidays sessions may skip',
    access: 'public',
    answer: ok(named('SchoolHolidayList', SchoolHolidayListSchema)),
    example: {},
  },
  {
    method: 'post',
    path: '/api/school-holidays',
    tag: 'Staff',
    summary: 'Add a school holiday',
    access: 'admin',
    body: named('SchoolHolidayInput', SchoolHolidayInputSchema),
    answer: created(SCHOOL_HOLIDAY),
    example: { body: { name: 'May half-term 2027', from: '2027-05-31', to: '2027-06-04' } },
  },
  {
    method: 'patch',
    path: '/api/school-holidays/{id}',
    tag: 'Staff',
    summary: 'Change a school holiday',
    access: 'admin',
    params: IdParamSchema,
    body: named('SchoolHolidayInput', SchoolHolidayInputSchema),
    answer: ok(SCHOOL_HOLIDAY),
    example: {
      params: { id: '1' },
      body: { name: 'May half-term 2027', from: '2027-05-31', to: '2027-06-04' },
    },
  },
  {
    method: 'delete',
    path: '/api/school-holidays/{id}',
    tag: 'Staff',
    summary: 'Remove a school holiday',
    access: 'admin',
    params: IdParamSchema,
    answer: noContent,
    example: { params: { id: '1' } },
  },
  // Reach counts.
  {
    method: 'get',
    path: '/api/reach/retention',
    tag: 'Service',
    summary: 'How many months daily reach counts are kept before they are deleted',
    access: 'public',
    answer: ok(named('ReachRetention', z.object({ months: z.number().int() }))),
    example: {},
  },
  {
    method: 'post',
    path: '/api/reach/kiosk',
    tag: 'Service',
    summary:
      "A kiosk's counts per day: visits, ways tapped, filters, sessions opened, searches that found nothing",
    description:
      'Counts only, by London day and home venue; nothing that names a person or a device. Only ' +
      'known events, ways, venues and areas are taken; a batch is small, and an address may send ' +
      'only a few in ten minutes (429 with Retry-After beyond). docs/PRIVACY.md says what is kept.',
    access: 'public',
    body: named('KioskReachBatch', KioskReachBatchSchema),
    answer: noContent,
    example: {
      body: {
        venue: '',
        days: [
          {
            day: '2026-11-23',
            counts: [
              { event: 'visit', detail: '', count: 4 },
              { event: 'way', detail: 'be-active', count: 2 },
              { event: 'zero-results', detail: 'way=give;day=today;area=;audience=', count: 1 },
            ],
          },
        ],
      },
    },
  },
  ...SUGGESTION_ROUTES,
  // Exports and feeds.
  {
    method: 'get',
    path: '/api/exports/groups.csv',
    tag: 'Open data',
    summary: 'Every group as CSV, one row a group',
    access: 'public',
    answer: csv,
    example: {},
  },
  {
    method: 'get',
    path: '/api/exports/sessions.csv',
    tag: 'Open data',
    summary: 'Every session as CSV, one row a session with its rule in plain English',
    access: 'public',
    answer: csv,
    example: {},
  },
  {
    method: 'get',
    path: '/api/exports/directory.json',
    tag: 'Open data',
    summary: 'The whole directory as one JSON download',
    access: 'public',
    answer: ok(named('Directory', DirectorySchema)),
    example: {},
  },
  // The print kit: posters, flyers and week sheets, as PDF or as the words the print view draws.
  {
    method: 'get',
    path: '/api/print/{kind}/{file}',
    tag: 'Print',
    summary: 'A poster (A4, A3), flyer (A5) or this-week sheet as PDF, or its words as JSON',
    description:
      'file is the key followed by .pdf or .json: a way, venue, area or group slug, or for week a ' +
      'venue slug. The QR code carries the short address with its source (p poster, f flyer, s sheet).',
    access: 'public',
    params: PrintFileParamSchema,
    query: PrintQuerySchema,
    answer: { ...ok(named('PrintSheet', PrintSheetSchema)), media: ['application/pdf'] },
    example: { params: { kind: 'ways', file: 'connect.json' }, query: { size: 'a5' } },
  },
  {
    method: 'get',
    path: '/feeds/all.ics',
    tag: 'Calendar feeds',
    summary: 'Every session as one calendar, optionally filtered',
    access: 'public',
    query: FeedQuerySchema,
    answer: calendar,
    example: { query: { way: 'connect' } },
  },
  ...(
    [
      ['ways', 'One way to wellbeing’s sessions', 'connect.ics'],
      ['venues', 'One venue’s sessions', 'gorse-hill-community-centre.ics'],
      ['areas', 'One area’s sessions', 'gorse-hill.ics'],
      ['groups', 'One group’s sessions', 'time-to-talk.ics'],
      ['sessions', 'One session’s dates', '1.ics'],
    ] as const
  ).map(([kind, summary, file]): RouteDoc => ({
    method: 'get',
    path: `/feeds/${kind}/{file}`,
    tag: 'Calendar feeds',
    summary: `${summary} as a calendar`,
    access: 'public',
    params: FeedFileParamSchema,
    answer: calendar,
    example: { params: { file } },
  })),
  // Open Referral UK 3.0: the answers' shapes are the official ORUK schemas.
  {
    method: 'get',
    path: '/openreferral/',
    tag: 'Open Referral UK',
    summary: 'Which ORUK version and profile this is, and where its OpenAPI document is',
    externalDocs: ORUK_DOCS,
    access: 'public',
    answer: ok(ORUK),
    example: {},
  },
  ...(
    [
      ['services', 'Services (groups and hub sessions), filtered and paged'],
      ['service_at_locations', 'Where each service happens'],
      ['organizations', 'The organisations'],
      ['taxonomies', 'The taxonomies (the five ways)'],
      ['taxonomy_terms', 'The taxonomy terms'],
    ] as const
  ).flatMap(([entity, summary]): RouteDoc[] => [
    {
      method: 'get',
      path: `/openreferral/${entity}`,
      tag: 'Open Referral UK',
      summary,
      description: 'Takes the query parameters of the ORUK 3.0 OpenAPI document.',
      externalDocs: ORUK_DOCS,
      access: 'public',
      answer: ok(ORUK),
      example: {},
    },
    {
      method: 'get',
      path: `/openreferral/${entity}/{id}`,
      tag: 'Open Referral UK',
      summary: `One of ${entity}, fully nested`,
      externalDocs: ORUK_DOCS,
      access: 'public',
      params: OrukIdParamSchema,
      answer: ok(ORUK),
    },
  ]),
];
