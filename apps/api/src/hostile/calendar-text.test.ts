// Text a calendar can hold: every single-line field of every staff write refuses line breaks and
// control characters with a 400 naming the field, and long text keeps its paragraphs.
import { ApiErrorSchema } from '@fiveways/shared';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumpTables, makeStaffTestApp, VENUE_A } from '../test-support.ts';
import { hostileText } from './hostile-input.ts';

const staffApp = makeStaffTestApp();
let admin = '';
beforeAll(async () => {
  admin = (await staffApp.createPeople()).cookies.admin;
});

/** Every way a line can end, as calendars, browsers and JSON readers see it. */
const LINE_BREAKS = ['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\u000b', '\u000c'];
const CONTROLS = ['\u0000', '\u0007', '\t', '\u001b', '\u007f', '\u009b', '\ud800'];

const SESSION = {
  title: 'Chair Yoga',
  venue: VENUE_A,
  ways: ['be-active'],
  startDate: '2027-03-02',
  startTime: '10:00',
  endTime: '11:00',
  repeat: { every: 'week', interval: 1, days: ['tue'] },
};

interface Write {
  method: string;
  path: string;
  /** A valid body with `value` in the field named `field` (a dotted path). */
  body: (value: string) => unknown;
  field: string;
}

let nextSlug = 0;
const freshSlug = () => `text-test-${++nextSlug}`;

/** The single-line fields of every staff write, each in an otherwise valid body. */
const SINGLE_LINE: Write[] = [
  {
    method: 'POST',
    path: '/api/sessions',
    field: 'title',
    body: (v) => ({ ...SESSION, title: v }),
  },
  {
    method: 'POST',
    path: '/api/sessions',
    field: 'cost.text',
    body: (v) => ({ ...SESSION, cost: { free: false, text: v } }),
  },
  ...(['name', 'phone', 'email', 'website'] as const).map((key): Write => ({
    method: 'POST',
    path: '/api/sessions',
    field: `contact.${key}`,
    body: (v) => ({ ...SESSION, contact: { [key]: v } }),
  })),
  { method: 'PATCH', path: '/api/sessions/1', field: 'title', body: (v) => ({ title: v }) },
  {
    method: 'POST',
    path: '/api/sessions/1/cancellations',
    field: 'reason',
    body: (v) => ({ date: '2027-03-09', reason: v }),
  },
  {
    method: 'POST',
    path: '/api/sessions/1/changes',
    field: 'reason',
    body: (v) => ({ date: '2027-03-09', startTime: '12:00', endTime: '13:00', reason: v }),
  },
  ...(['name', 'address', 'postcode', 'phone'] as const).map((key): Write => ({
    method: 'POST',
    path: '/api/venues',
    field: key,
    body: (v) => ({
      slug: freshSlug(),
      name: 'Hall',
      areaSlug: 'gorse-hill',
      address: '1 Road',
      [key]: v,
    }),
  })),
  { method: 'PATCH', path: `/api/venues/${VENUE_A}`, field: 'name', body: (v) => ({ name: v }) },
  {
    method: 'POST',
    path: '/api/areas',
    field: 'name',
    body: (v) => ({ slug: freshSlug(), name: v }),
  },
  { method: 'PATCH', path: '/api/areas/gorse-hill', field: 'name', body: (v) => ({ name: v }) },
  {
    method: 'POST',
    path: '/api/groups',
    field: 'name',
    body: (v) => ({ slug: freshSlug(), name: v, ways: ['give'] }),
  },
  {
    method: 'POST',
    path: '/api/groups',
    field: 'languages.0',
    body: (v) => ({ slug: freshSlug(), name: 'Group', ways: ['give'], languages: [v] }),
  },
  {
    method: 'PATCH',
    path: '/api/groups/walking-for-health',
    field: 'cost.text',
    body: (v) => ({ cost: { free: false, text: v } }),
  },
  {
    method: 'POST',
    path: '/api/users',
    field: 'name',
    body: (v) => ({ email: `${freshSlug()}@example.org`, name: v, role: 'admin' }),
  },
];

async function send(write: Write, value: string) {
  return staffApp.request(write.method, write.path, { cookie: admin, body: write.body(value) });
}

