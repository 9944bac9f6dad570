import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDb } from '../db/open-db.ts';
import { readSampleDataFile, seedSampleData } from '../db/seed.ts';
import { createTestApp, testClock, testShellRoot, TEST_NOW } from '../test-support.ts';
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

describe('/openreferral on the sample data', () => {
  it('answers every endpoint and record within the official schemas, closed to extra fields', async () => {
    await checkEveryAnswer(sampleApp());
  });

  it('says which version and profile it follows', async () => {
    const { body } = await get(createTestApp().app, '/openreferral/');
    expect(body).toEqual({
      version: '3.0',
      profile: 'https://openreferraluk.org/specifications/3.0/',
      openapi_url: 'https://openreferraluk.org/specifications/3.0/openapi.json',
    });
  });
});
