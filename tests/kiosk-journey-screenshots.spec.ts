// Screenshots of the day choices and of an empty search's nearest matches, at kiosk, tablet and
// phone sizes, in English and Urdu, for docs/screenshots/.
// Run on purpose after a UI change: SCREENSHOTS=1 npx playwright test kiosk-journey-screenshots
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { toEpochMs } from '@fiveways/shared/london-time';
import { LANDSCAPE, londonDate, openKiosk, PORTRAIT } from './kiosk-helpers.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const SIZES = {
  portrait: PORTRAIT,
  landscape: LANDSCAPE,
  tablet: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots');
test.describe.configure({ mode: 'parallel' });

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${OUT}kiosk-${name}.png` });
}

for (const [size, viewport] of Object.entries(SIZES)) {
  for (const language of ['en', 'ur'] as const) {
    const suffix = `${language === 'ur' ? 'urdu-' : ''}${size}`;
    test(`day choices and nearest matches, ${language}, ${size}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.clock.setFixedTime(toEpochMs(londonDate(), '21:43'));
      await openKiosk(page, null);
      if (language === 'ur') {
        await page.getByRole('button', { name: /^Language/ }).click();
        await page.getByRole('button', { name: 'اردو', exact: true }).click();
        await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      }
      await page.locator('.way-tile.way-be-active').click();
      await page.locator('.results-head .primary').click();
      const day = page.locator('.choice-group').nth(1);
      await day.locator('.choice').nth(1).click();
      await shoot(page, `day-choices-${suffix}`);
      await page.locator('.choice', { hasText: /^Warndon$/ }).click();
      await page.locator('.actions .primary').click();
      await expect(page.locator('.card-suggestion').first()).toBeVisible();
      await shoot(page, `nearest-matches-${suffix}`);
    });
  }
}
