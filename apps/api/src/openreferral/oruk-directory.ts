// The directory as Open Referral UK 3.0 records: built once per version of the data (and per
// London day, since schedules start from today), then every /openreferral answer is cut from it.
// Optional fields are left out rather than sent as null or empty; every id is a stable UUID
// (oruk-ids.ts).
import {
  isEmailAddress,
  isWebAddress,
  londonDateOf,
  WAYS,
  type Area,
  type Group,
  type Organisation,
  type Session,
  type Venue,
} from '@fiveways/shared';
import { listAreas } from '../areas/areas.queries.ts';
import type { Db } from '../db/open-db.ts';
import { listGroups } from '../groups/groups.queries.ts';
import { hubOrganisationId, listOrganisations } from '../organisations/organisations.queries.ts';
import { listSessions } from '../sessions/sessions.queries.ts';
import { listVenues } from '../venues/venues.queries.ts';
import { orukId } from './oruk-ids.ts';
import { sessionSchedules, type OrukSchedule } from './oruk-schedules.ts';

/** How far ahead repeating sessions' schedules are published. */
export const SCHEDULE_HORIZON_DAYS = 366;

export type Json = Record<string, unknown>;

export interface OrukTaxonomyTerm {
  id: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  term: string;
}

export interface OrukOrganization {
  id: string;
  name: string;
  description: string;
  email?: string | undefined;
  website?: string | undefined;
  organization_identifiers?: Json[] | undefined;
}

/** A service with what the list filters need. */
export interface BuiltService {
  id: string;
  /** service.json: fully nested. */
  full: Json;
  /** service_list.json's item: one-to-one fields and the organisation. */
  brief: Json;
  organizationId: string;
  termIds: ReadonlySet<string>;
  lastModified: string;
  /** Lower-cased name and description, for `text`. */
  searchText: string;
  /** The venues it is held at. */
  venues: readonly Venue[];
}

export interface BuiltServiceAtLocation {
  id: string;
  full: Json;
  brief: Json;
  service: BuiltService;
  venue: Venue;
}

export interface OrukDirectory {
  /** About what the records hold in memory, for the read cache's budget. */
  approxBytes: number;
  taxonomy: Json;
  terms: OrukTaxonomyTerm[];
  organizations: OrukOrganization[];
  services: BuiltService[];
  serviceAtLocations: BuiltServiceAtLocation[];
}

export const TAXONOMY_ID = orukId('taxonomy', 'five-ways');
const TAXONOMY_NAME = 'Five Ways to Wellbeing';

/** Only what a JSON Schema "uri" takes: an http(s) address, written as the URL parser writes it. */
function publishedUrl(value: string): string | undefined {
  return isWebAddress(value) ? new URL(value).href : undefined;
}

function publishedEmail(value: string): string | undefined {
  return isEmailAddress(value) ? value : undefined;
}

/** The object without the keys whose value is undefined: optional fields are left out. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function latest(...stamps: string[]): string {
  return stamps.reduce((a, b) => (b > a ? b : a), '');
}

function termOf(way: (typeof WAYS)[number]): OrukTaxonomyTerm {
  return {
    id: orukId('taxonomy_term', way.slug),
    name: way.name,
    description: way.meaning,
    taxonomy: TAXONOMY_NAME,
    taxonomy_id: TAXONOMY_ID,
    term: way.slug,
  };
}

function organizationOf(o: Organisation): OrukOrganization {
  const id = orukId('organization', o.id);
  return present({
    id,
    name: o.name,
    description: o.description,
    email: publishedEmail(o.email),
    website: publishedUrl(o.website),
    organization_identifiers:
      o.charityNumber === ''
        ? undefined
        : [
            {
              id: orukId('organization_identifier', o.id, 'GB-CHC'),
              organization_id: id,
              identifier_scheme: 'GB-CHC',
              identifier_type: 'Charity Commission for England and Wales',
              identifier: o.charityNumber,
            },
          ],
  });
}

/** The organisation as service_list.json nests it: no arrays. */
function briefOrganization(o: OrukOrganization): Json {
  const { organization_identifiers: _, ...rest } = o;
  return rest;
}

const ACCESS: [keyof Venue['accessibility'], string][] = [
  ['stepFree', 'Step-free access'],
  ['hearingLoop', 'Hearing loop'],
  ['accessibleToilet', 'Accessible toilet'],
  ['parking', 'Parking'],
  ['babyChange', 'Baby change'],
];

