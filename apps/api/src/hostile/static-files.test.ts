// Path traversal on the front end's static files: nothing outside the folder is ever served.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support.ts';
import { BAD_PERCENT, PATH_TRAVERSAL, hostileUrlPart } from './hostile-input.ts';

const top = mkdtempSync(join(tmpdir(), 'fiveways-static-'));
const root = join(top, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk shell</title>');
writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log("app")');
// Files beside and above the served folder that must never leak.
writeFileSync(join(top, 'secret.txt'), 'TOP-SECRET-BESIDE');
writeFileSync(join(top, 'secret.txt.ics'), 'TOP-SECRET-ICS');
afterAll(() => rmSync(top, { recursive: true, force: true }));

const { app } = createTestApp({ staticRoot: root });

async function expectNoLeak(url: string): Promise<void> {
  const res = await app.request(url);
  expect(res.status, url).toBeLessThan(500);
  const body = await res.text();
  expect(body, url).not.toMatch(/TOP-SECRET|root:x:0:0|\[fonts\]/);
}

describe('static files under hostile paths', () => {
  it('serves the shell and hashed assets', async () => {
    const asset = await app.request('/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await app.request('/')).text()).toContain('kiosk shell');
  });

  it('never serves a file from outside its folder, whatever the encoding', async () => {
    const prefixes = ['/', '/assets/', '/assets/../', '/kiosk/', '/feeds/', '/api/'];
    for (const prefix of prefixes) {
      for (const attack of [...PATH_TRAVERSAL, ...BAD_PERCENT.map((p) => `${p}/../secret.txt`)]) {
        await expectNoLeak(`${prefix}${attack}`);
      }
    }
  });

  it('never serves a file from outside its folder for random junk paths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(hostileUrlPart, fc.constantFrom('..', '.%2e', '%2e%2e', 'secret.txt')), {
          minLength: 1,
          maxLength: 6,
        }),
        async (segments) => expectNoLeak(`/${segments.join('/')}`),
      ),
      { numRuns: 300 },
    );
  });
});
