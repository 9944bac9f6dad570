import { PrintSheetSchema, type PrintSheet } from '@fiveways/shared';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { writeMeta } from '../meta/meta.queries.ts';
import { makeFixture, openTestDb, testShellRoot } from '../test-support.ts';

const FONTS = new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname;

/** The first page's size in points and its text, read by pdf.js (an independent reader). */
async function readPdf(
  bytes: ArrayBuffer,
): Promise<{ width: number; height: number; text: string; title: unknown }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: FONTS })
    .promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  const text = content.items
    .map((item) => ('str' in item ? item.str : ''))
    .join(' ')
    .replace(/\s+/g, ' ');
  const { info } = await pdf.getMetadata();
  const [, , width = 0, height = 0] = page.view;
  const title = typeof info === 'object' && info !== null && 'Title' in info ? info.Title : null;
  expect(pdf.numPages).toBe(1);
  return { width, height, text, title };
}

/** The fixture with sessions in the four weeks after Monday 23 November 2026. */
function makeSoonFixture() {
  const data = makeFixture();
  const [walk, talk, course, clinic] = data.sessions;
  if (!walk || !talk || !course || !clinic) throw new Error('the fixture has four sessions');
  Object.assign(walk, {
    startDate: '2026-11-24',
    exceptions: [
      { date: '2026-12-01', kind: 'cancelled', reason: 'Bad weather' },
      { date: '2026-12-08', kind: 'changed', venueSlug: 'rainbow-hill-hub' },
    ],
  });
  Object.assign(talk, { startDate: '2026-11-04', venue: 'gorse-hill-hub' });
  Object.assign(course, { startDate: '2027-10-21' });
  Object.assign(clinic, { startDate: '2026-11-27' });
  return data;
}

function makeApp(options: { now?: string; data?: unknown } = {}) {
  const db = openTestDb(options.data ?? makeSoonFixture());
  const app = createApp({
    db,
    clock: () => new Date(options.now ?? '2026-11-23T10:00:00.000Z'),
    publicUrl: 'https://fiveways.example.org',
    staticRoot: testShellRoot(),
  });
  return { db, app };
}

async function sheetOf(app: ReturnType<typeof makeApp>['app'], path: string): Promise<PrintSheet> {
  const res = await app.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return PrintSheetSchema.parse(await res.json());
}

