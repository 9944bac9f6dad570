// The session page as a crawler that runs no script reads it: the shell, a title and the JSON-LD.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { fillShell } from '../http/static.ts';
import { makeStaffTestApp, openTestDb, testClock, VENUE_A } from '../test-support.ts';
import { checkEventRichResult, readJsonLd } from './event-rich-result.ts';

const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Five Ways to Wellbeing in Worcester</title>
  </head>
  <body><div id="app"></div></body>
</html>
`;

function shellRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'fiveways-pages-'));
  writeFileSync(join(root, 'index.html'), SHELL);
  return root;
}

describe('a session page from the server', () => {
  it('carries its Event JSON-LD in the head, valid for an Event rich result', async () => {
    const app = createApp({
      db: openTestDb(),
      clock: testClock,
      publicUrl: 'https://fiveways.example.org',
      staticRoot: shellRoot(),
    });
    const res = await app.request('/sessions/1');
    expect(res.status).toBe(200);
    const html = await res.text();
    const head = html.slice(0, html.indexOf('</head>'));
    const [event, ...more] = readJsonLd(head);
    expect(more).toEqual([]);
    expect(checkEventRichResult(event)).toEqual([]);
    expect(event).toMatchObject({
      name: 'Walk and Talk',
      url: 'https://fiveways.example.org/sessions/1',
      startDate: '2027-03-02T10:00:00+00:00',
      endDate: '2027-03-02T11:00:00+00:00',
      eventSchedule: { byDay: ['https://schema.org/Tuesday'], repeatFrequency: 'P1W' },
      organizer: { name: 'Walking for Health' },
    });
    expect(head).toContain('<title>Walk and Talk · Five Ways Worcester</title>');
  });

  it('keeps hostile titles and descriptions inside their script and title', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const title = '</script><script>alert(1)</script> & <b>';
    const created = await t.request('POST', '/api/sessions', {
      cookie: cookies.admin,
      body: {
        title,
        venue: VENUE_A,
        ways: ['give'],
        startDate: '2027-03-02',
        startTime: '10:00',
        endTime: '11:00',
        description: '<!-- --> </title><script>x()</script>',
      },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const html = await (await t.request('GET', `/sessions/${id}`)).text();
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(
      '<title>&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#60;b&#62; · Five Ways Worcester</title>',
    );
    const [event] = readJsonLd(html);
    expect(event).toMatchObject({
      name: title,
      description: '<!-- --> </title><script>x()</script>',
    });
  });

  it('has no JSON-LD for an archived session, whose page still opens', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    expect((await t.request('DELETE', '/api/sessions/1', { cookie: cookies.admin })).status).toBe(
      204,
    );
    const res = await t.request('GET', '/sessions/1');
    expect(res.status).toBe(200);
    expect(readJsonLd(await res.text())).toEqual([]);
  });
});

describe('a phone page asked for in another language', () => {
  it('says its language and direction on <html>, and a session is titled in it where translated', async () => {
    const db = openTestDb();
    db.prepare('UPDATE sessions SET translations = ? WHERE id = 1').run(
      JSON.stringify({ ur: { title: 'چہل قدمی اور گپ شپ', summary: '' } }),
    );
    const app = createApp({
      db,
      clock: testClock,
      publicUrl: 'https://fiveways.example.org',
      staticRoot: shellRoot(),
    });
    const urdu = await (await app.request('/sessions/1?lang=ur')).text();
    expect(urdu).toContain('<html lang="ur" dir="rtl">');
    expect(urdu).toContain('<title>چہل قدمی اور گپ شپ · Five Ways Worcester</title>');
    const polish = await (await app.request('/subscribe?lang=pl')).text();
    expect(polish).toContain('<html lang="pl" dir="ltr">');
    // Polish has no translation of this title: the English one stays.
    const session = await (await app.request('/sessions/1?lang=pl')).text();
    expect(session).toContain('<title>Walk and Talk · Five Ways Worcester</title>');
    // Anything else asked for is the shell as built.
    for (const path of ['/subscribe?lang=xx', '/subscribe?lang="><script>', '/kiosk?lang=ur']) {
      const html = await (await app.request(path)).text();
      expect(html, path).not.toMatch(/<html lang="(?!en")/);
      expect(html, path).not.toContain('<script>"');
    }
  });
});

describe('a follow page from the server', () => {
  it('opens for a calendar that exists, named in its title, and is a 404 for one that does not', async () => {
    const app = createApp({
      db: openTestDb(),
      clock: testClock,
      publicUrl: 'https://fiveways.example.org',
      staticRoot: shellRoot(),
    });
    const titles: Record<string, string> = {
      '/follow/all': 'Follow All sessions · Five Ways Worcester',
      '/follow/ways/be-active': 'Follow Be Active · Five Ways Worcester',
      '/follow/venues/gorse-hill-hub': 'Follow Gorse Hill Community Hub · Five Ways Worcester',
      '/follow/areas/warndon': 'Follow Warndon · Five Ways Worcester',
      '/follow/groups/walking-for-health': 'Follow Walking for Health · Five Ways Worcester',
      '/follow/sessions/1': 'Follow Walk and Talk · Five Ways Worcester',
    };
    for (const [path, title] of Object.entries(titles)) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain(`<title>${title}</title>`);
    }
    for (const path of [
      '/follow/ways/swimming',
      '/follow/venues/atlantis',
      '/follow/areas/atlantis',
      '/follow/groups/nobody',
      '/follow/sessions/99999',
      '/follow/sessions/abc',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe(SHELL);
    }
  });
});

describe('fillShell', () => {
  it('puts the title in place and the head markup before </head>', () => {
    const html = fillShell(SHELL, { status: 200, title: 'A & B', head: '<meta name="x" />' });
    expect(html).toContain('<title>A &#38; B</title>');
    expect(html).toMatch(/<meta name="x" \/>\n {2}<\/head>/);
    expect(fillShell(SHELL, { status: 404 })).toBe(SHELL);
  });
});
