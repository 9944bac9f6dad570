// The public form attacked from outside: hostile fields, a filled honeypot, forms sent too fast,
// too late, forged or twice, and bursts. Whatever happens, nothing is published, nothing accepted
// is lost, and every refusal says what to do in plain English.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dumpTables, makeStaffTestApp } from '../test-support.ts';
import { createMemoryMailer } from './mailer.ts';
import { DEFAULT_SUGGESTION_RATE } from './rate-limit.ts';

const VALID = {
  language: 'en',
  name: 'Warndon Walkers',
  what: 'A gentle walk round the lakes, then tea.',
  where: 'Meet outside Warndon library',
  when: 'Thursdays at 10am',
  ways: ['be-active', 'connect'],
  groupContact: 'Pat, 07700 900123',
  groupAgreed: true,
  replyEmail: 'Resident@Example.org',
  website: '',
};

interface Envelope {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

function setUp(options: { perDay?: number } = {}) {
  const { mailer } = createMemoryMailer();
  const t = makeStaffTestApp({
    suggestions: { mailer, ...(options.perDay ? { perDay: options.perDay } : {}) },
  });
  async function formToken(): Promise<string> {
    const res = await t.request('GET', '/api/suggestions/form-token');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return ((await res.json()) as { token: string }).token;
  }
  /** Shows the form, waits as a person would, and sends it. */
  async function suggest(
    body: Record<string, unknown> = {},
    { address = '198.51.100.7', waitMs = 20_000 } = {},
  ) {
    const token = await formToken();
    t.advance(waitMs);
    return t.request('POST', '/api/suggestions', {
      body: { ...VALID, formToken: token, ...body },
      address,
    });
  }
  const rows = () =>
    t.db.prepare('SELECT * FROM group_suggestions ORDER BY id').all() as Record<string, unknown>[];
  const published = () => JSON.stringify(t.db.prepare('SELECT * FROM groups').all());
  return { t, formToken, suggest, rows, published };
}

describe('POST /api/suggestions', () => {
  it('keeps a suggestion as new, unpublished, with the email for the reply only', async () => {
    const { t, suggest, rows, published } = setUp();
    const groupsBefore = published();
    const res = await suggest();
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toEqual({ received: true });
    expect(rows()).toEqual([
      expect.objectContaining({
        source: 'public',
        language: 'en',
        name: 'Warndon Walkers',
        where_text: 'Meet outside Warndon library',
        when_text: 'Thursdays at 10am',
        ways: '["be-active","connect"]',
        group_contact: 'Pat, 07700 900123',
        reply_email: 'resident@example.org',
        status: 'new',
        created_by: null,
      }),
    ]);
    expect(published()).toBe(groupsBefore);
    const list = (await (await t.request('GET', '/api/groups')).json()) as {
      items: { name: string }[];
    };
    expect(list.items.map((g) => g.name)).not.toContain('Warndon Walkers');
  });

  it('takes every language the form is offered in, and no other', async () => {
    const { suggest, rows } = setUp();
    for (const language of ['pl', 'ro', 'ur']) {
      expect((await suggest({ language, name: `Group ${language}` })).status).toBe(201);
    }
    expect(rows().map((r) => r['language'])).toEqual(['pl', 'ro', 'ur']);
    const res = await suggest({ language: 'fr' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Envelope).error.issues[0]?.path).toBe('language');
  });

  it.each([
    ['an oversized name', { name: 'x'.repeat(121) }, 'name', /at most 120 characters/],
    ['an oversized description', { what: 'x'.repeat(1501) }, 'what', /at most 1500/],
    ['a name that is a number', { name: 42 }, 'name', /must be text/],
    ['ways that are not a list', { ways: 'connect' }, 'ways', /list/],
    ['a way that does not exist', { ways: ['be-rich'] }, 'ways.0', /Choose a way/],
    ['the same way twice', { ways: ['give', 'give'] }, 'ways', /each way once/],
    ['an empty name', { name: '   ' }, 'name', /please fill this in/],
    ['no where', { where: undefined }, 'where', /Where: please fill this in/],
    ['a line break in the name', { name: 'One\nTwo' }, 'name', /one line/],
    ['control characters', { when: 'Tue\u0007' }, 'when', /cannot be shown/],
    ['a bad email', { replyEmail: 'not an email' }, 'replyEmail', /email address/],
    ['a contact without the agreement tick', { groupAgreed: false }, 'groupAgreed', /tick the box/],
    ['an agreement that is not true or false', { groupAgreed: 'yes' }, 'groupAgreed', /true/],
    [
      'three links in one field',
      { what: 'http://a.example http://b.example www.c.example' },
      'what',
      /at most 2 web links/,
    ],
    [
      'four links in all',
      {
        what: 'https://a.example https://b.example',
        where: 'www.c.example',
        when: 'http://d.example',
      },
      'when',
      /at most 3 web links in the whole/,
    ],
    ['a field the form does not have', { price: '£1' }, 'price', /does not know/],
    ['a token that is not text', { formToken: 7 }, 'formToken', /reload the page/],
  ])('refuses %s with a 400 naming the field, keeping nothing', async (_, change, path, words) => {
    const { t, suggest, rows } = setUp();
    const before = dumpTables(t.db);
    const res = await suggest(change);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as Envelope;
    const issue = error.issues.find((i) => i.path === path);
    expect(issue?.message, JSON.stringify(error.issues)).toMatch(words);
    expect(error.message).toMatch(/\w/);
    expect(rows()).toEqual([]);
    expect(dumpTables(t.db)).toBe(before);
  });

  it('names every faulty field at once', async () => {
    const { suggest } = setUp();
    const res = await suggest({ name: '', what: '', where: 7, replyEmail: 'x' });
    const paths = ((await res.json()) as Envelope).error.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['name', 'replyEmail', 'what', 'where']);
  });

  it('refuses a body that is not JSON, or not an object, or too big', async () => {
    const { t, formToken } = setUp();
    await formToken();
    for (const rawBody of ['{"name":', '[1,2]', 'null']) {
      const res = await t.request('POST', '/api/suggestions', { rawBody });
      expect(res.status, rawBody).toBe(400);
    }
    const huge = await t.request('POST', '/api/suggestions', {
      body: { ...VALID, what: 'x'.repeat(2_000_000) },
    });
    expect(huge.status).toBe(413);
  });

  it('accepts no suggestion from another site (the same-origin rule)', async () => {
    const { t, formToken, rows } = setUp();
    const token = await formToken();
    t.advance(10_000);
    const res = await t.request('POST', '/api/suggestions', {
      body: { ...VALID, formToken: token },
      origin: 'https://elsewhere.example',
    });
    expect(res.status).toBe(403);
    expect(rows()).toEqual([]);
  });

  it('refuses a filled honeypot, kindly, and keeps nothing', async () => {
    const { suggest, rows } = setUp();
    const res = await suggest({ website: 'https://cheap-pills.example' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as Envelope;
    expect(error.code).toBe('not_accepted');
    expect(error.message).toMatch(/Leave this empty/);
    expect(error.issues).toEqual([{ path: 'website', message: 'Leave this field empty' }]);
    expect(rows()).toEqual([]);
  });

  it('refuses a form sent under 3 seconds after it was shown, and takes it a moment later', async () => {
    const { t, formToken, rows } = setUp();
    const token = await formToken();
    t.advance(2_900);
    const fast = await t.request('POST', '/api/suggestions', {
      body: { ...VALID, formToken: token },
    });
    expect(fast.status).toBe(400);
    expect(((await fast.json()) as Envelope).error).toMatchObject({
      code: 'too_fast',
      message: expect.stringMatching(/wait a few seconds/) as string,
    });
    expect(rows()).toEqual([]);
    t.advance(200);
    const again = await t.request('POST', '/api/suggestions', {
      body: { ...VALID, formToken: token },
    });
    expect(again.status).toBe(201);
  });

  it('refuses a form shown more than 2 hours ago', async () => {
    const { suggest, rows } = setUp();
    const res = await suggest({}, { waitMs: 2 * 60 * 60 * 1000 + 1000 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Envelope).error).toMatchObject({
      code: 'form_expired',
      message: expect.stringMatching(/more than 2 hours ago/) as string,
    });
    expect(rows()).toEqual([]);
  });

  it('refuses forged tokens: made up, altered, or signed with another secret', async () => {
    const { t, formToken, rows } = setUp();
    const token = await formToken();
    const [ms = '', nonce = '', signature = ''] = token.split('.');
    const earlier = String(Number(ms) - 60_000);
    const otherSecret = createHmac('sha256', 'not our secret')
      .update(`${ms}.${nonce}`)
      .digest('base64url');
    const forged = [
      '',
      'hello',
      `${earlier}.${nonce}.${signature}`,
      `${ms}.${'A'.repeat(16)}.${signature}`,
      `${ms}.${nonce}.${otherSecret}`,
      `${ms}.${nonce}.${signature}x`,
      `${token}.`,
    ];
    t.advance(10_000);
    for (const formToken of forged) {
      const res = await t.request('POST', '/api/suggestions', {
        body: { ...VALID, formToken },
        address: `203.0.113.${forged.indexOf(formToken) + 1}`,
      });
      expect(res.status, formToken).toBe(400);
      const { error } = (await res.json()) as Envelope;
      expect(error.code).toBe('form_token_invalid');
      expect(error.message).toMatch(/reload the page/);
    }
    expect(rows()).toEqual([]);
  });

  it('refuses the same form sent twice (a replay), keeping the first', async () => {
    const { t, formToken, rows } = setUp();
    const token = await formToken();
    t.advance(10_000);
    const body = { ...VALID, formToken: token };
    expect((await t.request('POST', '/api/suggestions', { body })).status).toBe(201);
    const replay = await t.request('POST', '/api/suggestions', {
      body: { ...body, name: 'Something else' },
      address: '203.0.113.99',
    });
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as Envelope).error.code).toBe('already_received');
    expect(rows().map((r) => r['name'])).toEqual(['Warndon Walkers']);
  });

  it('answers a burst of 50 from one address with 429s, keeping every accepted one and publishing none', async () => {
    const { t, formToken, rows, published } = setUp();
    const groupsBefore = published();
    const tokens = await Promise.all(Array.from({ length: 50 }, () => formToken()));
    t.advance(10_000);
    const answers = await Promise.all(
      tokens.map((token, i) =>
        t.request('POST', '/api/suggestions', {
          body: { ...VALID, formToken: token, name: `Burst group ${i}` },
          address: '198.51.100.50',
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    const accepted = statuses.filter((s) => s === 201).length;
    expect(accepted).toBe(DEFAULT_SUGGESTION_RATE.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - accepted);
    const refused = answers.find((r) => r.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused?.json()) as Envelope).error.message).toMatch(/wait a few minutes/);
    // Nothing lost: exactly the accepted ones are kept, each once.
    const acceptedNames = answers.flatMap((r, i) => (r.status === 201 ? [`Burst group ${i}`] : []));
    expect(rows().map((r) => r['name'])).toEqual(acceptedNames);
    expect(rows().every((r) => r['status'] === 'new')).toBe(true);
    expect(published()).toBe(groupsBefore);
    // Another address is not held up by it, and the first may try again later.
    expect(
      (
        await t.request('POST', '/api/suggestions', {
          body: { ...VALID, formToken: tokens[49] },
          address: '198.51.100.51',
        })
      ).status,
    ).toBe(201);
    t.advance(DEFAULT_SUGGESTION_RATE.windowMs);
    const later = await t.request('POST', '/api/suggestions', {
      body: { ...VALID, formToken: tokens[48] },
      address: '198.51.100.50',
    });
    expect(later.status).toBe(201);
  });

  it('pauses the form once a day’s suggestions wait unread, and opens again as they are read', async () => {
    const { t, suggest, rows } = setUp({ perDay: 3 });
    for (let i = 0; i < 3; i++) {
      expect((await suggest({ name: `Group ${i}` }, { address: `192.0.2.${i + 10}` })).status).toBe(
        201,
      );
    }
    const full = await suggest({ name: 'One too many' }, { address: '192.0.2.40' });
    expect(full.status).toBe(429);
    expect(((await full.json()) as Envelope).error).toMatchObject({
      code: 'too_many_today',
      message: expect.stringMatching(/try again tomorrow/) as string,
    });
    expect(rows()).toHaveLength(3);
    t.advance(24 * 60 * 60 * 1000);
    expect((await suggest({ name: 'Next day' }, { address: '192.0.2.41' })).status).toBe(201);
  });
});
