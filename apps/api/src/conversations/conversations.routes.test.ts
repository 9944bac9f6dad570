// Conversations Champions log, and residents' contacts: real SQLite, real logins, app.request.
import { CONTACT_CONSENT_WORDING, type Conversation, type MyConversations } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { dumpTables, makeStaffTestApp, VENUE_A } from '../test-support.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const TODAY = '2026-11-23';

/** A resident's contact no other data holds, to look for everywhere. */
const RESIDENT = {
  name: 'Zebedee Quillfeather',
  phone: '07700 900123',
  email: 'zq.resident@example.net',
};

async function setUp() {
  const t = makeStaffTestApp();
  const people = await t.createPeople();
  const champion = await t.createUser('ali@example.org', 'champion');
  const other = await t.createUser('bo@example.org', 'champion');
  const cookies = { ...people.cookies, champion: t.cookieFor(champion), other: t.cookieFor(other) };
  const walk = t.db.prepare("SELECT id FROM sessions WHERE title = 'Walk and Talk'").pluck().get();
  return { t, cookies, ids: { ...people.ids, champion, other }, walkId: String(walk) };
}

const FULL = {
  placeKind: 'clinic',
  venue: VENUE_A,
  ways: ['connect', 'be-active'],
  promoted: [{ kind: 'group', key: 'walking-for-health' }],
  tookHome: 1,
  interests: { volunteering: true, champion: false, panel: true },
};

const withContact = (contact: object) => ({ ...FULL, contact });

describe('logging a conversation', () => {
  it('takes a few choices, defaults the date to today, and shows in my tally', async () => {
    const { t, cookies, ids, walkId } = await setUp();
    const first = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      body: { placeKind: 'hub' },
    });
    expect(first.status, await first.clone().text()).toBe(201);
    expect(await first.json()).toMatchObject({
      loggedBy: ids.champion,
      day: TODAY,
      placeKind: 'hub',
      venue: null,
      ways: [],
      promoted: [],
      tookHome: 0,
      interests: { volunteering: false, champion: false, panel: false },
      contactKept: false,
    });
    const second = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      body: {
        ...FULL,
        promoted: [...FULL.promoted, { kind: 'session', key: walkId }],
        tookHome: 2,
      },
    });
    expect(second.status).toBe(201);
    // Someone else's conversation is not in my tally.
    await t.request('POST', '/api/conversations', { cookie: cookies.other, body: FULL });

    const mine = (await (
      await t.request('GET', '/api/conversations/today', { cookie: cookies.champion })
    ).json()) as MyConversations;
    expect(mine.day).toBe(TODAY);
    expect(mine.items).toHaveLength(2);
    expect(mine.tally).toEqual({
      conversations: 2,
      tookHome: 2,
      volunteering: 1,
      champion: 0,
      panel: 1,
    });

    const audit = (await (
      await t.request('GET', '/api/audit?kind=conversation', { cookie: cookies.admin })
    ).json()) as { items: { kind: string; actor: { role: string }; record: { title: string } }[] };
    expect(audit.items.map((e) => e.kind)).toEqual([
      'conversation.create',
      'conversation.create',
      'conversation.create',
    ]);
    expect(audit.items[0]?.actor.role).toBe('champion');
    expect(audit.items.map((e) => e.record.title)).toEqual([
      'Gorse Hill Community Hub',
      'Gorse Hill Community Hub',
      'a hub',
    ]);
  });

  it('lets staff and admins log one too, each as themselves', async () => {
    const { t, cookies, ids } = await setUp();
    const res = await t.request('POST', '/api/conversations', {
      cookie: cookies.staffA,
      body: FULL,
    });
    expect(await res.json()).toMatchObject({ loggedBy: ids.staffA });
    expect((await t.request('POST', '/api/conversations', { body: FULL })).status).toBe(401);
  });

  it('takes an earlier date within a month, never a future one', async () => {
    const { t, cookies } = await setUp();
    const at = (day: string) =>
      t.request('POST', '/api/conversations', { cookie: cookies.champion, body: { ...FULL, day } });
    expect((await at('2026-11-20')).status).toBe(201);
    for (const day of ['2026-11-24', '2026-10-01']) {
      const res = await at(day);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { issues: [{ path: 'day' }] } });
    }
  });
});

