// The login throttle as attackers meet it: bursts sent at once, strangers failing from the same
// address as the owner, a proxy in front. The password checks are counted through the hasher the
// app is given.
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { makeStaffTestApp, TEST_PASSWORD, VENUE_A, type StaffTestApp } from '../test-support.ts';
import { insertUser } from '../users/users.queries.ts';
import { SCRYPT_PASSWORDS, type PasswordHasher } from './password.ts';

/** The real scrypt hasher, counting how many password checks reach it. */
function countingScrypt() {
  const counter = { verified: 0 };
  const passwords: PasswordHasher = {
    hash: SCRYPT_PASSWORDS.hash,
    verify: (password, stored) => {
      counter.verified += 1;
      return SCRYPT_PASSWORDS.verify(password, stored);
    },
  };
  return { counter, passwords };
}

/** A hasher that costs nothing, for tests that send many attempts one after another. */
const CHEAP: PasswordHasher = {
  hash: (password) => Promise.resolve(`plain$${password}`),
  verify: (password, stored) => Promise.resolve(stored === `plain$${password}`),
};

interface Attempt {
  status: number;
  setCookie: string[];
}

/** The app on a real socket on 127.0.0.1, so the throttle sees a real peer address. */
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((done) => s.close(() => done()))),
  );
});

async function listen(t: StaffTestApp) {
  const listener = getRequestListener(t.app.fetch);
  const server = createServer((req, res) => void listener(req, res));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return function logIn(
    email: string,
    password: string,
    headers: Record<string, string> = {},
  ): Promise<Attempt> {
    const body = JSON.stringify({ email, password });
    return new Promise<Attempt>((done, fail) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/auth/login',
          method: 'POST',
          agent: false,
          headers: {
            origin: t.publicUrl,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            ...headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [] }),
          );
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  };
}

/** The `name=value` of the cookie called `name` among Set-Cookie headers. */
function cookieNamed(setCookie: readonly string[], name: string): string {
  const line = setCookie.find((c) => c.startsWith(`${name}=`)) ?? '';
  return line.split(';')[0] ?? '';
}

async function addCheapUser(t: StaffTestApp, email: string, role: 'admin' | 'staff') {
  return insertUser(
    t.db,
    {
      email,
      name: email,
      role,
      venues: role === 'staff' ? [VENUE_A] : [],
      passwordHash: await CHEAP.hash(TEST_PASSWORD),
    },
    t.clock().toISOString(),
  );
}

describe('a burst of guesses sent at once', () => {
  it('lets at most five reach the password check, and the right password sent with them is refused', async () => {
    const { counter, passwords } = countingScrypt();
    const t = makeStaffTestApp({ passwords });
    await t.createUser('ann@example.org', 'staff', [VENUE_A]);
    const logIn = await listen(t);
    // All from one address, whose own limit (20) is above the account's (5).
    const guesses = Array.from({ length: 40 }, (_, i) =>
      logIn('ann@example.org', `guess number ${i}`),
    );
    const right = logIn('ann@example.org', TEST_PASSWORD);
    const answers = await Promise.all([...guesses, right]);
    const statuses = answers.map((a) => a.status);
    expect(counter.verified).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(36);
    expect(statuses.at(-1)).toBe(429);
    expect(t.db.prepare('SELECT count(*) AS n FROM auth_sessions').get()).toEqual({ n: 0 });
  });

  it('counts a check that failed with an error as a failed attempt', async () => {
    let checks = 0;
    const broken: PasswordHasher = {
      hash: CHEAP.hash,
      verify: () => {
        checks += 1;
        return Promise.reject(new Error('out of memory for scrypt'));
      },
    };
    const t = makeStaffTestApp({ passwords: broken });
    await addCheapUser(t, 'ann@example.org', 'staff');
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/api/auth/login', {
        body: { email: 'ann@example.org', password: TEST_PASSWORD },
      });
      expect(res.status).toBe(500);
    }
    const sixth = await t.request('POST', '/api/auth/login', {
      body: { email: 'ann@example.org', password: TEST_PASSWORD },
    });
    expect(sixth.status).toBe(429);
    expect(checks).toBe(5);
  });
});

describe('strangers failing cannot lock the owner out', () => {
  it('lets the admin in from a browser that logged in before, after twenty made-up emails and five wrong guesses from the same address', async () => {
    const t = makeStaffTestApp({ passwords: CHEAP });
    await addCheapUser(t, 'admin@example.org', 'admin');
    const logIn = await listen(t);
    const first = await logIn('admin@example.org', TEST_PASSWORD);
    expect(first.status).toBe(204);
    const known = cookieNamed(first.setCookie, 'fw_device');
    expect(known).toMatch(/^fw_device=[A-Za-z0-9_-]{43}$/);

    for (let i = 0; i < 20; i++) {
      expect((await logIn(`made-up-${i}@example.org`, 'wrong guess here')).status).toBe(401);
    }
    for (let i = 0; i < 5; i++) {
      expect([401, 429]).toContain((await logIn('admin@example.org', `wrong guess ${i}`)).status);
    }
    // A stranger at the same address (or behind the same proxy) is refused…
    expect((await logIn('admin@example.org', TEST_PASSWORD)).status).toBe(429);
    // …but the admin's own browser is not.
    const back = await logIn('admin@example.org', TEST_PASSWORD, { cookie: known });
    expect(back.status).toBe(204);
    expect(cookieNamed(back.setCookie, 'fw_session')).toMatch(/^fw_session=./);
  });

  it("does not count another account's known-browser cookie as the owner's", async () => {
    const t = makeStaffTestApp({ passwords: CHEAP });
    await addCheapUser(t, 'ann@example.org', 'staff');
    await addCheapUser(t, 'bob@example.org', 'staff');
    const bobs = await t.request('POST', '/api/auth/login', {
      body: { email: 'bob@example.org', password: TEST_PASSWORD },
    });
    const cookie = cookieNamed(bobs.headers.getSetCookie(), 'fw_device');
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/api/auth/login', {
        body: { email: 'ann@example.org', password: `guess ${i}` },
        cookie,
        address: `198.51.100.${i}`,
      });
      expect(res.status).toBe(401);
    }
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'ann@example.org', password: TEST_PASSWORD },
      cookie,
    });
    expect(res.status).toBe(429);
  });
});

