// Downloads for the collaborative's spreadsheets: groups and sessions as CSV (one row each, a
// session's timing in plain English) and the whole directory as one JSON file. Public like the
// rest of the read side; built once per version of the data and London day, dropped by writes.
import {
  describeRecurrence,
  formatLongDate,
  londonDateOf,
  type Group,
  type Session,
} from '@fiveways/shared';
import type { Context } from 'hono';
import { listAreas } from '../areas/areas.queries.ts';
import { listGroups } from '../groups/groups.queries.ts';
import { createRouter, type RouterDeps } from '../http/router.ts';
import { licenceLink, type OpenDataLicence } from '../openreferral/open-data-licence.ts';
import { listOrganisations } from '../organisations/organisations.queries.ts';
import { listSessions } from '../sessions/sessions.queries.ts';
import { listVenues } from '../venues/venues.queries.ts';
import { toCsv } from '../http/csv.ts';

const list = (items: readonly string[]) => items.join('; ');

function groupRows(groups: readonly Group[], orgName: (id: number | null) => string) {
  const header = [
    'slug',
    'name',
    'organisation',
    'description',
    'ways',
    'areas',
    'audiences',
    'free',
    'cost',
    'contact name',
    'contact phone',
    'contact email',
    'website',
    'languages',
    'accessibility',
    'venue',
    'checked on',
    'updated at',
  ];
  const rows = groups.map((g) => [
    g.slug,
    g.name,
    orgName(g.organisationId),
    g.description,
    list(g.ways),
    list(g.areaSlugs),
    list(g.audiences),
    g.cost.free ? 'yes' : 'no',
    g.cost.text,
    g.contact.name,
    g.contact.phone,
    g.contact.email,
    g.contact.website,
    list(g.languages),
    g.accessibility,
    g.venueSlug,
    g.checkedAt,
    g.updatedAt,
  ]);
  return toCsv(header, rows);
}

function sessionRows(sessions: readonly Session[], today: string) {
  const header = [
    'id',
    'title',
    'group',
    'venue',
    'when',
    'start date',
    'start time',
    'end time',
    'ends on',
    'number of times',
    'skips bank holidays',
    'kind',
    'booking',
    'booking details',
    'ways',
    'audiences',
    'free',
    'cost',
    'description',
    'contact name',
    'contact phone',
    'contact email',
    'website',
    'cancelled',
    'moved',
    'updated at',
  ];
  const rows = sessions.map((s) => [
    s.id,
    s.title,
    s.group,
    s.venue.name,
    describeRecurrence(s, { today }),
    s.startDate,
    s.startTime,
    s.endTime,
    s.until,
    s.count,
    s.skipBankHolidays ? 'yes' : 'no',
    s.kind,
    s.booking,
    s.bookingInfo,
    list(s.ways),
    list(s.audiences),
    s.cost.free ? 'yes' : 'no',
    s.cost.text,
    s.description,
    s.contact.name,
    s.contact.phone,
    s.contact.email,
    s.contact.website,
    list(
      s.exceptions
        .filter((e) => e.kind === 'cancelled')
        .map((e) => formatLongDate(e.date) + (e.reason === '' ? '' : ` (${e.reason})`)),
    ),
    list(
      s.exceptions
        .filter((e) => e.kind === 'changed')
        .map((e) => `${formatLongDate(e.date)} to ${formatLongDate(e.newDate ?? e.date)}`),
    ),
    s.updatedAt,
  ]);
  return toCsv(header, rows);
}

export function exportRoutes(deps: RouterDeps & { licence: OpenDataLicence }) {
  const { db, cache, clock, licence } = deps;

  function download(c: Context, name: string, type: string, build: (today: string) => string) {
    const today = londonDateOf(clock());
    const body = cache.memo(
      `export:${name}:${today}`,
      () => build(today),
      (s) => 2 * s.length,
    );
    c.header('Content-Type', type);
    c.header('Content-Disposition', `attachment; filename="fiveways-${name}"`);
    c.header('Link', licenceLink(licence));
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(body);
  }

  return createRouter()
    .get('/exports/groups.csv', (c) =>
      download(c, 'groups.csv', 'text/csv; charset=utf-8', () => {
        const names = new Map(listOrganisations(db).map((o) => [o.id, o.name]));
        return groupRows(listGroups(db), (id) => (id === null ? '' : (names.get(id) ?? '')));
      }),
    )
    .get('/exports/sessions.csv', (c) =>
      download(c, 'sessions.csv', 'text/csv; charset=utf-8', (today) =>
        sessionRows(listSessions(db), today),
      ),
    )
    .get('/exports/directory.json', (c) =>
      download(c, 'directory.json', 'application/json; charset=utf-8', () =>
        JSON.stringify({
          licence,
          areas: listAreas(db),
          organisations: listOrganisations(db),
          venues: listVenues(db),
          groups: listGroups(db),
          sessions: listSessions(db),
        }),
      ),
    );
}
