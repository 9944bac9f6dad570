import { expect, test } from '@playwright/test';
import { openKiosk, PORTRAIT, showAllResults } from './kiosk-helpers.ts';

test.use({ viewport: PORTRAIT });

test('offline: the service worker brings the kiosk back after a reload with no network', async ({
  page,
  context,
}) => {
  await openKiosk(page);
  // Wait until the service worker controls the page, then load once through it.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  await page.reload();
  await expect(page.getByTestId('last-updated')).toBeVisible();

  // Cut everything: the page's own requests and the service worker's.
  let swRequestsBlocked = 0;
  await context.route('**/*', (route) => {
    if (route.request().serviceWorker()) swRequestsBlocked++;
    return route.abort('internetdisconnected');
  });
  await context.setOffline(true);
  await page.reload();

  await expect(page.getByRole('button', { name: /^Connect/ })).toBeVisible();
  await expect(page.getByTestId('last-updated')).toContainText('Information last updated:');
  await expect(page.getByText('No connection. Showing saved information.')).toBeVisible();
  expect(swRequestsBlocked).toBeGreaterThan(0);
  // Still browsable: a way, a session, its QR codes.
  await page.getByRole('button', { name: /^Connect/ }).click();
  await expect(page.getByText(/Found: [1-9]/)).toBeVisible();
  await expect(page.getByTestId('last-updated')).toBeVisible();
  await page.locator('main .card').first().click();
  await expect(page.getByRole('heading', { name: 'Next dates' })).toBeVisible();
  await page.getByRole('button', { name: 'Take it home' }).click();
  await expect(page.locator('svg[data-qr-value]').first()).toBeVisible();
  // A language chosen offline still loads (its file is precached).
  await page.getByRole('button', { name: /^Language/ }).click();
  await page.getByRole('button', { name: 'Polski', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
});

test('with the API down, occurrences are worked out on the device from saved sessions', async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: PORTRAIT });
  const page = await context.newPage();
  await openKiosk(page);
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  await showAllResults(page);
  const online = await page.locator('main .card .card-title').allTextContents();
  expect(online.length).toBeGreaterThan(0);

  await context.route('**/api/**', (route) => route.abort());
  await page.reload();
  await expect(page.getByText('No connection. Showing saved information.')).toBeVisible();
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  await showAllResults(page);
  const offline = await page.locator('main .card .card-title').allTextContents();
  // The same week, worked out from the saved sessions with the shared recurrence rules.
  expect(offline).toEqual(online);
  await context.close();
});

test('the API going down mid-visit does not interrupt the visit', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: /^Be Active/ }).click();
  await page.route('**/api/**', (route) => route.abort());
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.locator('main .card').first().click();
  await expect(page.getByRole('heading', { name: 'Next dates' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByText(/Found: [1-9]/)).toBeVisible();
  await page.getByRole('button', { name: 'Home' }).click();
  await expect(page.getByTestId('last-updated')).toBeVisible();
  await page.getByRole('button', { name: /^Give/ }).click();
  await expect(page.getByText(/Found: \d+/)).toBeVisible();
});

test('a cold start with no saved information says so plainly and still shows the ways', async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: PORTRAIT });
  const page = await context.newPage();
  await context.route('**/api/**', (route) => route.abort());
  await page.goto('/kiosk');
  await expect(page.getByRole('button', { name: /^Connect/ })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Information is not available right now');
  await context.close();
});

test('saved information turns amber after 24 hours and warns after 7 days', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: PORTRAIT });
  const page = await context.newPage();
  await page.clock.install();
  await openKiosk(page);
  const updated = page.getByTestId('last-updated');
  await expect(updated).not.toHaveClass(/notice-stale/);
  await context.route('**/api/**', (route) => route.abort());

  await page.clock.fastForward(25 * 3_600_000);
  await page.clock.fastForward('02:00');
  await page.getByText('Touch to start').click();
  await expect(updated).toHaveClass(/notice-stale/);
  await expect(updated).not.toContainText('Times may have changed');
  const amber = await updated.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(amber).toBe('rgb(255, 217, 102)');

  await page.clock.fastForward(7 * 24 * 3_600_000);
  await page.clock.fastForward('02:00');
  await page.getByText('Touch to start').click();
  await expect(updated).toContainText('Times may have changed. Check with the group.');
  await context.close();
});