function locationOf(v: Venue): { full: Json; brief: Json } {
  const id = orukId('location', v.slug);
  const features = ACCESS.filter(([key]) => v.accessibility[key] === true).map(([, t]) => t);
  const access = [features.join('. '), v.accessibility.notes].filter((s) => s !== '').join('. ');
  const brief = present({
    id,
    location_type: 'physical',
    name: v.name,
    latitude: v.latitude ?? undefined,
    longitude: v.longitude ?? undefined,
  });
  const full = {
    ...brief,
    addresses: [
      {
        id: orukId('address', v.slug),
        location_id: id,
        address_1: v.address1,
        city: v.city,
        state_province: v.stateProvince,
        postal_code: v.postcode,
        country: v.country,
        address_type: 'physical',
      },
    ],
    ...(access === ''
      ? {}
      : {
          accessibility: [
            { id: orukId('accessibility', v.slug), location_id: id, description: access },
          ],
        }),
  };
  return { full, brief };
}

interface ServiceSource {
  key: readonly (string | number)[];
  name: string;
  description: string;
  url: string;
  email: string;
  contactName: string;
  costFree: boolean;
  costText: string;
  ways: readonly string[];
  areaSlugs: readonly string[];
  checkedAt: string | null;
  updatedAt: string;
  organisationId: number | null;
  sessions: readonly Session[];
  /** Where it meets when it has no sessions to say so. */
  homeVenue: string | null;
}

