// What every answer of the whole app carries, walked over its success and error paths: the
// security headers always, and `Cache-Control: no-store` on everything private.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { PasswordHasher } from '../auth/password.ts';
import {
  createTestApp,
  makeStaffTestApp,
  openTestDb,
  testClock,
  VENUE_A,
} from '../test-support.ts';

const CHEAP: PasswordHasher = {
  hash: (password) => Promise.resolve(`plain$${password}`),
  verify: (password, stored) => Promise.resolve(stored === `plain$${password}`),
};

function expectSecurityHeaders(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('permissions-policy'), what).toContain('camera=()');
}

/** A body of `bytes` bytes sent as a stream with no Content-Length (chunked on the wire). */
function streamOf(bytes: number): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes).fill(0x20));
      controller.close();
    },
  });
}

describe('every answer', () => {
  it('carries the security headers, on every error path too', async () => {
    const t = makeStaffTestApp({ passwords: CHEAP });
    const { cookies } = await t.createPeople();
    const answers: [string, number, Response][] = [];
    const note = async (what: string, status: number, res: Response | Promise<Response>) =>
      answers.push([what, status, await res]);

    await note('health', 200, t.request('GET', '/api/health'));
    const list = await t.request('GET', '/api/sessions');
    await note(
      'not modified',
      304,
      t.request('GET', '/api/sessions', {
        headers: { 'if-none-match': list.headers.get('etag') ?? '' },
      }),
    );
    await note(
      'not JSON',
      400,
      t.request('POST', '/api/sessions', {
        cookie: cookies.admin,
        rawBody: '{"title":',
      }),
    );
    await note(
      'invalid field',
      400,
      t.request('POST', '/api/areas', {
        cookie: cookies.admin,
        body: { slug: 'Not A Slug', name: 'x' },
      }),
    );
    await note('not logged in', 401, t.request('GET', '/api/auth/me'));
    await note(
      'wrong password',
      401,
      t.request('POST', '/api/auth/login', {
        body: { email: 'a@example.org', password: 'not the password' },
      }),
    );
    await note(
      'cross-origin',
      403,
      t.request('POST', '/api/sessions', {
        origin: 'https://evil.example',
      }),
    );
    await note('not an admin', 403, t.request('GET', '/api/users', { cookie: cookies.staffA }));
    await note('no such API path', 404, t.request('GET', '/api/nothing-here'));
    await note('no such session', 404, t.request('GET', '/api/sessions/9999'));
    await note('no such feed', 404, t.request('GET', '/feeds/venue-nowhere.ics'));
    await note('no such asset', 404, t.request('GET', '/assets/missing-123.js'));
    await note(
      'slug taken',
      409,
      t.request('POST', '/api/areas', {
        cookie: cookies.admin,
        body: { slug: 'warndon', name: 'Warndon again' },
      }),
    );
    await note(
      'too large, with a length',
      413,
      t.request('POST', '/api/sessions', {
        cookie: cookies.admin,
        rawBody: 'x'.repeat(64 * 1024 + 1),
      }),
    );
    await note(
      'too large, streamed',
      413,
      t.app.request('/api/sessions', {
        method: 'POST',
        headers: { origin: t.publicUrl, cookie: cookies.admin, 'transfer-encoding': 'chunked' },
        body: streamOf(64 * 1024 + 1),
        duplex: 'half',
      }),
    );
    for (let i = 0; i < 5; i++) {
      await t.request('POST', '/api/auth/login', {
        body: { email: 'b@example.org', password: `guess ${i}` },
        address: `198.51.100.${i}`,
      });
    }
    await note(
      'too many attempts',
      429,
      t.request('POST', '/api/auth/login', {
        body: { email: 'b@example.org', password: 'one more guess' },
      }),
    );

    // A failure that was not meant: the database has gone away under the app.
    const broken = createTestApp({ db: openTestDb() });
    broken.db.close();
    await note('server error', 500, broken.app.request('/api/venues'));
    const unbuilt = createApp({
      db: openTestDb(),
      clock: testClock,
      publicUrl: 'http://localhost:8787',
      staticRoot: join(tmpdir(), 'fiveways-no-such-build'),
    });
    await note('front end not built', 503, unbuilt.request('/'));

    for (const [what, status, res] of answers) {
      expect(res.status, what).toBe(status);
      expectSecurityHeaders(res, what);
    }
  });
});

describe('Cache-Control: no-store', () => {
  it('is on every authenticated or secret-bearing answer, and on every write', async () => {
    const t = makeStaffTestApp({ passwords: CHEAP });
    const { ids, cookies } = await t.createPeople();
    t.db.prepare('UPDATE users SET password_hash = ?').run(await CHEAP.hash('a passphrase'));
    const created = await t.request('POST', '/api/users', {
      cookie: cookies.admin,
      body: { email: 'new@example.org', name: 'New', venues: [VENUE_A] },
    });
    const token = ((await created.clone().json()) as { link: string }).link.split('/').at(-1);
    const privateAnswers: [string, Response][] = [
      [
        'login',
        await t.request('POST', '/api/auth/login', {
          body: { email: 'a@example.org', password: 'a passphrase' },
        }),
      ],
      [
        'failed login',
        await t.request('POST', '/api/auth/login', {
          body: { email: 'a@example.org', password: 'wrong' },
        }),
      ],
      ['me', await t.request('GET', '/api/auth/me', { cookie: cookies.staffA })],
      ['not logged in', await t.request('GET', '/api/auth/me')],
      ['users', await t.request('GET', '/api/users', { cookie: cookies.admin })],
      ['new account and its link', created],
      [
        'reset link',
        await t.request('POST', `/api/users/${ids.staffB}/reset`, {
          cookie: cookies.admin,
        }),
      ],
      ['invite link looked at', await t.request('GET', `/api/auth/invite/${token ?? ''}`)],
      ['audit', await t.request('GET', '/api/audit', { cookie: cookies.admin })],
      [
        'unchecked groups',
        await t.request('GET', '/api/staff/groups/unchecked', {
          cookie: cookies.staffA,
        }),
      ],
      [
        'session write',
        await t.request('PATCH', '/api/sessions/1', {
          cookie: cookies.staffA,
          body: { title: 'Walk and Talk Twice' },
        }),
      ],
      [
        'refused write',
        await t.request('PATCH', '/api/sessions/2', {
          cookie: cookies.staffA,
          body: { title: 'Not mine' },
        }),
      ],
      ['logout', await t.request('POST', '/api/auth/logout', { cookie: cookies.staffB })],
    ];
    for (const [what, res] of privateAnswers) {
      expect(res.status, what).toBeLessThan(500);
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
    // Public reads keep their own caching.
    const publicRead = await t.request('GET', '/api/sessions', { cookie: cookies.staffA });
    expect(publicRead.headers.get('cache-control')).not.toBe('no-store');
  });
});
