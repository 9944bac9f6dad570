// Screenshots of every kiosk screen, portrait and landscape, for docs/screenshots/.
// Run on purpose after a UI change: SCREENSHOTS=1 npx playwright test kiosk-screenshots
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import {
  cancelOneOccurrence,
  LANDSCAPE,
  openKiosk,
  PORTRAIT,
  showAllResults,
} from './kiosk-helpers.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots');
test.describe.configure({ mode: 'parallel' });

async function shoot(page: Page, name: string, orientation: string) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${OUT}kiosk-${name}-${orientation}.png` });
}

for (const [orientation, viewport] of Object.entries({
  portrait: PORTRAIT,
  landscape: LANDSCAPE,
  tablet: { width: 1280, height: 800 },
})) {
  test(`every screen, ${orientation}`, async ({ page, request, baseURL }) => {
    test.setTimeout(120_000);
    if (orientation === 'portrait') await cancelOneOccurrence(request, baseURL ?? '');
    await page.setViewportSize(viewport);
    await page.clock.install();
    await openKiosk(page);
    await shoot(page, 'home', orientation);
    await page.getByRole('button', { name: /^Connect/ }).click();
    await shoot(page, 'results', orientation);
    await page.getByRole('button', { name: 'Choose day, place and more' }).click();
    await page.getByRole('button', { name: 'Free only' }).click();
    await shoot(page, 'filters', orientation);
    await page.getByRole('button', { name: /^Show what I chose/ }).click();
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await page.getByRole('button', { name: 'Everything on this week' }).click();
    await showAllResults(page);
    const cancelled = page.locator('main .card-cancelled').first();
    if (await cancelled.count()) {
      await cancelled.scrollIntoViewIfNeeded();
      await shoot(page, 'results-with-cancelled', orientation);
      await cancelled.click();
      await shoot(page, 'session-cancelled', orientation);
    }
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await page.locator('.home .card').first().click();
    await shoot(page, 'session', orientation);
    await page.getByRole('button', { name: 'Take it home' }).click();
    await expect(page.locator('svg[data-qr-value]').first()).toBeVisible();
    await shoot(page, 'take-home', orientation);
    await page.getByRole('button', { name: 'More ways to take it home' }).click();
    await shoot(page, 'take-home-more', orientation);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await shoot(page, 'print-session', orientation);
    await page.getByRole('button', { name: 'Back' }).click();
    const about = page.getByRole('button', { name: 'About the group' });
    if (await about.count()) {
      await about.click();
      await shoot(page, 'group', orientation);
    }
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await page.getByRole('button', { name: 'Print this week here' }).click();
    await shoot(page, 'print-week', orientation);
    await page.getByRole('button', { name: /^Language/ }).click();
    await shoot(page, 'language', orientation);
    await page.getByRole('button', { name: 'اردو', exact: true }).click();
    await page.getByRole('button', { name: 'ہوم' }).click();
    await shoot(page, 'home-urdu', orientation);
    await page.getByRole('button', { name: /^جڑیں/ }).click();
    await shoot(page, 'results-urdu', orientation);
    await page.getByRole('button', { name: 'دوبارہ شروع کریں' }).click();
    await page.getByRole('button', { name: 'Bigger text' }).click();
    await shoot(page, 'home-bigger-text', orientation);
    await page.getByRole('button', { name: /^Keep Learning/ }).click();
    await shoot(page, 'results-bigger-text', orientation);
    await page.clock.fastForward(91_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await shoot(page, 'idle-warning', orientation);
    await page.clock.fastForward(30_000);
    await expect(page.getByText('Touch to start')).toBeVisible();
    await shoot(page, 'attract', orientation);
    await page.getByText('Touch to start').click();
    await page.route('**/api/**', (route) => route.abort());
    await page.context().setOffline(true);
    await page.reload();
    await expect(page.getByText('No connection. Showing saved information.')).toBeVisible();
    await shoot(page, 'offline', orientation);
  });
}
