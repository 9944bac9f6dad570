import { expect, test, type Page } from '@playwright/test';
import { openKiosk, PORTRAIT } from './kiosk-helpers.ts';

test.use({ viewport: PORTRAIT });

// The kiosk's settings and its unsent daily counts; the saved directory lives in IndexedDB, which
// a visit never writes to.
const KEPT_KEYS = ['fiveways.kiosk.settings', 'fiveways.kiosk.reach'];

/** Whether the copy of the directory kept for offline use is still on the device. */
async function hasSavedDirectory(page: Page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('fiveways-kiosk')) return false;
    return new Promise<boolean>((resolve) => {
      const open = indexedDB.open('fiveways-kiosk');
      open.onerror = () => resolve(false);
      open.onsuccess = () => {
        const db = open.result;
        const get = db.transaction('directory').objectStore('directory').get('saved');
        get.onsuccess = () => resolve(get.result !== undefined);
        get.onerror = () => resolve(false);
        db.close();
      };
    });
  });
}

async function storageKeys(page: Page) {
  return page.evaluate(() => ({
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage).sort(),
  }));
}

test('after 90 s a warning counts down 30 s; "I need more time" works again and again', async ({
  page,
}) => {
  await page.clock.install();
  await openKiosk(page);
  await page.getByRole('button', { name: /^Connect/ }).click();
  await page.clock.fastForward(85_000);
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await page.clock.fastForward(6_000);
  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/Starting again in \d+ seconds/);
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'I need more time' }).click();
    await expect(warning).toBeHidden();
    // The visit carries on where it was.
    await expect(page.getByRole('heading', { level: 1, name: 'Connect' })).toBeVisible();
    await page.clock.fastForward(91_000);
    await expect(warning).toBeVisible();
  }
});

test('detail and QR screens wait 180 s before warning', async ({ page }) => {
  await page.clock.install();
  await openKiosk(page);
  await page.locator('.home .card').first().click();
  await expect(page.getByRole('heading', { name: 'Next dates' })).toBeVisible();
  await page.clock.fastForward(150_000);
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await page.clock.fastForward(31_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.getByRole('button', { name: 'I need more time' }).click();
  await page.getByRole('button', { name: 'Take it home' }).click();
  await page.clock.fastForward(150_000);
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await page.clock.fastForward(31_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
});

test('when the countdown ends the visit is wiped and the attract screen shows', async ({
  page,
}) => {
  await page.clock.install();
  await openKiosk(page);
  const historyAtStart = await page.evaluate(() => history.length);
  // A visit: a way, a session, its QR codes, Polish, bigger text, some scrolling, stray storage.
  await page.getByRole('button', { name: /^Keep Learning/ }).click();
  await page.getByRole('button', { name: 'Choose day, place and more' }).click();
  await page.getByRole('button', { name: 'Free only' }).click();
  await page.getByRole('button', { name: /^Show what I chose/ }).click();
  await page.locator('main .card').first().click();
  await page.getByRole('button', { name: 'Take it home' }).click();
  await page.getByRole('button', { name: 'Bigger text' }).click();
  await page.getByRole('button', { name: /^Language/ }).click();
  await page.getByRole('button', { name: 'Polski', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await page.evaluate(() => {
    document.querySelector('main')?.scrollTo(0, 400);
    sessionStorage.setItem('stray', 'x');
    localStorage.setItem('stray', 'x');
  });

  await page.clock.fastForward(181_000);
  await expect(page.getByRole('alertdialog', { name: 'Czy nadal tu jesteś?' })).toBeVisible();
  await page.clock.fastForward(30_000);

  // Back to the attract screen, "Touch to start" in every language.
  for (const text of [
    'Touch to start',
    'Dotknij, aby zacząć',
    'Atingeți pentru a începe',
    'شروع کرنے کے لیے چھوئیں',
  ]) {
    await expect(page.getByText(text)).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).not.toHaveClass(/big-text/);
  await expect(page.locator('svg[data-qr-value]')).toHaveCount(0);
  const keys = await storageKeys(page);
  expect(keys.session).toEqual([]);
  for (const key of keys.local) expect(KEPT_KEYS).toContain(key);
  expect(await hasSavedDirectory(page)).toBe(true);
  expect(await page.evaluate(() => history.length)).toBe(historyAtStart);

  // A touch anywhere opens a fresh Home.
  await page.getByText('Touch to start').click();
  await expect(page.getByRole('heading', { name: 'Choose a way to feel good' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bigger text' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  expect(await page.evaluate(() => document.querySelector('main')?.scrollTop ?? 0)).toBe(0);
  // Back has nowhere to go: the previous visit's screens are gone.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a way to feel good' })).toBeVisible();
});

test('a language button on the attract screen starts the visit in that language', async ({
  page,
}) => {
  await page.clock.install();
  await openKiosk(page);
  await page.clock.fastForward(91_000);
  await page.clock.fastForward(30_000);
  await page.getByRole('button', { name: 'Română', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await expect(page.getByText('Alegeți o cale spre bunăstare')).toBeVisible();
});

test('"Start again" wipes the visit at once and opens a fresh Home', async ({ page }) => {
  await openKiosk(page);
  const historyAtStart = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: /^Give/ }).click();
  await page.getByRole('button', { name: /^Language/ }).click();
  await page.getByRole('button', { name: 'اردو', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: 'دوبارہ شروع کریں' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Choose a way to feel good' })).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
});
