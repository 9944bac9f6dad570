// The insights page in a real browser: counts seeded straight into the server's database (no
// public endpoint writes them yet), read back in the tables with small counts hidden, the chart
// drawn from the lazily loaded library, the summary copied, and axe clean at laptop and phone size.
// SCREENSHOTS=1 also writes docs/screenshots/staff-insights-*.png.
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { openDb } from '@fiveways/api/src/db/open-db.ts';
import { addDays, addMonths, londonDateOf } from '@fiveways/shared';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATABASE_PATH } from './playwright.config.ts';
import { AXE_TAGS, logInAdmin } from './staff-helpers.ts';

const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const HUB = 'warndon-community-hub';

/** Last month, whole: its first and last days. */
function lastMonth(): { from: string; to: string; label: string } {
  const first = addMonths(`${londonDateOf(new Date()).slice(0, 7)}-01`, -1);
  const to = addDays(addMonths(first, 1), -1);
  const label = new Intl.DateTimeFormat('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${first}T12:00:00Z`));
  return { from: first, to, label };
}

test.beforeAll(() => {
  const { from } = lastMonth();
  const day = (n: number) => addDays(from, n);
  const db = openDb(E2E_DATABASE_PATH);
  try {
    const kiosk = db.prepare(
      'INSERT OR REPLACE INTO kiosk_daily (day, venue, event, detail, count) VALUES (?, ?, ?, ?, ?)',
    );
    for (let n = 0; n < 28; n++) {
      kiosk.run(day(n), HUB, 'visit', '', 6);
      kiosk.run(day(n), HUB, 'way', 'connect', 5);
    }
    kiosk.run(day(3), HUB, 'way', 'be-active', 2);
    kiosk.run(day(10), HUB, 'way', 'give', 9);
    kiosk.run(
      day(3),
      HUB,
      'zero-results',
      'way=be-active;day=every-sat;area=gorse-hill;audience=',
      12,
    );
    kiosk.run(day(4), HUB, 'zero-results', 'way=give;day=;area=warndon;audience=young-people', 2);
    const links = db.prepare(
      'INSERT OR REPLACE INTO short_link_visits (day, target, source, visits) VALUES (?, ?, ?, ?)',
    );
    for (let n = 0; n < 28; n++) {
      links.run(day(n), 'way:connect', 'poster', 5);
      links.run(day(n), 'way:be-active', 'flyer', 1);
    }
    const feeds = db.prepare(
      'INSERT OR REPLACE INTO feed_reach_daily (day, feed, clients, requests) VALUES (?, ?, ?, ?)',
    );
    // Every day of the month, so the daily average is exactly 52 whatever its length.
    for (let d = from; d <= lastMonth().to; d = addDays(d, 1)) {
      feeds.run(d, 'all', 40, 120);
      feeds.run(d, 'way:connect', 12, 30);
    }
    const talk = db.prepare(
      `INSERT INTO champion_conversations (logged_by, day, place_kind, venue, ways, promoted,
         took_home, interest_volunteering, interest_champion, interest_panel, created_at)
       VALUES (1, ?, 'clinic', 'gorse-hill-community-centre', '["connect"]', '[]', 1, ?, 0, 0, ?)`,
    );
    for (let n = 0; n < 6; n++) talk.run(day(8), n < 5 ? 1 : 0, `${day(8)}T10:00:00.000Z`);
    const suggest = db.prepare(
      `INSERT INTO group_suggestions (received_at, source, language, name, what, where_text,
         when_text, ways, group_contact, reply_email, status)
       VALUES (?, 'public', 'en', 'A walking group', 'Walks', 'Park', 'Sundays', '[]', '', NULL, ?)`,
    );
    for (let n = 0; n < 7; n++) suggest.run(`${day(9)}T12:00:00.000Z`, n < 5 ? 'approved' : 'new');
  } finally {
    db.close();
  }
});

async function openInsights(page: Page) {
  const { from, to } = lastMonth();
  await logInAdmin(page.context().request, test.info().project.use.baseURL);
  await page.goto(`/staff/insights?from=${from}&to=${to}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Summary for the monthly report' }),
  ).toBeVisible();
}

for (const size of [
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport });

    test('shows the seeded counts, hides small ones, and passes axe', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await openInsights(page);
      const { label } = lastMonth();

      const taps = page.getByRole('table', { name: 'Kiosk taps per way at each venue' });
      const row = taps.getByRole('row', { name: /^Warndon Community Hub/ });
      // 28 days × 5 Connect taps, Be Active's 2 hidden, Give's 9: the total says only "at least".
      await expect(row.getByRole('cell').nth(0)).toHaveText('140');
      await expect(row.getByRole('cell').nth(1)).toHaveText('fewer than 5');
      await expect(row.getByRole('cell').nth(4)).toHaveText('9');
      await expect(row.getByRole('cell').nth(5)).toHaveText('at least 149');

      // On a phone the cells carry their column's name (the house's table cards), so rows are
      // found by their heading and counts read from the cell.
      const misses = page.getByRole('table', { name: 'Searches that found nothing' });
      const often = misses.getByRole('row', { name: /^Be Active on Saturdays in Gorse Hill/ });
      await expect(often.getByRole('cell')).toHaveText('12');
      const rarely = misses.getByRole('row', {
        name: /^Give in Warndon for young people \(11–19\)/,
      });
      await expect(rarely.getByRole('cell')).toHaveText('fewer than 5');

      const talks = page.getByRole('table', {
        name: "Community Champion's conversations by place",
      });
      const clinic = talks.getByRole('row', { name: /^Clinic at Gorse Hill Community Centre/ });
      await expect(clinic.getByRole('cell').first()).toHaveText('6');
      const outcomes = page.getByRole('table', {
        name: 'Groups suggested, and what became of them',
      });
      await expect(
        outcomes
          .getByRole('row', { name: /^Approved/ })
          .getByRole('cell')
          .first(),
      ).toHaveText('5');
      await expect(
        outcomes
          .getByRole('row', { name: /^Waiting/ })
          .getByRole('cell')
          .first(),
      ).toHaveText('fewer than 5');

      const summary = page.getByText(
        `In ${label}, about 52 calendar apps a day followed a Five Ways feed`,
      );
      await expect(summary).toBeVisible();
      await expect(
        page.getByText('Residents looked for Be Active on Saturdays in Gorse Hill 12 times'),
      ).toBeVisible();
      await page.getByRole('button', { name: `Copy the ${label} summary` }).click();
      await expect(page.getByText('Copied. Paste it into the report.')).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
        'The most-tapped way at the kiosk at Warndon Community Hub was Connect.',
      );

      // The chart library loads on this page only, and draws.
      await expect(page.getByTestId('chart-kiosk-ways').locator('canvas')).toBeVisible();
      const csv = page.getByRole('link', { name: 'Download as CSV: Searches that found nothing' });
      const csvResponse = await page.request.get((await csv.getAttribute('href')) ?? '');
      expect(await csvResponse.text()).toContain(
        '"Give in Warndon for young people (11–19)","fewer than 5"',
      );

      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations).toEqual([]);
      if (process.env.SCREENSHOTS) {
        await page.screenshot({ path: `${SHOTS}staff-insights-${size.name}.png` });
        const section = page.getByRole('region', { name: 'Kiosk taps per way', exact: true });
        await section.screenshot({ path: `${SHOTS}staff-insights-${size.name}-chart.png` });
        const findings = page.getByRole('region', { name: /^Findings/ });
        await findings.screenshot({ path: `${SHOTS}staff-insights-${size.name}-findings.png` });
      }
    });
  });
}

test('the kiosk never loads the chart library', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => /uPlot/i.test(s))).toEqual([]);
  expect(scripts.filter((s) => /staff-app/.test(s))).toEqual([]);
});
