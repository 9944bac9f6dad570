import { addDays } from '@fiveways/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDb } from '../db/open-db.ts';
import { readSampleDataFile, seedSampleData } from '../db/seed.ts';
import {
  createTestApp,
  makeStaffTestApp,
  testClock,
  testShellRoot,
  TEST_NOW,
} from '../test-support.ts';
import { orukId } from './oruk-ids.ts';
import { createOrukValidators, type OrukSchemaName } from './oruk-schemas.ts';

const oruk = createOrukValidators();

type App = ReturnType<typeof createApp>;

function sampleApp(): App {
  const db = openDb(':memory:');
  seedSampleData(db, readSampleDataFile(), TEST_NOW);
  return createApp({
    db,
    clock: testClock,
    publicUrl: 'https://fiveways.example.org',
    staticRoot: testShellRoot(),
  });
}

async function get(app: App, path: string) {
  const res = await app.request(path);
  const text = await res.text();
  return { res, body: JSON.parse(text) as Record<string, unknown> };
}

function idsOf(list: unknown): string[] {
  const contents = (list as { contents: { id: string }[] }).contents;
  return contents.map((c) => c.id);
}

/** Every null in a value, by path: optional fields are left out, never null. */
function nullsIn(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullsIn(v, `${path}/${i}`));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nullsIn(v, `${path}/${k}`));
  }
  return [];
}

