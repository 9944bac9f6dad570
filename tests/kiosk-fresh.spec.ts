// An open kiosk keeps up with staff changes without a reload: it asks /api/meta about once a
// minute (Playwright's clock stands in for the minute) and takes a cancellation mid-visit.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { openKiosk, PORTRAIT } from './kiosk-helpers.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './playwright.config.ts';

test.use({ viewport: PORTRAIT });

async function cancelDate(request: APIRequestContext, origin: string, key: string) {
  const [sessionId = '', date = ''] = key.split('|');
  const headers = { origin };
  const login = await request.post('/api/auth/login', {
    headers,
    data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  expect(login.status()).toBe(204);
  const cancel = await request.post(`/api/sessions/${sessionId}/cancellations`, {
    headers,
    data: { date, reason: 'Heating broken' },
  });
  expect(cancel.status()).toBe(201);
}

test('a date cancelled while a resident looks at it gets a banner, then shows as cancelled', async ({
  page,
  request,
  baseURL,
}) => {
  await page.clock.install();
  await openKiosk(page);
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  // A date later this week, so it is on the session's page and still ahead at any time of day.
  const card = page.locator('main .card:not(.card-cancelled)').nth(4);
  const key = (await card.getAttribute('data-occurrence')) ?? '';
  expect(key).toMatch(/^\d+\|\d{4}-\d{2}-\d{2}$/);
  await card.click();
  const date = page.locator(`main [data-occurrence="${key}"]`);
  await expect(date).toBeVisible();
  await expect(date).not.toHaveClass(/date-cancelled/);

  // The /api/meta poll is cheap: the second one is a bodiless 304.
  const first = await request.get('/api/meta');
  const etag = first.headers()['etag'] ?? '';
  const again = await request.get('/api/meta', { headers: { 'if-none-match': etag } });
  expect(again.status()).toBe(304);

  await cancelDate(request, baseURL ?? '', key);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.clock.fastForward(61_000);
  const banner = page.locator('.update-banner');
  await expect(banner).toContainText('is now cancelled');
  await expect(banner).toContainText('Heating broken');
  // The screen itself is not redrawn under the resident's finger: the banner says it.
  await expect(date).not.toHaveClass(/date-cancelled/);

  // The next screen opened shows it as cancelled.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.locator(`main .card[data-occurrence="${key}"]`)).toHaveClass(/card-cancelled/);

  // And so does a new visit after Start again.
  await page.getByRole('button', { name: 'Start again' }).click();
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  const after = page.locator(`main .card[data-occurrence="${key}"]`);
  await after.scrollIntoViewIfNeeded();
  await expect(after).toHaveClass(/card-cancelled/);
  await after.click();
  await expect(page.locator(`main [data-occurrence="${key}"]`)).toHaveClass(/date-cancelled/);
  await expect(page.locator('.cancelled-banner')).toBeVisible();
});

test('with no connection the minute poll fails quietly', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.clock.install();
  await openKiosk(page);
  await context.route('**/api/meta', (route) => route.abort('internetdisconnected'));
  await page.clock.fastForward(61_000);
  await page.clock.fastForward(61_000);
  await expect(page.getByRole('button', { name: /^Connect/ })).toBeVisible();
  await expect(page.locator('.update-banner')).toHaveCount(0);
  expect(errors).toEqual([]);
});
