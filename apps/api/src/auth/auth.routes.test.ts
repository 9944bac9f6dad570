import { ApiErrorSchema, MeSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { dumpTables, makeStaffTestApp, TEST_PASSWORD, VENUE_A } from '../test-support.ts';
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS } from './logins.queries.ts';

const HOUR = 60 * 60 * 1000;

async function login(
  t: ReturnType<typeof makeStaffTestApp>,
  email: string,
  password = TEST_PASSWORD,
  address = '192.0.2.1',
) {
  const res = await t.request('POST', '/api/auth/login', { body: { email, password }, address });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  return { res, setCookie, cookie };
}

async function errorOf(res: Response) {
  return ApiErrorSchema.parse(await res.json()).error;
}

describe('logging in', () => {
  it('answers 204 with an HttpOnly, SameSite=Lax login cookie, not Secure over http', async () => {
    const t = makeStaffTestApp();
    await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    const { res, setCookie, cookie } = await login(t, 'Ann@Example.org');
    expect(res.status).toBe(204);
    expect(setCookie).toMatch(/^fw_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const me = await t.request('GET', '/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(MeSchema.parse(await me.json())).toMatchObject({
      email: 'ann@example.org',
      role: 'staff',
      venues: [VENUE_A],
    });
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const t = makeStaffTestApp({ publicUrl: 'https://fiveways.example.org' });
    await t.createUser('ann@example.org', 'admin');
    const { res, setCookie } = await login(t, 'ann@example.org');
    expect(res.status).toBe(204);
    expect(setCookie).toContain('Secure');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('gives the same 401 for a wrong password, an unknown email and a disabled account', async () => {
    const t = makeStaffTestApp();
    const id = await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    await t.createUser('off@example.org', 'staff', [VENUE_A]);
    t.db.prepare("UPDATE users SET disabled = 1 WHERE email = 'off@example.org'").run();
    const answers = [
      await login(t, 'ann@example.org', 'wrong password!'),
      await login(t, 'nobody@example.org'),
      await login(t, 'off@example.org'),
    ];
    const messages = new Set<string>();
    for (const { res, setCookie } of answers) {
      expect(res.status).toBe(401);
      expect(setCookie).toBe('');
      messages.add((await errorOf(res)).message);
    }
    expect(messages.size).toBe(1);
    expect(t.db.prepare('SELECT count(*) AS n FROM auth_sessions').get()).toEqual({ n: 0 });
    expect(id).toBeGreaterThan(0);
  });

  it('refuses a login without its fields or with unknown ones, naming them', async () => {
    const t = makeStaffTestApp();
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'a@example.org', password: 1, admin: true },
    });
    expect(res.status).toBe(400);
    const paths = (await errorOf(res)).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['password', 'admin']));
    const notJson = await t.request('POST', '/api/auth/login', { rawBody: '{"email":' });
    expect(notJson.status).toBe(400);
  });
});

