import { expect, test, type Page } from '@playwright/test';
import { findAxeViolations, LANDSCAPE, openKiosk, PORTRAIT } from './kiosk-helpers.ts';

test.describe.configure({ mode: 'parallel' });

const LANGUAGE_BUTTONS = { en: 'English', pl: 'Polski', ro: 'Română', ur: 'اردو' } as const;

/** Walks a visit through every kind of screen, checking each one with axe. */
async function checkEveryScreen(page: Page, label: string) {
  const problems: string[] = [];
  const check = async (state: string) => {
    await page.waitForTimeout(100);
    for (const v of await findAxeViolations(page)) problems.push(`${label} / ${state}: ${v}`);
  };
  const main = page.locator('main');
  await check('home');
  await page.locator('.way-tile').nth(1).click();
  await check('results for a way');
  await page.locator('.results-head button').click();
  await page.locator('.choice').nth(2).click();
  await check('filters with a choice pressed');
  await page.locator('.actions .primary').click();
  await check('filtered results');
  await page.locator('.nav-button').first().click();
  await page.locator('.home .card').first().click();
  await check('session detail');
  await page.locator('.actions .primary').click();
  await expect(main.locator('svg[data-qr-value]').first()).toBeVisible();
  await check('take it home');
  await main.locator('button[aria-expanded]').click();
  await expect(main.locator('#more-ways svg[data-qr-value]').first()).toBeVisible();
  await check('take it home, more ways');
  await page.locator('.nav-button').nth(1).click();
  await page.locator('.actions .secondary').first().click();
  await check('print a session');
  await page.locator('.nav-button').first().click();
  const groupCard = page.locator('.home .card');
  await groupCard.first().click();
  const about = page.locator('.actions .secondary').nth(1);
  if (await about.count()) {
    await about.click();
    await check('group');
  }
  await page.locator('.nav-button').first().click();
  await page.locator('.home .row .secondary:not(.home-about)').click();
  await check('print this week');
  await page.locator('.nav-button').first().click();
  await page.locator('.home .home-about').click();
  await expect(main.locator('svg[data-qr-value]')).toBeVisible();
  await check('about this screen');
  await page.locator('.nav-button').nth(3).click();
  await check('language choice');
  await page.locator('.nav-button').first().click();
  return problems;
}

for (const [code, name] of Object.entries(LANGUAGE_BUTTONS)) {
  test(`axe finds nothing on any screen in ${name}, normal and bigger text`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(PORTRAIT);
    await openKiosk(page);
    if (code !== 'en') {
      await page.getByRole('button', { name: /^Language/ }).click();
      await page.getByRole('button', { name, exact: true }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', code);
    }
    const problems = await checkEveryScreen(page, `${name} normal text`);
    await page.locator('.nav-button').nth(4).click();
    await expect(page.locator('html')).toHaveClass(/big-text/);
    problems.push(...(await checkEveryScreen(page, `${name} bigger text`)));
    expect(problems).toEqual([]);
  });
}

test('axe finds nothing on the idle warning, the attract screen, or in landscape', async ({
  page,
}) => {
  await page.clock.install();
  await page.setViewportSize(LANDSCAPE);
  await openKiosk(page);
  const problems = await findAxeViolations(page);
  await page.clock.fastForward(91_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  problems.push(...(await findAxeViolations(page)).map((v) => `warning: ${v}`));
  await page.clock.fastForward(30_000);
  await expect(page.getByText('Touch to start')).toBeVisible();
  problems.push(...(await findAxeViolations(page)).map((v) => `attract: ${v}`));
  expect(problems).toEqual([]);
});

test('axe finds nothing when the kiosk shows saved information offline', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: PORTRAIT });
  const page = await context.newPage();
  await openKiosk(page);
  await context.route('**/api/**', (route) => route.abort());
  await page.reload();
  await expect(page.getByText('No connection. Showing saved information.')).toBeVisible();
  expect(await findAxeViolations(page)).toEqual([]);
  await context.close();
});