/** Fetches every endpoint and every record, checking each answer against the official schema. */
export async function checkEveryAnswer(app: App): Promise<void> {
  const check = async (
    path: string,
    schema: OrukSchemaName | 'full:service' | 'full:service_at_location',
  ) => {
    const { res, body } = await get(app, path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
    expect(res.headers.get('link'), path).toMatch(/open-government-licence.*rel="license"/);
    const errors =
      schema === 'full:service'
        ? oruk.validateFullList('service', body)
        : schema === 'full:service_at_location'
          ? oruk.validateFullList('service_at_location', body)
          : oruk.validate(schema, body);
    expect(errors, path).toEqual([]);
    expect(nullsIn(body), path).toEqual([]);
    return body;
  };
  await check('/openreferral/', 'api_details');
  const services = await check('/openreferral/services?per_page=1000', 'service_list');
  await check('/openreferral/services?per_page=1000&full=true', 'full:service');
  await check('/openreferral/services?minimal=true', 'service_list');
  for (const id of idsOf(services)) await check(`/openreferral/services/${id}`, 'service');
  const sals = await check(
    '/openreferral/service_at_locations?per_page=1000',
    'service_at_location_list',
  );
  await check('/openreferral/service_at_locations?full=true', 'full:service_at_location');
  for (const id of idsOf(sals))
    await check(`/openreferral/service_at_locations/${id}`, 'service_at_location');
  const orgs = await check('/openreferral/organizations', 'organization_list');
  for (const id of idsOf(orgs)) await check(`/openreferral/organizations/${id}`, 'organization');
  const taxonomies = await check('/openreferral/taxonomies', 'taxonomy_list');
  for (const id of idsOf(taxonomies)) await check(`/openreferral/taxonomies/${id}`, 'taxonomy');
  const terms = await check('/openreferral/taxonomy_terms', 'taxonomy_term_list');
  for (const id of idsOf(terms)) await check(`/openreferral/taxonomy_terms/${id}`, 'taxonomy_term');
}

describe('the schema check itself', () => {
  it('refuses fields and nulls the official schemas do not allow, beside allOf branches too', () => {
    const term = { id: orukId('taxonomy_term', 'x'), name: 'X', description: 'd' };
    expect(oruk.validate('taxonomy_term', term)).toEqual([]);
    expect(oruk.validate('taxonomy_term', { ...term, colour: 'red' })).not.toEqual([]);
    expect(oruk.validate('taxonomy_term', { ...term, parent_id: null })).not.toEqual([]);
    expect(oruk.validate('taxonomy_term', { ...term, id: 'x' })).not.toEqual([]);
    const list = { total_items: 1, page_number: 1, contents: [term] };
    expect(oruk.validate('taxonomy_term_list', list)).toEqual([]);
    expect(oruk.validate('taxonomy_term_list', { ...list, extra: true })).not.toEqual([]);
    expect(oruk.validate('organization_list', { contents: [], total_items: 0 })).not.toEqual([]);
  });
});

describe('/openreferral on the sample data', () => {
  it('answers every endpoint and record within the official schemas, closed to extra fields', async () => {
    await checkEveryAnswer(sampleApp());
  });

  it('says which version and profile it follows, with or without the slash', async () => {
    const { body } = await get(createTestApp().app, '/openreferral/');
    expect((await get(createTestApp().app, '/openreferral')).body).toEqual(body);
    expect(body).toEqual({
      version: '3.0',
      profile: 'https://openreferraluk.org/specifications/3.0/',
      openapi_url: 'https://openreferraluk.org/specifications/3.0/openapi.json',
    });
  });
});

describe('/openreferral services', () => {
  const app = sampleApp();
  const list = async (query: string) => {
    const { res, body } = await get(app, `/openreferral/services?per_page=1000&${query}`);
    expect(res.status).toBe(200);
    return body as { total_items: number; contents: Record<string, unknown>[] };
  };

  it('filters by way, organisation, text and modification time', async () => {
    const all = await list('');
    expect(all.total_items).toBeGreaterThan(40);
    const active = await list(`taxonomy_term_id=${orukId('taxonomy_term', 'be-active')}`);
    expect(active.contents.map((s) => s.name)).toContain('Gorse Hill Walking Group');
    expect(active.contents.map((s) => s.name)).not.toContain('Time to Talk');
    expect((await list(`taxonomy_id=${orukId('taxonomy', 'five-ways')}`)).total_items).toBe(
      all.total_items,
    );
    expect((await list(`taxonomy_id=${orukId('taxonomy', 'elsewhere')}`)).total_items).toBe(0);
    const friends = await list(`organization_id=${orukId('organization', 2)}`);
    expect(friends.contents.map((s) => s.name).sort()).toEqual([
      'Buggy Walks',
      'Friends of Nunnery Wood',
    ]);
    expect((await list('text=TALK')).contents.map((s) => s.name)).toContain('Time to Talk');
    expect((await list('modified_after=2099-01-01T00:00:00Z')).total_items).toBe(0);
  });

  it('answers minimal lists with just what identifies a service and when it changed', async () => {
    const minimal = await list('minimal=true');
    expect(Object.keys(minimal.contents[0] ?? {}).sort()).toEqual([
      'id',
      'last_modified',
      'name',
      'status',
    ]);
  });

  it('pages with the ORUK header', async () => {
    const { body } = await get(app, '/openreferral/services?page=2&per_page=10');
    expect(body).toMatchObject({
      page_number: 2,
      size: 10,
      first_page: false,
      last_page: false,
      empty: false,
      total_pages: Math.ceil(Number(body.total_items) / 10),
    });
  });

  it('puts the nearest first from a postcode, and cuts at proximity metres', async () => {
    const near = await list('postcode=WR5%202LG&proximity=1500');
    expect(near.contents[0]?.name).toMatch(/Nunnery Wood|Buggy Walks/);
    const further = await list('postcode=wr52lg');
    expect(further.total_items).toBeGreaterThan(near.total_items);
  });

  it('gives the same ids every time, from the kind and key of each record', async () => {
    const { body } = await get(sampleApp(), '/openreferral/services?per_page=1000');
    const again = await list('');
    expect(idsOf(body)).toEqual(idsOf(again));
    expect(idsOf(body)).toContain(orukId('service', 'group', 'time-to-talk'));
  });
});

describe('/openreferral refusals', () => {
  const { app } = createTestApp();
  it.each([
    ['services?per_page=0', 'per_page'],
    ['services?per_page=5000', 'per_page'],
    ['services?page=first', 'page'],
    ['services?taxonomy_term_id=connect', 'taxonomy_term_id'],
    ['services?organization_id=1', 'organization_id'],
    ['services?modified_after=yesterday', 'modified_after'],
    ['services?minimal=yes', 'minimal'],
    ['services?full=1', 'full'],
    ['services?format=xml', 'format'],
    ['services?proximity=near&postcode=WR4%209XX', 'proximity'],
    ['services?proximity=100', 'postcode'],
    ['services?postcode=nowhere', 'postcode'],
    ['service_at_locations?per_page=-1', 'per_page'],
    ['taxonomy_terms?parent_id=x', 'parent_id'],
    ['organizations?full_service=maybe', 'full_service'],
  ])('/openreferral/%s is a 400 naming %s, open to every origin', async (path, param) => {
    const { res, body } = await get(app, `/openreferral/${path}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const issues = (body as { error: { issues: { path: string }[] } }).error.issues;
    expect(issues.map((i) => i.path)).toContain(param);
  });

  it('answers 404 for a record that does not exist, or an address it does not have', async () => {
    for (const path of [
      `services/${orukId('service', 'group', 'nobody')}`,
      'services/not-a-uuid',
      'organizations/00000000-0000-0000-0000-000000000000',
      'nothing-here',
    ]) {
      const { res } = await get(app, `/openreferral/${path}`);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
  });
});

describe('/openreferral after a write', () => {
  it('shows the change at once (the answers are dropped with every other read)', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const id = orukId('service', 'group', 'walking-for-health');
    const before = await get(t.app, `/openreferral/services/${id}`);
    expect(before.body.name).toBe('Walking for Health');
    const res = await t.request('PATCH', '/api/groups/walking-for-health', {
      cookie: cookies.admin,
      body: { name: 'Health Walks' },
    });
    expect(res.status).toBe(200);
    const after = await get(t.app, `/openreferral/services/${id}`);
    expect(after.body.name).toBe('Health Walks');
    expect(after.res.headers.get('etag')).not.toBe(before.res.headers.get('etag'));
  });
});

// Random small directories: odd text, missing coordinates and postcodes, free-text contacts that
// are not email addresses, one-offs, courses, monthly rules, cancellations and moves.
const TEXTS = [
  'Plain',
  'Café “quoted” <b>bold</b> & more',
  'Ünïcødé ☕ walk',
  "Men's Shed; tea, talk",
];
const DATES = ['2026-11-23', '2026-12-25', '2027-03-28', '2027-10-31', '2027-06-01', '2026-01-05'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WAYS = ['connect', 'be-active', 'take-notice', 'keep-learning', 'give'] as const;

const venueArb = fc.record({
  name: fc.constantFrom(...TEXTS),
  address: fc.constantFrom(
    'Shap Drive',
    'Church Road, Rainbow Hill, Worcester',
    'The Hall, WR4 9NX',
  ),
  postcode: fc.constantFrom('', 'WR4 9NX', 'WR5 1PQ'),
  coords: fc.option(
    fc.tuple(
      fc.double({ min: 52.1, max: 52.3, noNaN: true }),
      fc.double({ min: -2.3, max: -2.1, noNaN: true }),
    ),
  ),
  stepFree: fc.boolean(),
  notes: fc.constantFrom('', 'Ramp at the side'),
});
const repeatArb = fc.oneof(
  fc.constant(null),
  fc.record({
    every: fc.constant('week' as const),
    interval: fc.integer({ min: 1, max: 4 }),
    days: fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 7 }),
  }),
  fc.record({
    every: fc.constant('month' as const),
    weekday: fc.constantFrom(...DAYS),
    nth: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const),
  }),
);
const sessionArb = fc.record({
  title: fc.constantFrom(...TEXTS),
  venue: fc.nat(),
  group: fc.option(fc.nat()),
  ways: fc.uniqueArray(fc.constantFrom(...WAYS), { minLength: 1, maxLength: 5 }),
  startDate: fc.constantFrom(...DATES),
  startTime: fc.constantFrom('00:30', '10:00', '18:45'),
  endTime: fc.constantFrom('01:15', '12:00', '23:59'),
  repeat: repeatArb,
  end: fc.constantFrom('none', 'until', 'count'),
  skipBankHolidays: fc.boolean(),
  email: fc.constantFrom('', 'hello@example.org', 'ask at the desk'),
  costFree: fc.boolean(),
  exception: fc.constantFrom('none', 'cancelled', 'changed'),
});
const directoryArb = fc.record({
  venues: fc.array(venueArb, { minLength: 1, maxLength: 4 }),
  organisations: fc.array(
    fc.record({
      name: fc.constantFrom(...TEXTS),
      email: fc.constantFrom('', 'org@example.org'),
      website: fc.constantFrom('', 'https://example.org/a?b=c&d=é'),
      charityNumber: fc.constantFrom('', '1012345', '1012345-1'),
    }),
    { maxLength: 3 },
  ),
  groups: fc.array(
    fc.record({
      name: fc.constantFrom(...TEXTS),
      ways: fc.uniqueArray(fc.constantFrom(...WAYS), { minLength: 1, maxLength: 5 }),
      venue: fc.option(fc.nat()),
      organisation: fc.option(fc.nat()),
      checkedAt: fc.option(fc.constantFrom(...DATES)),
      email: fc.constantFrom('', 'group@example.org', 'phone Jean'),
      website: fc.constantFrom('', 'https://example.org/group'),
    }),
    { maxLength: 4 },
  ),
  sessions: fc.array(sessionArb, { maxLength: 8 }),
});

type RandomDirectory = typeof directoryArb extends fc.Arbitrary<infer T> ? T : never;

function toSampleData(d: RandomDirectory) {
  const venues = d.venues.map((v, i) => ({
    slug: `venue-${i}`,
    name: v.name,
    areaSlug: 'area',
    address: v.address,
    postcode: v.postcode,
    latitude: v.coords?.[0] ?? null,
    longitude: v.coords?.[1] ?? null,
    accessibility: { stepFree: v.stepFree, notes: v.notes },
  }));
  const groups = d.groups.map((g, i) => ({
    slug: `group-${i}`,
    name: g.name,
    ways: g.ways,
    areaSlugs: i % 2 === 0 ? ['area'] : [],
    venueSlug: g.venue === null ? null : `venue-${g.venue % venues.length}`,
    organisationId:
      g.organisation === null ? null : 1 + (g.organisation % (d.organisations.length + 1)),
    checkedAt: g.checkedAt,
    contact: { name: g.name, phone: '', email: g.email, website: g.website },
  }));
  const sessions = d.sessions.map((s) => {
    const repeating = s.repeat !== null;
    const [startTime, endTime] =
      s.startTime < s.endTime ? [s.startTime, s.endTime] : ['10:00', '12:00'];
    const exceptions =
      s.exception === 'none' || s.repeat !== null
        ? []
        : [
            {
              date: s.startDate,
              kind: s.exception,
              reason: 'Hall closed',
              ...(s.exception === 'changed'
                ? { newDate: '2027-01-06', startTime: '09:00', endTime: '09:30' }
                : {}),
            },
          ];
    return {
      title: s.title,
      venue: `venue-${s.venue % venues.length}`,
      group: s.group === null || groups.length === 0 ? null : `group-${s.group % groups.length}`,
      ways: s.ways,
      startDate: s.startDate,
      startTime,
      endTime,
      repeat: s.repeat,
      until: repeating && s.end === 'until' ? addDays(s.startDate, 200) : null,
      count: repeating && s.end === 'count' ? 6 : null,
      skipBankHolidays: s.skipBankHolidays,
      cost: { free: s.costFree, text: s.costFree ? '' : '£2' },
      contact: { name: '', phone: '', email: s.email, website: '' },
      exceptions,
    };
  });
  return {
    areas: [{ slug: 'area', name: 'Somewhere' }],
    organisations: d.organisations,
    venues,
    groups,
    sessions,
  };
}

describe('/openreferral on random directories', () => {
  it('answers within the official schemas whatever the directory holds', async () => {
    await fc.assert(
      fc.asyncProperty(directoryArb, async (d) => {
        const db = openDb(':memory:');
        seedSampleData(db, toSampleData(d), TEST_NOW);
        const app = createApp({
          db,
          clock: testClock,
          publicUrl: 'https://fiveways.example.org',
          staticRoot: testShellRoot(),
        });
        await checkEveryAnswer(app);
        db.close();
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