describe('correcting a conversation', () => {
  async function logged() {
    const s = await setUp();
    const res = await s.t.request('POST', '/api/conversations', {
      cookie: s.cookies.champion,
      body: FULL,
    });
    return { ...s, conversation: (await res.json()) as Conversation };
  }

  it('is open to its Champion the same day, and changes only what is sent', async () => {
    const { t, cookies, conversation } = await logged();
    const res = await t.request('PATCH', `/api/conversations/${conversation.id}`, {
      cookie: cookies.champion,
      body: { tookHome: 3, ways: ['give'] },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ ...FULL, tookHome: 3, ways: ['give'] });
  });

  it('is refused to anyone else, even an admin, and the next day to its Champion', async () => {
    const { t, cookies, ids, conversation } = await logged();
    const path = `/api/conversations/${conversation.id}`;
    for (const cookie of [cookies.other, cookies.staffA, cookies.admin]) {
      const before = dumpTables(t.db);
      const res = await t.request('PATCH', path, { cookie, body: { tookHome: 9 } });
      expect(res.status).toBe(403);
      expect(dumpTables(t.db)).toBe(before);
    }
    t.advance(DAY_MS);
    const nextDay = t.cookieFor(ids.champion);
    const late = await t.request('PATCH', path, {
      cookie: nextDay,
      body: { tookHome: 9 },
    });
    expect(late.status, await late.clone().text()).toBe(403);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(
      /on the day you logged them/,
    );
    const tomorrow = (await (
      await t.request('GET', '/api/conversations/today', { cookie: nextDay })
    ).json()) as MyConversations;
    expect(tomorrow.items).toEqual([]);
    expect(
      (await t.request('PATCH', '/api/conversations/999', { cookie: nextDay, body: {} })).status,
    ).toBe(404);
  });
});

