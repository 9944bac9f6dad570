import { addDays, londonDateOf, weekdayOf } from '@fiveways/shared';
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './playwright.config.ts';

// Pictures of the staff area at a laptop size, for the docs and for looking at by eye.
// Run on purpose after a UI change: SCREENSHOTS=1 npx playwright test staff-screenshots
const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots');
test.use({ viewport: { width: 1280, height: 800 } });

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}staff-${name}.png` });
}

test('staff area screenshots', async ({ page }) => {
  await page.goto('/staff/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(page, 'login');

  await page.getByLabel('Email address').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await shoot(page, 'this-week');

  const cancel = page.getByRole('button', { name: /^Cancel / }).first();
  await cancel.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shoot(page, 'cancel-dialog');
  await page.getByRole('button', { name: 'Keep it on' }).click();

  // A fortnightly session across the spring clock change, to show the preview's note.
  const year = Number(londonDateOf(new Date()).slice(0, 4)) + 1;
  let start = `${year}-03-10`;
  while (weekdayOf(start) !== 'tue') start = addDays(start, 1);
  await page.goto('/staff/sessions/new');
  await page.getByLabel('Title', { exact: true }).fill('Chair yoga');
  await page.getByRole('group', { name: 'Ways to wellbeing' }).getByLabel('Be Active').check();
  await page.getByLabel('First date').fill(start);
  await page.getByLabel('Starts at').fill('10:00');
  await page.getByLabel('Ends at').fill('11:30');
  await page.getByLabel('Every how many weeks?').fill('2');
  await page.getByLabel('After a number of times').check();
  await page.getByLabel('How many times?').fill('5');
  await expect(
    page.getByText(/^Clocks go forward \d+ Mar — still 10:00 local time$/),
  ).toBeVisible();
  await shoot(page, 'session-editor');

  await page.getByLabel('Ends at').fill('09:00');
  await page.getByRole('button', { name: 'Publish session' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await shoot(page, 'session-editor-errors');

  await page.goto('/staff/groups');
  await expect(page.getByRole('heading', { name: 'Not checked in three months' })).toBeVisible();
  await shoot(page, 'groups');

  await page.goto('/staff/admin/users');
  const form = page.getByRole('region', { name: 'Add a person' });
  await form.getByLabel('Name').fill('Alex Example');
  await form.getByLabel('Email address').fill(`alex-${Date.now()}@example.org`);
  await form
    .getByRole('group', { name: 'Venues they look after' })
    .getByRole('checkbox')
    .first()
    .check();
  await form.getByRole('button', { name: 'Add and make invite link' }).click();
  await expect(page.getByLabel('One-time link')).toBeVisible();
  await shoot(page, 'users');

  await page.goto('/staff/admin/audit');
  await expect(page.getByRole('list', { name: 'Changes, newest first' })).toBeVisible();
  await shoot(page, 'audit');
});