describe('GET /api/print/{kind}/{key}.pdf', () => {
  it.each([
    ['ways', 'be-active', 'a4', 'Be Active', 'fiveways.example.org/w/be-active/p', 595.28],
    ['ways', 'connect', 'a3', 'Connect', 'fiveways.example.org/w/connect/p', 841.89],
    ['ways', 'give', 'a5', 'Give', 'fiveways.example.org/w/give/f', 419.53],
    [
      'venues',
      'gorse-hill-hub',
      'a4',
      'Gorse Hill Community Hub',
      'fiveways.example.org/h/gorse-hill-hub/p',
      595.28,
    ],
    ['areas', 'warndon', 'a5', 'Warndon', 'fiveways.example.org/a/warndon/f', 419.53],
    [
      'groups',
      'walking-for-health',
      'a3',
      'Walking for Health',
      'fiveways.example.org/g/walking-for-health/p',
      841.89,
    ],
    [
      'week',
      'gorse-hill-hub',
      'a4',
      'This week at Gorse Hill Community Hub',
      'fiveways.example.org/h/gorse-hill-hub/s',
      595.28,
    ],
  ])(
    '%s/%s on %s: one page of that size with its title and short address',
    async (kind, key, size, title, address, width) => {
      const { app } = makeApp();
      const res = await app.request(`/api/print/${kind}/${key}.pdf?size=${size}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toMatch(
        /^inline; filename="[a-z0-9-]+\.pdf"$/,
      );
      const pdf = await readPdf(await res.arrayBuffer());
      expect(pdf.width).toBeCloseTo(width, 1);
      expect(pdf.height).toBeCloseTo(width * Math.SQRT2, -1);
      expect(pdf.text).toContain(title);
      expect(pdf.text.replace(/ /g, '')).toContain(address);
      expect(pdf.text).toContain('Five Ways Worcester');
      expect(pdf.title).toBe(`${title} · Five Ways Worcester`);
    },
  );

  it("lists what's on, with no cancelled or moved-away date, and says where each happens", async () => {
    const { app } = makeApp();
    const res = await app.request('/api/print/ways/be-active.pdf');
    const { text } = await readPdf(await res.arrayBuffer());
    expect(text).toContain('Walk and Talk');
    // 1 December is cancelled and left off; 8 December moved to Rainbow Hill.
    expect(text).toContain('Tuesdays 24 Nov, 15 Dec · 10:00–11:00 · Gorse Hill Community Hub');
    expect(text).toContain('Tuesday 8 Dec · 10:00–11:00 · Rainbow Hill Community Hub');
    expect(text).not.toContain('1 Dec');
  });

  it('says so kindly when a way has nothing in the next four weeks', async () => {
    const { app } = makeApp();
    const { text } = await readPdf(
      await (await app.request('/api/print/ways/take-notice.pdf')).arrayBuffer(),
    );
    expect(text).toContain('Nothing is planned for the next four weeks yet');
    expect(text.replace(/ /g, '')).toContain('fiveways.example.org/w/take-notice/p');
  });

  it('carries the sample-data mark only when the directory is the sample data', async () => {
    const sample = makeApp();
    const marked = await readPdf(
      await (await sample.app.request('/api/print/ways/connect.pdf')).arrayBuffer(),
    );
    expect(marked.text).toContain('Sample data');
    const real = makeApp();
    writeMeta(real.db, 'sample_data', '0');
    const plain = await readPdf(
      await (await real.app.request('/api/print/ways/connect.pdf')).arrayBuffer(),
    );
    expect(plain.text).not.toContain('Sample data');
  });

  it('fits a very long group name and description without losing the address', async () => {
    const data = makeSoonFixture();
    const group = data.groups[0];
    if (group === undefined) throw new Error('the fixture has groups');
    group.name =
      'Walking for Health: gentle led walks around Gorse Hill and Tolladine for anyone who wants to get out more';
    Object.assign(group, { description: 'A '.repeat(400) + 'walk.' });
    const { app } = makeApp({ data });
    for (const size of ['a3', 'a4', 'a5']) {
      const res = await app.request(`/api/print/groups/walking-for-health.pdf?size=${size}`);
      const { text } = await readPdf(await res.arrayBuffer());
      expect(text).toContain('Walking for Health: gentle led walks');
      expect(text.replace(/ /g, '')).toContain('/g/walking-for-health/');
    }
  });

  it('answers again with 304 while nothing changed, and makes a new PDF after a change', async () => {
    const { app } = makeApp();
    const first = await app.request('/api/print/ways/connect.pdf');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.request('/api/print/ways/connect.pdf', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const a3 = await app.request('/api/print/ways/connect.pdf?size=a3');
    expect(a3.headers.get('etag')).not.toBe(etag);
  });

  it.each([
    ['/api/print/ways/not-a-way.pdf', 404, 'way to wellbeing'],
    ['/api/print/venues/nowhere.pdf', 404, 'venue'],
    ['/api/print/areas/nowhere.pdf', 404, 'area'],
    ['/api/print/groups/nobody.pdf', 404, 'group'],
    ['/api/print/week/nowhere.pdf', 404, 'venue'],
    ['/api/print/sessions/1.pdf', 404, 'print of that kind'],
    ['/api/print/ways/be-active.docx', 404, 'way to wellbeing'],
    ['/api/print/ways/..%2f..%2fetc.pdf', 404, 'way to wellbeing'],
    ['/api/print/ways/Be-Active.pdf', 404, 'way to wellbeing'],
    ['/api/print/ways/be-active.pdf?size=letter', 400, 'size'],
  ])('%s is a %i naming the %s', async (path, status, words) => {
    const { app } = makeApp();
    const res = await app.request(path);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain(words);
  });
});

describe('GET /api/print/{kind}/{key}.json', () => {
  it("gives the print view the same words as the PDF, with the flyer's source", async () => {
    const { app } = makeApp();
    const sheet = await sheetOf(app, '/api/print/groups/walking-for-health.json?size=a5');
    expect(sheet).toMatchObject({
      format: 'flyer',
      title: 'Walking for Health',
      ways: ['be-active', 'connect'],
      colour: '#1f5c2e',
      shortUrl: 'https://fiveways.example.org/g/walking-for-health/f',
      writtenUrl: 'fiveways.example.org/g/walking-for-health/f',
      sampleData: true,
      from: '2026-11-23',
      to: '2026-12-20',
      empty: null,
    });
    expect(sheet.sections[0]?.items).toEqual([
      {
        title: 'Walk and Talk',
        when: 'Tuesdays 24 Nov, 15 Dec · 10:00–11:00',
        place: 'Gorse Hill Community Hub',
      },
      {
        title: 'Walk and Talk',
        when: 'Tuesday 8 Dec · 10:00–11:00',
        place: 'Rainbow Hill Community Hub',
      },
    ]);
  });

  it('lists the week at a hub day by day, leaving off what has ended', async () => {
    // Wednesday 25 November, 16:30: Time to Talk (14:00–16:00) has ended today.
    const { app } = makeApp({ now: '2026-11-25T16:30:00.000Z' });
    const sheet = await sheetOf(app, '/api/print/week/gorse-hill-hub.json');
    expect(sheet.format).toBe('sheet');
    expect(sheet.subtitle).toBe('25 November to 1 December');
    expect(sheet.shortUrl).toBe('https://fiveways.example.org/h/gorse-hill-hub/s');
    // Tuesday 1 December's walk is cancelled, so only Friday's clinic is left.
    expect(sheet.sections.map((s) => s.heading)).toEqual(['Friday 27 November']);
    const { app: earlier } = makeApp({ now: '2026-11-25T15:00:00.000Z' });
    const before = await sheetOf(earlier, '/api/print/week/gorse-hill-hub.json');
    expect(before.sections[0]).toEqual({
      heading: 'Wednesday 25 November',
      items: [{ title: 'Time to Talk', when: '14:00–16:00', place: '' }],
    });
  });

  it('takes A4 when no size is given', async () => {
    const { app } = makeApp();
    const sheet = await sheetOf(app, '/api/print/ways/connect.json');
    expect(sheet).toMatchObject({ size: 'a4', format: 'poster' });
  });
});
