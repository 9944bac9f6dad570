import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { createLogger } from '../ops/logger.ts';
import { openTestDb, testClock } from '../test-support.ts';
import { countUsers } from './users.queries.ts';
import { DEMO_ADMIN_EMAIL, prepareFirstLogin } from './first-run.ts';

function capture() {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l), clock: testClock });
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log, parsed };
}

const BASE = { publicUrl: 'http://localhost:8787' };

describe('the first login', () => {
  it('with the sample data on and no account, makes a demo admin and prints its password once', async () => {
    const db = openTestDb();
    const { log, parsed } = capture();
    const outcome = await prepareFirstLogin(
      db,
      { ...BASE, demoData: true, admin: null },
      log,
      testClock,
    );
    expect(outcome).toBe('demo-admin');
    const [line] = parsed();
    expect(line?.['level']).toBe('warn');
    const msg = String(line?.['msg']);
    expect(msg).toMatch(/^DEMO ONLY: /);
    expect(msg).toContain(`email ${DEMO_ADMIN_EMAIL}`);
    expect(msg).toContain('http://localhost:8787/staff');
    const password = /password (\S+) /.exec(msg)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const row = db
      .prepare('SELECT name, role, password_hash AS hash FROM users WHERE email = ?')
      .get(DEMO_ADMIN_EMAIL) as { name: string; role: string; hash: string };
    expect([row.name, row.role]).toEqual(['Demo admin', 'admin']);
    expect(await verifyPassword(password, row.hash)).toBe(true);

    // Started again: nothing new, and the password is never printed again.
    const again = capture();
    expect(
      await prepareFirstLogin(db, { ...BASE, demoData: true, admin: null }, again.log, testClock),
    ).toBe('has-accounts');
    expect(again.parsed()).toEqual([]);
    expect(countUsers(db)).toBe(1);
  });

  it('two demo starts choose different passwords', async () => {
    const passwords = [];
    for (let i = 0; i < 2; i++) {
      const { log, parsed } = capture();
      await prepareFirstLogin(
        openTestDb(),
        { ...BASE, demoData: true, admin: null },
        log,
        testClock,
      );
      passwords.push(/password (\S+) /.exec(String(parsed()[0]?.['msg']))?.[1]);
    }
    expect(passwords[0]).not.toEqual(passwords[1]);
  });

  it('with the sample data off and no account, says how to create an admin and creates none', async () => {
    const db = openTestDb();
    const { log, parsed } = capture();
    expect(
      await prepareFirstLogin(db, { ...BASE, demoData: false, admin: null }, log, testClock),
    ).toBe('no-account');
    const msg = String(parsed()[0]?.['msg']);
    expect(msg).toContain('ADMIN_EMAIL');
    expect(msg).toContain('ADMIN_PASSWORD');
    expect(msg).toContain('pnpm --filter @fiveways/api admin');
    expect(countUsers(db)).toBe(0);
  });

  it('takes ADMIN_EMAIL/ADMIN_PASSWORD over a demo admin', async () => {
    const db = openTestDb();
    const { log, parsed } = capture();
    expect(
      await prepareFirstLogin(
        db,
        {
          ...BASE,
          demoData: true,
          admin: { email: 'boss@example.org', password: 'a long admin passphrase' },
        },
        log,
        testClock,
      ),
    ).toBe('admin-from-settings');
    expect(parsed().map((l) => l['msg'])).toEqual(['created the first admin account']);
    expect(db.prepare('SELECT email FROM users').all()).toEqual([{ email: 'boss@example.org' }]);
  });
});

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Starts the service as `pnpm start` does; resolves with its log lines once it listens. */
async function startService(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the service did not start')), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const part of parts) {
        const line = JSON.parse(part) as Record<string, unknown>;
        lines.push(line);
        if (line['msg'] === 'listening') {
          clearTimeout(timer);
          done();
        }
      }
    });
    child.once('exit', (code) => fail(new Error(`the service stopped (${String(code)})`)));
  });
  return { lines, stop: () => child.kill('SIGTERM') };
}

describe('a first start of the service', () => {
  it('with DEMO_DATA=on prints a demo login that works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fiveways-first-run-'));
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const service = await startService({
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      DATABASE_PATH: join(dir, 'db.sqlite'),
      DEMO_DATA: 'on',
    });
    try {
      const demo = service.lines.find((l) => String(l['msg']).startsWith('DEMO ONLY'));
      const password = /password (\S+) /.exec(String(demo?.['msg']))?.[1] ?? '';
      const res = await fetch(`${publicUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: publicUrl },
        body: JSON.stringify({ email: DEMO_ADMIN_EMAIL, password }),
      });
      expect(res.status).toBe(204);
    } finally {
      service.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);

  it('with DEMO_DATA=off and no admin says how to create one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fiveways-first-run-'));
    const port = await freePort();
    const service = await startService({
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_PATH: join(dir, 'db.sqlite'),
      DEMO_DATA: 'off',
    });
    try {
      const messages = service.lines.map((l) => String(l['msg']));
      expect(messages.some((m) => m.includes('ADMIN_EMAIL and ADMIN_PASSWORD'))).toBe(true);
      expect(messages.some((m) => m.startsWith('DEMO ONLY'))).toBe(false);
    } finally {
      service.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