describe('logins', () => {
  it('end after eight idle hours, but not while in use', async () => {
    const t = makeStaffTestApp();
    await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    const { cookie } = await login(t, 'ann@example.org');
    t.advance(IDLE_LIMIT_MS - HOUR);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
    t.advance(IDLE_LIMIT_MS - HOUR);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
    t.advance(IDLE_LIMIT_MS);
    const res = await t.request('GET', '/api/auth/me', { cookie });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('not_logged_in');
  });

  it('end seven days after logging in however busy', async () => {
    const t = makeStaffTestApp();
    await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    const { cookie } = await login(t, 'ann@example.org');
    let elapsed = 0;
    while (elapsed + 6 * HOUR < ABSOLUTE_LIMIT_MS) {
      t.advance(6 * HOUR);
      elapsed += 6 * HOUR;
      expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
    }
    t.advance(ABSOLUTE_LIMIT_MS - elapsed);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('end at logout: the old cookie no longer works', async () => {
    const t = makeStaffTestApp();
    await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    const { cookie } = await login(t, 'ann@example.org');
    const out = await t.request('POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/fw_session=;.*Max-Age=0/);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('end when the account is disabled', async () => {
    const t = makeStaffTestApp();
    const id = await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    const cookie = t.cookieFor(id);
    t.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(id);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('ignore a made-up or oversized cookie', async () => {
    const t = makeStaffTestApp();
    for (const cookie of ['fw_session=abc', `fw_session=${'x'.repeat(5000)}`]) {
      expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
    }
  });
});

describe('changing a password', () => {
  it('needs the current password and a long enough new one, naming the field', async () => {
    const t = makeStaffTestApp();
    const id = await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    const cookie = t.cookieFor(id);
    const wrong = await t.request('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
    });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).issues[0]?.path).toBe('currentPassword');
    const short = await t.request('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    const issue = (await errorOf(short)).issues[0];
    expect(issue?.path).toBe('newPassword');
    expect(issue?.message).toMatch(/at least 10 characters/);
  });

  it('logs out other browsers, keeps this one, and the new password works', async () => {
    const t = makeStaffTestApp();
    await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    const here = (await login(t, 'ann@example.org')).cookie;
    const elsewhere = (await login(t, 'ann@example.org')).cookie;
    const res = await t.request('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(res.status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    expect((await login(t, 'ann@example.org')).res.status).toBe(401);
    expect((await login(t, 'ann@example.org', 'a brand new passphrase')).res.status).toBe(204);
  });
});

describe('invite links', () => {
  it('let the new person set a password once, then stop working', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const created = await t.request('POST', '/api/users', {
      cookie: cookies.admin,
      body: { email: 'New@Example.org', name: 'New Person', venues: [VENUE_A] },
    });
    expect(created.status).toBe(201);
    const invite = (await created.json()) as { link: string; user: { passwordSet: boolean } };
    expect(invite.link).toMatch(/^http:\/\/localhost:8787\/staff\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(invite.user.passwordSet).toBe(false);
    const token = invite.link.split('/').at(-1) ?? '';
    expect((await login(t, 'new@example.org', '')).res.status).toBe(401);

    const look = await t.request('GET', `/api/auth/invite/${token}`);
    expect(await look.json()).toEqual({
      email: 'new@example.org',
      name: 'New Person',
      purpose: 'invite',
    });
    const short = await t.request('POST', `/api/auth/invite/${token}`, {
      body: { password: 'short' },
    });
    expect(short.status).toBe(400);

    const accept = await t.request('POST', `/api/auth/invite/${token}`, {
      body: { password: 'my own passphrase' },
    });
    expect(accept.status).toBe(204);
    const cookie = (accept.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(200);

    const again = await t.request('POST', `/api/auth/invite/${token}`, {
      body: { password: 'someone elses passphrase' },
    });
    expect(again.status).toBe(404);
    expect((await errorOf(again)).message).toMatch(/used already|72 hours/);
    expect((await login(t, 'new@example.org', 'my own passphrase')).res.status).toBe(204);
    expect((await login(t, 'new@example.org', 'someone elses passphrase')).res.status).toBe(401);
  });

  it('expire after 72 hours, and a reset link replaces the old one', async () => {
    const t = makeStaffTestApp();
    const { cookies, ids } = await t.createPeople();
    const first = await t.request('POST', `/api/users/${ids.staffB}/reset`, {
      cookie: cookies.admin,
    });
    const firstToken = ((await first.json()) as { link: string }).link.split('/').at(-1) ?? '';
    const second = await t.request('POST', `/api/users/${ids.staffB}/reset`, {
      cookie: cookies.admin,
    });
    const secondToken = ((await second.json()) as { link: string }).link.split('/').at(-1) ?? '';
    expect((await t.request('GET', `/api/auth/invite/${firstToken}`)).status).toBe(404);
    expect((await t.request('GET', `/api/auth/invite/${secondToken}`)).status).toBe(200);
    t.advance(72 * HOUR);
    const late = await t.request('POST', `/api/auth/invite/${secondToken}`, {
      body: { password: 'too late passphrase' },
    });
    expect(late.status).toBe(404);
  });
});

describe('reset links', () => {
  it('stop working once the password is changed another way', async () => {
    const t = makeStaffTestApp();
    const { cookies, ids } = await t.createPeople();
    const reset = await t.request('POST', `/api/users/${ids.staffB}/reset`, {
      cookie: cookies.admin,
    });
    const token = ((await reset.json()) as { link: string }).link.split('/').at(-1) ?? '';
    expect((await t.request('GET', `/api/auth/invite/${token}`)).status).toBe(200);
    const changed = await t.request('POST', '/api/auth/password', {
      cookie: cookies.staffB,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'only I know this one' },
    });
    expect(changed.status).toBe(204);
    expect((await t.request('GET', `/api/auth/invite/${token}`)).status).toBe(404);
    const used = await t.request('POST', `/api/auth/invite/${token}`, {
      body: { password: 'whoever holds the link' },
    });
    expect(used.status).toBe(404);
    expect((await login(t, 'b@example.org', 'only I know this one')).res.status).toBe(204);
  });
});

describe('login throttling', () => {
  it('answers 429 with Retry-After after five failures for one account, even for the right password', async () => {
    const t = makeStaffTestApp();
    await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    for (let i = 0; i < 5; i++) {
      expect(
        (await login(t, 'ann@example.org', `guess number ${i}`, `198.51.100.${i}`)).res.status,
      ).toBe(401);
    }
    const { res } = await login(t, 'ann@example.org', TEST_PASSWORD, '198.51.100.99');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const error = await errorOf(res);
    expect(error.code).toBe('too_many_attempts');
    expect(error.message).toMatch(/Too many failed attempts.*wait 15 minutes/);
    t.advance(15 * 60 * 1000);
    expect((await login(t, 'ann@example.org', TEST_PASSWORD, '198.51.100.99')).res.status).toBe(
      204,
    );
  });

  it('answers 429 to an address that fails twenty times across accounts, not to others', async () => {
    const t = makeStaffTestApp();
    await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    for (let i = 0; i < 20; i++) {
      await login(t, `person${i}@example.org`, 'wrong guess here', '203.0.113.7');
    }
    expect((await login(t, 'ann@example.org', TEST_PASSWORD, '203.0.113.7')).res.status).toBe(429);
    expect((await login(t, 'ann@example.org', TEST_PASSWORD, '203.0.113.8')).res.status).toBe(204);
    // Twenty real scrypt checks take seconds on a small machine: the suite's 60 s limit applies.
  });
});

describe('protection', () => {
  it('refuses a cross-origin POST even with a valid cookie, and changes nothing', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    const body = {
      title: 'Sneaky',
      venue: VENUE_A,
      ways: ['give'],
      startDate: '2027-01-05',
      startTime: '10:00',
      endTime: '11:00',
    };
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: null },
      { origin: null, headers: { 'sec-fetch-site': 'cross-site' } },
      { origin: null, headers: { referer: 'https://evil.example/form' } },
    ]) {
      const res = await t.request('POST', '/api/sessions', {
        cookie: cookies.admin,
        body,
        ...headers,
      });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('cross_origin');
    }
    expect(dumpTables(t.db)).toBe(before);
    const fromOwnPage = await t.request('POST', '/api/sessions', {
      cookie: cookies.admin,
      body,
      origin: null,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(fromOwnPage.status).toBe(201);
  });

  it('refuses a cross-origin login and logout', async () => {
    const t = makeStaffTestApp();
    await t.createUser('ann@example.org', 'admin');
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'ann@example.org', password: TEST_PASSWORD },
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('sets the security headers on every response, HSTS only over https', async () => {
    const t = makeStaffTestApp();
    for (const res of [
      await t.request('GET', '/api/health'),
      await t.request('GET', '/api/nothing-here'),
      await t.request('GET', '/api/auth/me'),
      await t.request('POST', '/api/sessions', { origin: 'https://evil.example' }),
    ]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('takes a body of 64 KiB and refuses one byte more with 413 payload_too_large', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const bodyOf = (bytes: number) => {
      const frame = JSON.stringify({ title: '' });
      return JSON.stringify({ title: 'x'.repeat(bytes - frame.length) });
    };
    const limit = await t.request('POST', '/api/sessions', {
      cookie: cookies.admin,
      rawBody: bodyOf(64 * 1024),
    });
    // Read and judged on its fields: a title that long is refused by name.
    expect(limit.status).toBe(400);
    expect((await errorOf(limit)).issues.map((i) => i.path)).toContain('title');
    const over = await t.request('POST', '/api/sessions', {
      cookie: cookies.admin,
      rawBody: bodyOf(64 * 1024 + 1),
    });
    expect(over.status).toBe(413);
    expect(await errorOf(over)).toEqual({
      code: 'payload_too_large',
      message: 'The request body is too large: send at most 64 KiB',
      issues: [{ path: 'body', message: 'must be at most 65536 bytes' }],
    });
  });
});