describe('a resident’s contact', () => {
  it('is kept only with the consent box ticked, with the wording the service showed', async () => {
    const { t, cookies } = await setUp();
    for (const contact of [
      { name: RESIDENT.name, phone: RESIDENT.phone },
      { name: RESIDENT.name, phone: RESIDENT.phone, consent: false },
      { name: RESIDENT.name, phone: RESIDENT.phone, consent: 'yes' },
    ]) {
      const before = dumpTables(t.db);
      const res = await t.request('POST', '/api/conversations', {
        cookie: cookies.champion,
        body: withContact(contact),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { issues: [{ path: 'contact.consent' }] } });
      expect(dumpTables(t.db)).toBe(before);
    }
    const res = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      body: withContact({ ...RESIDENT, consent: true, consentWording: 'anything' }),
    });
    // The wording is the service's, never the client's: an extra field is refused.
    expect(res.status).toBe(400);
    const kept = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      body: withContact({ ...RESIDENT, email: 'ZQ.Resident@Example.net', consent: true }),
    });
    expect(kept.status, await kept.clone().text()).toBe(201);
    const conversation = (await kept.json()) as Conversation & Record<string, unknown>;
    expect(conversation.contactKept).toBe(true);
    expect(JSON.stringify(conversation)).not.toMatch(/Zebedee|07700|zq\.resident/i);

    const listed = await t.request('GET', '/api/champion-contacts', { cookie: cookies.admin });
    expect(await listed.json()).toMatchObject({
      items: [
        {
          conversationId: conversation.id,
          ...RESIDENT,
          interestedIn: ['volunteering', 'panel'],
          consentWording: CONTACT_CONSENT_WORDING,
          consentedAt: '2026-11-23T10:00:00.000Z',
          createdBy: { name: 'ali' },
        },
      ],
    });
    // The Champion who took it, other Champions and venue staff cannot read it back.
    for (const cookie of [cookies.champion, cookies.other, cookies.staffA]) {
      expect((await t.request('GET', '/api/champion-contacts', { cookie })).status).toBe(403);
      const mine = await t.request('GET', '/api/conversations/today', { cookie });
      expect(await mine.text()).not.toMatch(/Zebedee|07700|zq\.resident/i);
    }
    expect((await t.request('GET', '/api/champion-contacts')).status).toBe(401);
  });

  it('needs a phone number or email, and something the resident is interested in', async () => {
    const { t, cookies } = await setUp();
    const noWay = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      body: withContact({ name: RESIDENT.name, consent: true }),
    });
    expect(await noWay.json()).toMatchObject({ error: { issues: [{ path: 'contact.phone' }] } });
    const noInterest = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      body: {
        ...withContact({ ...RESIDENT, consent: true }),
        interests: { volunteering: false, champion: false, panel: false },
      },
    });
    expect(noInterest.status).toBe(400);
    expect(await noInterest.json()).toMatchObject({ error: { issues: [{ path: 'contact' }] } });
    expect(t.db.prepare('SELECT count(*) FROM champion_contacts').pluck().get()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM champion_conversations').pluck().get()).toBe(0);
  });

  it('is deleted for real on request, by an admin only, and the audit log keeps no personal data', async () => {
    const { t, cookies } = await setUp();
    const kept = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      body: withContact({ ...RESIDENT, consent: true }),
    });
    const conversation = (await kept.json()) as Conversation;
    const { items } = (await (
      await t.request('GET', '/api/champion-contacts', { cookie: cookies.admin })
    ).json()) as { items: { id: number }[] };
    const path = `/api/champion-contacts/${items[0]?.id ?? 0}`;
    for (const cookie of [cookies.champion, cookies.staffA]) {
      expect((await t.request('DELETE', path, { cookie })).status).toBe(403);
    }
    expect((await t.request('DELETE', path, { cookie: cookies.admin })).status).toBe(204);
    expect(t.db.prepare('SELECT count(*) FROM champion_contacts').pluck().get()).toBe(0);
    expect((await t.request('DELETE', path, { cookie: cookies.admin })).status).toBe(404);
    // The conversation's counts stay; it no longer has a contact.
    const mine = (await (
      await t.request('GET', '/api/conversations/today', { cookie: cookies.champion })
    ).json()) as MyConversations;
    expect(mine.items).toMatchObject([{ id: conversation.id, contactKept: false }]);

    const everything =
      dumpTables(t.db) + JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toMatch(/Zebedee|07700|zq\.resident/i);
    const audit = (await (
      await t.request('GET', '/api/audit?kind=champion-contact', { cookie: cookies.admin })
    ).json()) as { items: { kind: string; before: unknown; after: unknown }[] };
    expect(audit.items).toMatchObject([{ kind: 'champion-contact.delete', after: null }]);
  });
});

