import { ApiErrorSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp, getJson, makeStaffTestApp, VENUE_A } from '../test-support.ts';

const WINDOW = 'from=2027-03-01&to=2027-03-31';

/** Where each filter can be given, as a path awaiting `field=slug`. */
const LISTS: Record<'venue' | 'area' | 'group', string[]> = {
  venue: [`/api/occurrences?${WINDOW}&`, '/feeds/all.ics?'],
  area: [`/api/occurrences?${WINDOW}&`, '/api/groups?', '/api/venues?', '/feeds/all.ics?'],
  group: [`/api/occurrences?${WINDOW}&`, '/feeds/all.ics?'],
};

describe('a venue, area or group filter that names nothing', () => {
  for (const [field, paths] of Object.entries(LISTS)) {
    it(`gets the same 400 naming "${field}" on every list and the feeds`, async () => {
      const { app } = createTestApp();
      const answers = await Promise.all(
        paths.map(async (path) => {
          const res = await app.request(`${path}${field}=atlantis`);
          return { path, status: res.status, body: ApiErrorSchema.parse(await res.json()) };
        }),
      );
      for (const answer of answers) {
        expect(answer.status, answer.path).toBe(400);
        expect(answer.body, answer.path).toEqual({
          error: {
            code: 'invalid_request',
            message: `${field}: There is no ${field} called "atlantis"`,
            issues: [{ path: field, message: `There is no ${field} called "atlantis"` }],
          },
        });
      }
    });
  }

  it('is a 400 even when a cached answer for a known one exists', async () => {
    const { app } = createTestApp();
    expect((await getJson(app, `/api/occurrences?${WINDOW}&venue=${VENUE_A}`)).status).toBe(200);
    expect((await getJson(app, `/api/occurrences?${WINDOW}&venue=atlantis`)).status).toBe(400);
    expect((await getJson(app, '/api/groups?area=warndon')).status).toBe(200);
    expect((await getJson(app, '/api/groups?area=atlantis')).status).toBe(400);
  });

  it('names a venue, area or group as soon as staff add it, and an archived group no more', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const cookie = cookies.admin;
    const ask = async (query: string) =>
      (await t.request('GET', `/api/occurrences?${WINDOW}&${query}`)).status;

    expect(await ask('area=new-town')).toBe(400);
    const area = await t.request('POST', '/api/areas', {
      cookie,
      body: { slug: 'new-town', name: 'New Town' },
    });
    expect(area.status).toBe(201);
    expect(await ask('area=new-town')).toBe(200);
    expect((await t.request('GET', '/api/groups?area=new-town')).status).toBe(200);

    expect(await ask('group=walking-for-health')).toBe(200);
    const archived = await t.request('DELETE', '/api/groups/walking-for-health', { cookie });
    expect(archived.status).toBe(204);
    expect(await ask('group=walking-for-health')).toBe(400);
  });

  it('leaves empty filters alone: "?venue=" still means every venue', async () => {
    const { app } = createTestApp();
    expect((await getJson(app, `/api/occurrences?${WINDOW}&venue=&area=&group=`)).status).toBe(200);
    expect((await getJson(app, '/api/groups?area=')).status).toBe(200);
  });
});
