// The print kit end to end: each PDF is rendered in Chromium by pdf.js, its QR code decoded with
// jsQR and followed to the page it names, and the visit is counted; the staff print page is
// looked at (screenshots) and printed by the browser at the chosen paper size.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { londonDateOf } from '@fiveways/shared';
import { openDb } from '@fiveways/api/src/db/open-db.ts';
import { expect, test, type Page } from '@playwright/test';
import type JsQr from 'jsqr';
import type * as PdfJs from 'pdfjs-dist';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { E2E_DATABASE_PATH } from './playwright.config.ts';
import { AXE_TAGS, expectNoOverflow, logInAdmin, originOf } from './staff-helpers.ts';

/** Screenshots are written to docs/ only when SCREENSHOTS=1, so a test run leaves the checkout clean. */
function shotAt(path: string): { path?: string } {
  return process.env.SCREENSHOTS ? { path } : {};
}

const SHOTS = new URL('../docs/screenshots/print/', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const PDFJS = dirname(require.resolve('pdfjs-dist/package.json'));
const JSQR = require.resolve('jsqr/dist/jsQR.js');

/** Files served to the check page from this package's node_modules, under one made-up path. */
const CHECK = '/__print-check/';
const CHECK_FILES: Record<string, { file: string; type: string }> = {
  'pdf.mjs': { file: join(PDFJS, 'build/pdf.mjs'), type: 'text/javascript' },
  'pdf.worker.mjs': { file: join(PDFJS, 'build/pdf.worker.mjs'), type: 'text/javascript' },
  'jsQR.js': { file: JSQR, type: 'text/javascript' },
};

/** Loads jsQR (a classic script) and pdf.js (a module), and says when both are there. */
const CHECK_PAGE = `<!doctype html><html lang="en"><title>PDF check</title><body style="margin:0">
<script src="${CHECK}jsQR.js"></script>
<script type="module">
  import * as pdfjs from '${CHECK}pdf.mjs';
  pdfjs.GlobalWorkerOptions.workerSrc = '${CHECK}pdf.worker.mjs';
  window.pdfjsLib = pdfjs;
</script></body></html>`;

/**
 * A blank page of the service's origin (so the PDF is fetched as any page would) that can load
 * pdf.js and jsQR; the server never sees these paths, Playwright answers them.
 */
async function openCheckPage(page: Page, base: string) {
  await page.route(`${base}${CHECK}**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(CHECK.length);
    if (name === '') {
      await route.fulfill({
        contentType: 'text/html',
        body: CHECK_PAGE,
      });
      return;
    }
    const font = /^standard_fonts\/([\w.-]+)$/.exec(name)?.[1];
    const served =
      font === undefined
        ? CHECK_FILES[name]
        : { file: join(PDFJS, 'standard_fonts', font), type: 'application/octet-stream' };
    if (served === undefined) await route.fulfill({ status: 404, body: '' });
    else await route.fulfill({ contentType: served.type, body: readFileSync(served.file) });
  });
  await page.goto(`${base}${CHECK}`);
  await page.waitForFunction(() => 'pdfjsLib' in window && 'jsQR' in window);
}

interface Rendered {
  qr: string | null;
  width: number;
  height: number;
  png: string;
}

/** Renders the PDF's first page onto a canvas with pdf.js and decodes the QR code on it. */
async function renderAndDecode(page: Page, pdfPath: string, scale: number): Promise<Rendered> {
  return page.evaluate(
    async ({ pdfPath, scale, check }) => {
      const loaded = window as unknown as {
        pdfjsLib: typeof PdfJs;
        jsQR: typeof JsQr;
      };
      const pdfjs = loaded.pdfjsLib;
      const pdf = await pdfjs.getDocument({
        url: pdfPath,
        standardFontDataUrl: `${check}standard_fonts/`,
      }).promise;
      const pdfPage = await pdf.getPage(1);
      const viewport = pdfPage.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      document.body.replaceChildren(canvas);
      await pdfPage.render({ canvas, viewport }).promise;
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2D canvas');
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = loaded.jsQR(image.data, image.width, image.height);
      return {
        qr: found?.data ?? null,
        width: canvas.width,
        height: canvas.height,
        png: canvas.toDataURL('image/png'),
      };
    },
    { pdfPath, scale, check: CHECK },
  );
}

function savePng(name: string, dataUrl: string) {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(
    join(SHOTS, name),
    Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'),
  );
}

/** Visits counted today for a short-link target and source, read from the server's database. */
function visitsToday(target: string, source: string): number {
  if (E2E_DATABASE_PATH === undefined) throw new Error('E2E_DATABASE_PATH is not set');
  const db = openDb(E2E_DATABASE_PATH);
  try {
    const row = db
      .prepare('SELECT visits FROM short_link_visits WHERE day = ? AND target = ? AND source = ?')
      .get(londonDateOf(new Date()), target, source) as { visits: number } | undefined;
    return row?.visits ?? 0;
  } finally {
    db.close();
  }
}

const PRINTS = [
  {
    path: '/api/print/ways/be-active.pdf?size=a4',
    short: '/w/be-active/p',
    page: '/follow/ways/be-active',
    heading: 'Follow Be Active',
    target: 'way:be-active',
    source: 'poster',
    shot: 'pdf-way-be-active-a4-poster.png',
  },
  {
    path: '/api/print/areas/warndon.pdf?size=a3',
    short: '/a/warndon/p',
    page: '/follow/areas/warndon',
    heading: 'Follow Warndon',
    target: 'area:warndon',
    source: 'poster',
    shot: 'pdf-area-warndon-a3-poster.png',
  },
  {
    path: '/api/print/groups/time-to-talk.pdf?size=a5',
    short: '/g/time-to-talk/f',
    page: '/follow/groups/time-to-talk',
    heading: 'Follow Time to Talk',
    target: 'group:time-to-talk',
    source: 'flyer',
    shot: 'pdf-group-time-to-talk-a5-flyer.png',
  },
  {
    path: '/api/print/week/warndon-community-hub.pdf?size=a4',
    short: '/h/warndon-community-hub/s',
    page: '/follow/venues/warndon-community-hub',
    heading: 'Follow Warndon Community Hub',
    target: 'venue:warndon-community-hub',
    source: 'sheet',
    shot: 'pdf-week-warndon-community-hub-a4-sheet.png',
  },
] as const;

test.describe('printed posters and flyers', () => {
  for (const print of PRINTS) {
    test(`${print.path}: its QR code, read from the rendered page, leads to ${print.page} and is counted`, async ({
      page,
      baseURL,
    }) => {
      const base = originOf(baseURL);
      await openCheckPage(page, base);
      const rendered = await renderAndDecode(page, print.path, 1.5);
      expect(rendered.qr).toBe(`${base}${print.short}`);
      savePng(print.shot, rendered.png);

      const before = visitsToday(print.target, print.source);
      await page.goto(rendered.qr ?? '');
      await expect(page).toHaveURL(`${base}${print.page}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(print.heading);
      expect(visitsToday(print.target, print.source)).toBe(before + 1);
    });
  }

  test('a short address typed in capitals from paper works the same', async ({ page, baseURL }) => {
    const base = originOf(baseURL);
    const before = visitsToday('way:give', 'flyer');
    await page.goto(`${base}/W/GIVE/F`);
    await expect(page).toHaveURL(`${base}/follow/ways/give`);
    expect(visitsToday('way:give', 'flyer')).toBe(before + 1);
    const missing = await page.goto(`${base}/w/no-such-way/p`);
    expect(missing?.status()).toBe(404);
  });
});