describe('hostile input', () => {
  const CASES: [string, unknown, string][] = [
    ['an unknown place', { placeKind: 'pub' }, 'placeKind'],
    ['no place', {}, 'placeKind'],
    ['a field it does not know', { placeKind: 'hub', note: 'free text' }, ''],
    ['a venue that is not there', { placeKind: 'hub', venue: 'nowhere' }, 'venue'],
    ['a venue that is not a slug', { placeKind: 'hub', venue: '<script>' }, 'venue'],
    ['a way that is not one', { placeKind: 'hub', ways: ['be-happy'] }, 'ways.0'],
    ['a way twice', { placeKind: 'hub', ways: ['give', 'give'] }, 'ways'],
    ['ways as text', { placeKind: 'hub', ways: 'give' }, 'ways'],
    ['six ways', { placeKind: 'hub', ways: Array.from({ length: 6 }, () => 'give') }, 'ways'],
    [
      'too many promoted',
      {
        placeKind: 'hub',
        promoted: Array.from({ length: 21 }, (_, i) => ({ kind: 'session', key: String(i + 1) })),
      },
      'promoted',
    ],
    [
      'a long list',
      {
        placeKind: 'hub',
        promoted: Array.from({ length: 1000 }, () => ({ kind: 'group', key: 'a' })),
      },
      'promoted',
    ],
    [
      'a group that is not there',
      { placeKind: 'hub', promoted: [{ kind: 'group', key: 'ghost' }] },
      'promoted.0',
    ],
    [
      'a session that is not there',
      { placeKind: 'hub', promoted: [{ kind: 'session', key: '999' }] },
      'promoted.0',
    ],
    [
      'a promoted kind it does not know',
      { placeKind: 'hub', promoted: [{ kind: 'venue', key: 'x' }] },
      'promoted.0.kind',
    ],
    [
      'a promoted key with SQL',
      { placeKind: 'hub', promoted: [{ kind: 'group', key: "x' OR 1=1 --" }] },
      'promoted.0.key',
    ],
    ['took home below 0', { placeKind: 'hub', tookHome: -1 }, 'tookHome'],
    ['took home too many', { placeKind: 'hub', tookHome: 51 }, 'tookHome'],
    ['took home a fraction', { placeKind: 'hub', tookHome: 1.5 }, 'tookHome'],
    ['took home as text', { placeKind: 'hub', tookHome: '3' }, 'tookHome'],
    [
      'an interest as text',
      { placeKind: 'hub', interests: { volunteering: 'yes', champion: false, panel: false } },
      'interests.volunteering',
    ],
    [
      'an unknown interest',
      {
        placeKind: 'hub',
        interests: { volunteering: true, champion: false, panel: false, money: true },
      },
      'interests.money',
    ],
    ['a date that is not one', { placeKind: 'hub', day: '2026-02-30' }, 'day'],
    [
      'a name too long',
      { ...FULL, contact: { name: 'x'.repeat(10_000), phone: '1', consent: true } },
      'contact.name',
    ],
    [
      'a phone with letters',
      { ...FULL, contact: { name: 'Z', phone: 'call me', consent: true } },
      'contact.phone',
    ],
    [
      'an email that is not one',
      { ...FULL, contact: { name: 'Z', email: 'nope', consent: true } },
      'contact.email',
    ],
    ['a list for a body', [FULL], ''],
    ['null for a body', null, ''],
  ];

  it.each(CASES)(
    'refuses %s with a 400 naming the field, storing nothing',
    async (_name, body, path) => {
      const { t, cookies } = await setUp();
      const before = dumpTables(t.db);
      const res = await t.request('POST', '/api/conversations', { cookie: cookies.champion, body });
      expect(res.status).toBe(400);
      const answer = (await res.json()) as {
        error: { message: string; issues: { path: string }[] };
      };
      expect(answer.error.message).toMatch(/\w/);
      if (path !== '') expect(answer.error.issues.map((i) => i.path)).toContain(path);
      expect(dumpTables(t.db)).toBe(before);
    },
  );

  it('refuses a body too big to read with a 413, storing nothing', async () => {
    const { t, cookies } = await setUp();
    const promoted = Array.from({ length: 100_000 }, () => ({ kind: 'group', key: 'a' }));
    const res = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      body: { placeKind: 'hub', promoted },
    });
    expect(res.status).toBe(413);
    expect(t.db.prepare('SELECT count(*) FROM champion_conversations').pluck().get()).toBe(0);
  });

  it('refuses broken JSON and a bad id with a 400, never a 500', async () => {
    const { t, cookies } = await setUp();
    const broken = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      rawBody: '{"placeKind":',
    });
    expect(broken.status).toBe(400);
    const badId = await t.request('PATCH', '/api/conversations/abc', {
      cookie: cookies.champion,
      body: {},
    });
    expect(badId.status).toBe(400);
    const patchUnknown = await t.request('PATCH', '/api/conversations/1', {
      cookie: cookies.champion,
      body: { day: TODAY },
    });
    expect(patchUnknown.status).toBe(400);
  });

  it('refuses another site posting with a Champion’s cookie', async () => {
    const { t, cookies } = await setUp();
    const res = await t.request('POST', '/api/conversations', {
      cookie: cookies.champion,
      body: FULL,
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(t.db.prepare('SELECT count(*) FROM champion_conversations').pluck().get()).toBe(0);
  });
});
