import { GroupListSchema, SessionListSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp, getJson, makeStaffTestApp, parseCsv } from '../test-support.ts';

/** RFC 4180 rows of a CSV answer, after the byte-order mark it must start with. */
async function readCsvAnswer(res: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder().decode(bytes.slice(3)));
}

describe('GET /api/exports', () => {
  it('gives one row per group, with its organisation, as a download', async () => {
    const { app } = createTestApp();
    const res = await app.request('/api/exports/groups.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="fiveways-groups.csv"',
    );
    expect(res.headers.get('link')).toContain('rel="license"');
    const [header, ...rows] = await readCsvAnswer(res);
    const groups = GroupListSchema.parse((await getJson(app, '/api/groups')).body);
    expect(rows).toHaveLength(groups.total);
    expect(header?.slice(0, 3)).toEqual(['slug', 'name', 'organisation']);
    expect(rows.map((r) => r[2])).toContain('Worcester Community Trust');
  });

  it('gives one row per session with its timing in plain English', async () => {
    const { app } = createTestApp();
    const [header, ...rows] = await readCsvAnswer(await app.request('/api/exports/sessions.csv'));
    const sessions = SessionListSchema.parse((await getJson(app, '/api/sessions')).body);
    expect(rows).toHaveLength(sessions.total);
    const when = header?.indexOf('when') ?? -1;
    expect(when).toBeGreaterThan(0);
    for (const row of rows) expect(row[when]).toMatch(/^(Every|Once|On the)/);
  });

  it('defuses a formula typed into a listing', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const res = await t.request('PATCH', '/api/groups/walking-for-health', {
      cookie: cookies.admin,
      body: { name: '=cmd|" /C calc"!A0' },
    });
    expect(res.status).toBe(200);
    const rows = await readCsvAnswer(await t.app.request('/api/exports/groups.csv'));
    expect(rows.map((r) => r[1])).toContain('\'=cmd|" /C calc"!A0');
  });

  it('gives the whole directory as one JSON file with its licence', async () => {
    const { app } = createTestApp();
    const res = await app.request('/api/exports/directory.json');
    expect(res.headers.get('content-disposition')).toContain('fiveways-directory.json');
    const body = (await res.json()) as Record<string, unknown[]> & { licence: { name: string } };
    expect(body.licence.name).toBe('Open Government Licence v3.0');
    const groups = GroupListSchema.parse((await getJson(app, '/api/groups')).body);
    expect(body.groups).toHaveLength(groups.total);
    expect(Object.keys(body)).toEqual([
      'licence',
      'areas',
      'organisations',
      'venues',
      'groups',
      'sessions',
    ]);
  });
});