test.describe('the staff print page', () => {
  for (const viewport of [
    { width: 1280, height: 800, name: 'desktop' },
    { width: 390, height: 844, name: 'phone' },
  ]) {
    test(`shows the poster and prints it on the chosen paper (${viewport.name})`, async ({
      browser,
      baseURL,
    }) => {
      const context = await browser.newContext({
        baseURL: originOf(baseURL),
        viewport: { width: viewport.width, height: viewport.height },
      });
      await logInAdmin(context.request, baseURL);
      const page = await context.newPage();
      await page.goto('/staff/print');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Posters and flyers' }),
      ).toBeVisible();
      await expect(page.getByRole('link', { name: 'Print', exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
      const sheet = page.getByRole('article', { name: /Connect: A4 poster/ });
      await expect(sheet).toBeVisible();
      await expect(sheet.getByRole('heading', { name: 'Connect' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
        'href',
        '/api/print/ways/connect.pdf?size=a4',
      );
      await page.screenshot({
        ...shotAt(join(SHOTS, `print-page-way-a4-${viewport.name}.png`)),
        fullPage: viewport.name === 'phone',
      });

      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations).toEqual([]);
      // The largest paper still fits the screen: the preview shrinks it.
      await page.getByLabel('Paper').selectOption('a3');
      await expect(page.getByRole('article', { name: /A3 poster/ })).toBeVisible();
      await expectNoOverflow(page, `the print page with an A3 poster at ${viewport.width} px`);

      // A group with a long name, on an A5 flyer.
      await page.getByLabel('What it is about').selectOption('groups');
      await page.getByLabel('Group').selectOption('little-explorers');
      await page.getByLabel('Paper').selectOption('a5');
      await expect(page.getByRole('article', { name: /A5 flyer/ })).toBeVisible();
      await page.screenshot({
        ...shotAt(join(SHOTS, `print-page-group-a5-${viewport.name}.png`)),
        fullPage: viewport.name === 'phone',
      });

      // The browser prints the sheet alone on A5.
      const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pdf = await getDocument({ data: new Uint8Array(printed) }).promise;
      const first = await pdf.getPage(1);
      const [, , width = 0, height = 0] = first.view;
      expect(pdf.numPages).toBe(1);
      // A5 is 419.5 × 595.3 points; Chromium rounds the page to whole points.
      expect(Math.abs(width - 419.5)).toBeLessThan(1);
      expect(Math.abs(height - 595.3)).toBeLessThan(1);
      const words = (await first.getTextContent()).items.map((i) => ('str' in i ? i.str : ''));
      expect(words.join(' ')).toContain('Little Explorers parent and toddler group');
      expect(words.join(' ')).not.toContain('Posters and flyers');
      await context.close();
    });
  }

  test('the week sheet of a hub', async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      baseURL: originOf(baseURL),
      viewport: { width: 1280, height: 800 },
    });
    await logInAdmin(context.request, baseURL);
    const page = await context.newPage();
    await page.goto('/staff/print');
    await page.getByLabel('What it is about').selectOption('week');
    await page.getByLabel('Hub or venue').selectOption('warndon-community-hub');
    const sheet = page.getByRole('article', { name: /This week at Warndon Community Hub/ });
    await expect(sheet).toBeVisible();
    await page.screenshot({ ...shotAt(join(SHOTS, 'print-page-week-a4-desktop.png')) });
    await context.close();
  });
});