describe('the known-browser cookie', () => {
  it('is HttpOnly, SameSite=Strict, sent only to the login endpoint, kept a year and stored hashed', async () => {
    const t = makeStaffTestApp({ publicUrl: 'https://fiveways.example.org', passwords: CHEAP });
    const id = await addCheapUser(t, 'ann@example.org', 'staff');
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'ann@example.org', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(204);
    const line = res.headers.getSetCookie().find((c) => c.startsWith('fw_device=')) ?? '';
    expect(line).toContain('HttpOnly');
    expect(line).toContain('SameSite=Strict');
    expect(line).toContain('Path=/api/auth/login');
    expect(line).toContain('Max-Age=31536000');
    expect(line).toContain('Secure');
    const token = (line.split(';')[0] ?? '').slice('fw_device='.length);
    const rows = t.db.prepare('SELECT id, user_id FROM login_devices').all();
    expect(rows).toEqual([{ id: createHash('sha256').update(token).digest('hex'), user_id: id }]);

    // Logging in again from that browser keeps it, rather than piling up new ones.
    const again = await t.request('POST', '/api/auth/login', {
      body: { email: 'ann@example.org', password: TEST_PASSWORD },
      cookie: `fw_device=${token}`,
    });
    expect(again.status).toBe(204);
    expect(cookieNamed(again.headers.getSetCookie(), 'fw_device')).toBe(`fw_device=${token}`);
    expect(t.db.prepare('SELECT count(*) AS n FROM login_devices').get()).toEqual({ n: 1 });
  });

  it('is forgotten when the password is changed or reset', async () => {
    const t = makeStaffTestApp({ passwords: CHEAP });
    const { ids, cookies } = await t.createPeople();
    // createPeople's accounts have a real scrypt hash; give staff A a cheap one to log in with.
    t.db
      .prepare('UPDATE users SET password_hash = ? WHERE id = ?')
      .run(await CHEAP.hash(TEST_PASSWORD), ids.staffA);
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'a@example.org', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(204);
    const count = () =>
      t.db.prepare('SELECT count(*) AS n FROM login_devices WHERE user_id = ?').get(ids.staffA) as {
        n: number;
      };
    expect(count().n).toBe(1);
    const changed = await t.request('POST', '/api/auth/password', {
      cookie: cookies.staffA,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(changed.status).toBe(204);
    expect(count().n).toBe(0);

    await t.request('POST', '/api/auth/login', {
      body: { email: 'a@example.org', password: 'a brand new passphrase' },
    });
    expect(count().n).toBe(1);
    const reset = await t.request('POST', `/api/users/${ids.staffA}/reset`, {
      cookie: cookies.admin,
    });
    const token = ((await reset.json()) as { link: string }).link.split('/').at(-1) ?? '';
    const used = await t.request('POST', `/api/auth/invite/${token}`, {
      body: { password: 'a third passphrase here' },
    });
    expect(used.status).toBe(204);
    expect(count().n).toBe(0);
  });
});

describe('the client address', () => {
  async function twentyFailures(
    logIn: Awaited<ReturnType<typeof listen>>,
    forwarded: (i: number) => string,
  ) {
    for (let i = 0; i < 20; i++) {
      const res = await logIn(`made-up-${i}@example.org`, 'wrong guess here', {
        'x-forwarded-for': forwarded(i),
      });
      expect(res.status).toBe(401);
    }
  }

  it('is the socket peer without TRUSTED_PROXY: X-Forwarded-For cannot spread guesses', async () => {
    const t = makeStaffTestApp({ passwords: CHEAP });
    await addCheapUser(t, 'ann@example.org', 'staff');
    const logIn = await listen(t);
    await twentyFailures(logIn, (i) => `203.0.113.${i}`);
    const next = await logIn('ann@example.org', TEST_PASSWORD, {
      'x-forwarded-for': '203.0.113.200',
    });
    expect(next.status).toBe(429);
  });

  it('comes from X-Forwarded-For when the peer is the trusted proxy', async () => {
    const t = makeStaffTestApp({ passwords: CHEAP, trustedProxies: ['127.0.0.1'] });
    await addCheapUser(t, 'ann@example.org', 'staff');
    const logIn = await listen(t);
    await twentyFailures(logIn, () => '203.0.113.7');
    // That client is refused; another client behind the same proxy is not.
    const same = await logIn('ann@example.org', TEST_PASSWORD, {
      'x-forwarded-for': '203.0.113.7',
    });
    expect(same.status).toBe(429);
    // What a client writes left of the proxy's own entry is not believed.
    const spoofed = await logIn('ann@example.org', TEST_PASSWORD, {
      'x-forwarded-for': '192.0.2.55, 203.0.113.7',
    });
    expect(spoofed.status).toBe(429);
    const other = await logIn('ann@example.org', TEST_PASSWORD, {
      'x-forwarded-for': '203.0.113.8',
    });
    expect(other.status).toBe(204);
  });
});
