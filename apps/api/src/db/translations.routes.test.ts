import { ApiErrorSchema, GroupSchema, SessionSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { dumpTables, makeStaffTestApp, VENUE_A } from '../test-support.ts';

const weekly = {
  title: 'Chair yoga',
  venue: VENUE_A,
  ways: ['be-active'],
  startDate: '2027-03-02',
  startTime: '10:00',
  endTime: '11:00',
  repeat: { every: 'week', interval: 1, days: ['tue'] },
};

const polish = { title: 'Joga na krześle', summary: 'Łagodne ćwiczenia na siedząco.' };
const urdu = { title: 'کرسی یوگا', summary: 'بیٹھ کر ہلکی ورزش۔' };

async function errorOf(res: Response) {
  return ApiErrorSchema.parse(await res.json()).error;
}

describe('translated titles and summaries', () => {
  it('are written with a session, read back by the public API, and patched on their own', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const created = await t.request('POST', '/api/sessions', {
      cookie: cookies.staffA,
      body: { ...weekly, translations: { pl: polish, ur: { title: urdu.title } } },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const session = SessionSchema.parse(await created.json());
    expect(session.translations).toEqual({ pl: polish, ur: { title: urdu.title, summary: '' } });

    const read = SessionSchema.parse(
      await (await t.request('GET', `/api/sessions/${session.id}`)).json(),
    );
    expect(read.translations).toEqual(session.translations);

    // A patch that leaves translations out keeps them; one that sends them replaces them.
    const described = await t.request('PATCH', `/api/sessions/${session.id}`, {
      cookie: cookies.staffA,
      body: { description: 'Gentle exercise, sitting down.' },
    });
    expect(SessionSchema.parse(await described.json()).translations).toEqual(session.translations);
    const replaced = await t.request('PATCH', `/api/sessions/${session.id}`, {
      cookie: cookies.staffA,
      body: { translations: { ur: urdu, pl: { title: '', summary: '' } } },
    });
    expect(replaced.status).toBe(200);
    const after = SessionSchema.parse(await replaced.json());
    // A language left empty is not stored.
    expect(after.translations).toEqual({ ur: urdu });
    // A change of words only: calendars need not re-read the schedule.
    expect(after.sequence).toBe(session.sequence);
  });

  it('are written with a group and read back in the list', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const res = await t.request('POST', '/api/groups', {
      cookie: cookies.staffA,
      body: {
        slug: 'hub-gardeners',
        name: 'Hub Gardeners',
        ways: ['take-notice'],
        venueSlug: VENUE_A,
        translations: { pl: { title: 'Ogrodnicy', summary: 'Uprawiamy warzywa.' } },
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const list = await (await t.request('GET', '/api/groups')).json();
    const group = GroupSchema.array()
      .parse((list as { items: unknown[] }).items)
      .find((g) => g.slug === 'hub-gardeners');
    expect(group?.translations).toEqual({
      pl: { title: 'Ogrodnicy', summary: 'Uprawiamy warzywa.' },
    });
    const patched = await t.request('PATCH', '/api/groups/hub-gardeners', {
      cookie: cookies.staffA,
      body: { translations: { ro: { title: 'Grădinarii' } } },
    });
    expect(GroupSchema.parse(await patched.json()).translations).toEqual({
      ro: { title: 'Grădinarii', summary: '' },
    });
  });

  it('refuse bad input with a 400 naming the field, and change nothing', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    for (const [translations, path, message] of [
      [
        { pl: { title: 'x'.repeat(121) } },
        'translations.pl.title',
        /^Polish title must be at most 120/,
      ],
      [{ ur: { title: 'دو\nسطریں' } }, 'translations.ur.title', /^Urdu title must be on one line/],
      [{ ro: { summary: 42 } }, 'translations.ro.summary', /^Romanian summary must be text/],
      [{ de: { title: 'Stuhlyoga' } }, 'translations.de', /does not know: de/],
      [{ pl: { title: 'Joga', colour: 'red' } }, 'translations.pl.colour', /does not know/],
      ['Joga', 'translations', /pl, ro or ur/],
    ] as const) {
      for (const [method, path_] of [
        ['POST', '/api/sessions'],
        ['PATCH', '/api/sessions/1'],
        ['PATCH', '/api/groups/knit-and-natter'],
      ] as const) {
        const body = method === 'POST' ? { ...weekly, translations } : { translations };
        const res = await t.request(method, path_, { cookie: cookies.admin, body });
        expect(res.status, `${method} ${path_} ${JSON.stringify(translations)}`).toBe(400);
        const issue = (await errorOf(res)).issues[0];
        expect(issue?.path, JSON.stringify(issue)).toBe(path);
        expect(issue?.message).toMatch(message);
      }
    }
    expect(dumpTables(t.db)).toBe(before);
  });
});