describe('single-line fields', () => {
  it('refuse every kind of line break with a 400 naming the field, and write nothing', async () => {
    for (const write of SINGLE_LINE) {
      for (const br of LINE_BREAKS) {
        const what = `${write.method} ${write.path} ${write.field} ${JSON.stringify(br)}`;
        const before = dumpTables(staffApp.db);
        const res = await send(write, `One${br}two`);
        expect(res.status, what).toBe(400);
        const { error } = ApiErrorSchema.parse(await res.json());
        const issue = error.issues.find((i) => i.path === write.field);
        expect(issue?.message, what).toMatch(/must be on one line: take out the line break$/);
        expect(error.message, what).toBe(`${write.field}: ${issue?.message ?? ''}`);
        expect(dumpTables(staffApp.db), what).toBe(before);
      }
    }
  });

  it('refuse tabs and control characters with a 400 naming the field', async () => {
    for (const write of SINGLE_LINE) {
      for (const bad of CONTROLS) {
        const what = `${write.method} ${write.path} ${write.field} ${JSON.stringify(bad)}`;
        const res = await send(write, `Line${bad}one`);
        expect(res.status, what).toBe(400);
        const { error } = ApiErrorSchema.parse(await res.json());
        expect(error.issues.find((i) => i.path === write.field)?.message, what).toMatch(
          / contains a tab or another character that cannot be shown$/,
        );
      }
    }
  });

  it('never store a line break or control character, whatever is sent', async () => {
    const title = SINGLE_LINE[0];
    if (title === undefined) throw new Error('no title write');
    await fc.assert(
      fc.asyncProperty(hostileText, async (value) => {
        const res = await send(title, value);
        expect(res.status).toBeLessThan(500);
        if (res.status !== 201) return;
        const stored = ((await res.json()) as { title: string }).title;
        // eslint-disable-next-line no-control-regex
        expect(stored).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
      { numRuns: 150 },
    );
  });

  it('drop line breaks and spaces at either end', async () => {
    const res = await staffApp.request('POST', '/api/sessions', {
      cookie: admin,
      body: { ...SESSION, title: '\r\n Chair Yoga \u2028' },
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { title: string }).title).toBe('Chair Yoga');
  });
});

describe('long text fields', () => {
  it('keep their paragraphs, with every line break written as \\n', async () => {
    const res = await staffApp.request('POST', '/api/sessions', {
      cookie: admin,
      body: {
        ...SESSION,
        description: 'First.\r\n\r\nSecond.\rThird.',
        whatToExpect: 'Tea.\u2028Chat.\u2029Biscuits.\u0085Home.',
        bookingInfo: 'Ring us.\r\nOr email.',
        accessibility: 'Ramp at the side.\nLift to the hall.',
      },
    });
    expect(res.status).toBe(201);
    const session = (await res.json()) as Record<string, unknown>;
    expect(session).toMatchObject({
      description: 'First.\n\nSecond.\nThird.',
      whatToExpect: 'Tea.\nChat.\nBiscuits.\nHome.',
      bookingInfo: 'Ring us.\nOr email.',
      accessibility: 'Ramp at the side.\nLift to the hall.',
    });
  });

  it('refuse other control characters, naming the field', async () => {
    for (const bad of ['\u0000', '\u0007', '\u000b', '\u001b', '\u009b']) {
      const res = await staffApp.request('POST', '/api/sessions', {
        cookie: admin,
        body: { ...SESSION, whatToExpect: `Tea.${bad}Chat.` },
      });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      const { error } = ApiErrorSchema.parse(await res.json());
      expect(error.issues).toContainEqual({
        path: 'whatToExpect',
        message: 'What to expect contains characters that cannot be shown',
      });
    }
  });

  it('are paragraphs on venues, areas and groups too', async () => {
    for (const [path, body, field] of [
      [
        '/api/venues',
        {
          slug: freshSlug(),
          name: 'Hall',
          areaSlug: 'gorse-hill',
          address: '1 Road',
          accessibility: { notes: 'Ramp.\r\nLift.' },
        },
        'accessibility.notes',
      ],
      ['/api/areas', { slug: freshSlug(), name: 'Area', description: 'Streets.\r\nParks.' }, ''],
      [
        '/api/groups',
        { slug: freshSlug(), name: 'Group', ways: ['give'], description: 'We meet.\r\nWe knit.' },
        '',
      ],
    ] as const) {
      const res = await staffApp.request('POST', path, { cookie: admin, body });
      expect(res.status, `${path} ${field}`).toBe(201);
      expect(await res.text()).not.toContain('\\r');
    }
  });
});