/** Builds every record from the database: the directory as of `now`. */
export function buildOrukDirectory(db: Db, now: Date, publicUrl: string): OrukDirectory {
  const today = londonDateOf(now);
  const organisations = listOrganisations(db);
  const hubOrg = hubOrganisationId(db);
  const venues = new Map(listVenues(db).map((v) => [v.slug, v]));
  const areas = new Map(listAreas(db).map((a: Area) => [a.slug, a]));
  const groups: Group[] = listGroups(db);
  const sessions = listSessions(db);

  const terms = WAYS.map(termOf);
  const termBySlug = new Map(terms.map((t) => [t.term, t]));
  const orgById = new Map(organisations.map((o) => [o.id, { source: o, oruk: organizationOf(o) }]));
  const orgs = [...orgById.values()].map((o) => o.oruk);
  const locations = new Map([...venues.values()].map((v) => [v.slug, locationOf(v)]));

  const sources: ServiceSource[] = [];
  const byGroup = new Map<string, Session[]>();
  for (const s of sessions) {
    if (s.group !== null) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s]);
  }
  for (const g of groups) {
    sources.push({
      key: ['group', g.slug],
      name: g.name,
      description: g.description,
      url: g.contact.website === '' ? `${publicUrl}/follow/groups/${g.slug}` : g.contact.website,
      email: g.contact.email,
      contactName: g.contact.name,
      costFree: g.cost.free,
      costText: g.cost.text,
      ways: g.ways,
      areaSlugs: g.areaSlugs,
      checkedAt: g.checkedAt,
      updatedAt: g.updatedAt,
      organisationId: g.organisationId,
      sessions: byGroup.get(g.slug) ?? [],
      homeVenue: g.venueSlug,
    });
  }
  const groupSlugs = new Set(groups.map((g) => g.slug));
  for (const s of sessions) {
    // A session of an archived group, or of none, is a service of its own.
    if (s.group !== null && groupSlugs.has(s.group)) continue;
    sources.push({
      key: ['session', s.id],
      name: s.title,
      description: s.description,
      url: `${publicUrl}/sessions/${s.id}`,
      email: s.contact.email,
      contactName: s.contact.name,
      costFree: s.cost.free,
      costText: s.cost.text,
      ways: s.ways,
      areaSlugs: [],
      checkedAt: null,
      updatedAt: s.updatedAt,
      organisationId: null,
      sessions: [s],
      homeVenue: null,
    });
  }

  const services: BuiltService[] = [];
  const serviceAtLocations: BuiltServiceAtLocation[] = [];
  for (const src of sources) {
    const org = orgById.get(src.organisationId ?? hubOrg ?? 0);
    if (org === undefined) continue;
    const id = orukId('service', ...src.key);
    const salIdOf = (venue: string) => orukId('service_at_location', ...src.key, venue);
    const schedules: OrukSchedule[] = [];
    const venueSlugs = new Set<string>();
    for (const s of src.sessions) {
      venueSlugs.add(s.venue.slug);
      for (const placed of sessionSchedules(
        { ...s, venueSlug: s.venue.slug },
        {
          today,
          horizonDays: SCHEDULE_HORIZON_DAYS,
          idOf: (...key) => orukId('schedule', 'session', s.id, ...key),
          link: `${publicUrl}/sessions/${s.id}`,
        },
      )) {
        venueSlugs.add(placed.venueSlug);
        schedules.push({
          ...placed.schedule,
          service_id: id,
          service_at_location_id: salIdOf(placed.venueSlug),
        });
      }
    }
    // A standalone session whose dates are all past is no longer offered.
    if (src.key[0] === 'session' && schedules.length === 0) continue;
    if (src.homeVenue !== null && venueSlugs.size === 0) venueSlugs.add(src.homeVenue);
    const placedVenues = [...venueSlugs].flatMap((slug) => {
      const v = venues.get(slug);
      return v === undefined ? [] : [v];
    });
    const lastModified = latest(
      src.updatedAt,
      org.source.updatedAt,
      ...src.sessions.map((s) => s.updatedAt),
    );
    const brief = present({
      id,
      organization_id: org.oruk.id,
      name: src.name,
      description: src.description === '' ? undefined : src.description,
      url: publishedUrl(src.url),
      email: publishedEmail(src.email),
      status: 'active',
      assured_date: src.checkedAt ?? undefined,
      last_modified: new Date(lastModified).toISOString(),
    });
    const wayTerms = src.ways.flatMap((w) => {
      const t = termBySlug.get(w);
      return t === undefined ? [] : [t];
    });
    const sals = placedVenues.map((v) => {
      const location = locations.get(v.slug);
      const salId = salIdOf(v.slug);
      return {
        id: salId,
        service_id: id,
        location_id: orukId('location', v.slug),
        ...(location === undefined ? {} : { location: location.full }),
      };
    });
    const full: Json = {
      ...brief,
      schedules,
      service_areas: src.areaSlugs.flatMap((slug) => {
        const area = areas.get(slug);
        return area === undefined
          ? []
          : [{ id: orukId('service_area', ...src.key, slug), service_id: id, name: area.name }];
      }),
      service_at_locations: sals,
      organization: org.oruk,
      cost_options: [
        present({
          id: orukId('cost_option', ...src.key),
          service_id: id,
          option: src.costFree ? 'Free' : 'Paid',
          amount: src.costFree ? 0 : undefined,
          amount_description: src.costText === '' ? undefined : src.costText,
        }),
      ],
      contacts:
        src.contactName === ''
          ? []
          : [{ id: orukId('contact', ...src.key), service_id: id, name: src.contactName }],
      attributes: wayTerms.map((t) => ({
        id: orukId('attribute', ...src.key, t.term),
        link_id: id,
        link_type: 'service',
        taxonomy_term_id: t.id,
        taxonomy_term: t,
      })),
    };
    const service: BuiltService = {
      id,
      full,
      brief: { ...brief, organization: briefOrganization(org.oruk) },
      organizationId: org.oruk.id,
      termIds: new Set(wayTerms.map((t) => t.id)),
      lastModified,
      searchText: `${src.name}\n${src.description}`.toLowerCase(),
      venues: placedVenues,
    };
    services.push(service);
    for (const [i, v] of placedVenues.entries()) {
      const sal = sals[i];
      const location = locations.get(v.slug);
      if (sal === undefined || location === undefined) continue;
      const briefSal = {
        id: sal.id,
        service_id: id,
        location_id: sal.location_id,
        location: location.brief,
        service: service.brief,
      };
      serviceAtLocations.push({
        id: sal.id,
        brief: briefSal,
        full: { ...sal, location: location.full },
        service,
        venue: v,
      });
    }
  }
  services.sort(
    (a, b) => String(a.brief.name).localeCompare(String(b.brief.name)) || (a.id < b.id ? -1 : 1),
  );

  // Each record is held in full and in brief (a JSON character is about two bytes in memory).
  const approxBytes =
    4 * JSON.stringify(services.map((s) => s.full)).length +
    2 * JSON.stringify(serviceAtLocations.map((s) => s.full)).length;
  return {
    approxBytes,
    taxonomy: {
      id: TAXONOMY_ID,
      name: TAXONOMY_NAME,
      description:
        'The five evidence-based actions for wellbeing from the New Economics Foundation: Connect, Be Active, Take Notice, Keep Learning and Give. Every group and session in the directory is tagged with one or more.',
      uri: `${publicUrl}/api/ways`,
      version: '1',
    },
    terms,
    organizations: orgs,
    services,
    serviceAtLocations,
  };
}
