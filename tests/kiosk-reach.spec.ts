// Reach counts end to end: kiosk taps become one batch of daily counts that the API takes, also
// after the kiosk has been offline; and the privacy notice that says what is counted.
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type Request } from '@playwright/test';
import { findAxeViolations, HOME_VENUE, openKiosk, PORTRAIT } from './kiosk-helpers.ts';

const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const PHONE = { width: 390, height: 844 };

interface SentCount {
  event: string;
  detail: string;
  count: number;
}
interface SentBatch {
  venue: string;
  days: { day: string; counts: SentCount[] }[];
}

function batchOf(request: Request): SentBatch {
  return request.postDataJSON() as SentBatch;
}

/** Every count in a batch as 'event detail' → count. */
function countsIn(batch: SentBatch): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const day of batch.days) {
    for (const c of day.counts) {
      const key = c.detail === '' ? c.event : `${c.event} ${c.detail}`;
      counts[key] = (counts[key] ?? 0) + c.count;
    }
  }
  return counts;
}

/** A way, a session, its take-home codes; then "Start again", which ends the visit. */
async function useTheKiosk(page: Page, way: string) {
  await page.getByRole('button', { name: new RegExp(`^${way}`) }).click();
  await expect(page.getByText(/Found: [1-9]/)).toBeVisible();
  await page.locator('main .card').first().click();
  await expect(page.getByRole('heading', { name: 'Next dates' })).toBeVisible();
  await page.getByRole('button', { name: 'Take it home' }).click();
  await expect(page.locator('svg[data-qr-value]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByRole('button', { name: /^Connect/ })).toBeVisible();
}

const isBatch = (r: Request) => r.url().endsWith('/api/reach/kiosk') && r.method() === 'POST';

test.use({ viewport: PORTRAIT });

test('kiosk taps become a batch the API takes, online and after being offline', async ({
  page,
  context,
}) => {
  await openKiosk(page);

  const sent = page.waitForRequest(isBatch);
  await useTheKiosk(page, 'Connect');
  const request = await sent;
  const answer = await request.response();
  expect(answer?.status()).toBe(204);
  const batch = batchOf(request);
  expect(batch.venue).toBe(HOME_VENUE);
  expect(batch.days).toHaveLength(1);
  expect(countsIn(batch)).toEqual({
    visit: 1,
    'way connect': 1,
    'session-opened': 1,
    'take-home-shown': 1,
  });
  // Nothing else travels: no id, no time, only the day.
  expect(Object.keys(batch).sort()).toEqual(['days', 'venue']);
  expect(batch.days[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('fiveways.kiosk.reach')))
    .toBe(null);

  // Offline: the visit's counts are held on the kiosk, not lost.
  await context.setOffline(true);
  let sentOffline = 0;
  page.on('request', (r) => {
    if (isBatch(r)) sentOffline++;
  });
  await useTheKiosk(page, 'Give');
  await page.getByRole('button', { name: /^Be Active/ }).click();
  await page.getByRole('button', { name: 'Start again' }).click();
  const held = await page.evaluate(() => localStorage.getItem('fiveways.kiosk.reach'));
  expect(held).toContain('way\\tgive');
  expect(held).toContain('way\\tbe-active');
  expect(sentOffline).toBe(0);

  // Back online: the held counts go at once, in one batch.
  const resent = page.waitForRequest(isBatch);
  await context.setOffline(false);
  const later = await resent;
  expect((await later.response())?.status()).toBe(204);
  expect(countsIn(batchOf(later))).toEqual({
    visit: 2,
    'way give': 1,
    'way be-active': 1,
    'session-opened': 1,
    'take-home-shown': 1,
  });
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('fiveways.kiosk.reach')))
    .toBe(null);
});

test.describe('the privacy notice', () => {
  test.use({ viewport: PHONE });

  for (const language of ['en', 'pl', 'ro', 'ur'] as const) {
    test(`says what is counted and for how long, in ${language}`, async ({ page }) => {
      const query = language === 'en' ? '' : `?lang=${language}`;
      await page.goto(`/privacy${query}`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.pub-section')).toHaveCount(4);
      await expect(page.locator('main')).toContainText('13');
      expect(await findAxeViolations(page)).toEqual([]);
      if (process.env.SCREENSHOTS && (language === 'en' || language === 'ur')) {
        const suffix = language === 'en' ? 'phone' : 'urdu-phone';
        await page.screenshot({
          path: `${SCREENSHOTS}/public-privacy-${suffix}.png`,
          fullPage: true,
        });
      }
    });
  }

  test('is linked from the phone pages and from the kiosk', async ({ page }) => {
    await page.goto('/subscribe');
    await page.getByRole('link', { name: 'Privacy: what we count' }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Privacy: what we count' }),
    ).toBeVisible();

    await page.setViewportSize(PORTRAIT);
    await openKiosk(page);
    await page.getByRole('button', { name: 'About this screen' }).click();
    const code = page.locator('svg[data-qr-value]');
    await expect(code).toHaveAttribute('data-qr-value', /\/privacy$/);
    if (process.env.SCREENSHOTS) {
      await page.screenshot({ path: `${SCREENSHOTS}/kiosk-about-portrait.png` });
    }
  });
});
