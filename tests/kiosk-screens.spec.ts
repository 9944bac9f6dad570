// The kiosk at the sizes it is installed at: portrait and landscape touch screens, a 1280×800
// tablet and a phone. What matters is checked with bounding boxes against the viewport.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openKiosk } from './kiosk-helpers.ts';

const SIZES = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
  tablet: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

const SHOTS = process.env.SHOTS;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForTimeout(100);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The part of the screen a resident sees without scrolling: between the top bar and the bars below. */
async function visibleFrame(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) throw new Error('no main');
    const r = main.getBoundingClientRect();
    return { top: r.top, bottom: Math.min(r.bottom, window.innerHeight) };
  });
}

async function expectWhollyVisible(page: Page, target: Locator, what: string) {
  const box = await target.boundingBox();
  const frame = await visibleFrame(page);
  const viewport = page.viewportSize();
  expect(box, what).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(frame.top - 1);
  expect(box.y + box.height, `${what}: bottom`).toBeLessThanOrEqual(frame.bottom + 1);
  expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(-1);
  expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(viewport.width + 1);
}

/** Today at a London wall-clock hour (winter or summer alike, to the hour). */
function todayAt(hour: number): Date {
  const now = new Date();
  const london = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: 'numeric',
      hourCycle: 'h23',
    }).format(now),
  );
  const at = new Date(now);
  at.setUTCMinutes(0, 0, 0);
  at.setUTCHours(now.getUTCHours() + (hour - london));
  return at;
}

const TIMES = { morning: 9, evening: 20 } as const;

for (const [name, viewport] of Object.entries(SIZES)) {
  for (const [time, hour] of Object.entries(TIMES)) {
    test(`${name} ${viewport.width}×${viewport.height}, ${time}: way tiles, take-home code, Urdu`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.clock.install({ time: todayAt(hour) });
      await openKiosk(page);
      const shot = (what: string) => shoot(page, `${name}-${time}-${what}`);
      await shot('home');
      const tiles = page.locator('.way-tile');
      await expect(tiles).toHaveCount(5);
      if (name !== 'phone') {
        for (let i = 0; i < 5; i++)
          await expectWhollyVisible(page, tiles.nth(i), `way tile ${i + 1}`);
      } else {
        await expectWhollyVisible(page, tiles.first(), 'first way tile');
      }

      await page.getByRole('button', { name: 'Everything on this week' }).click();
      await shot('results');
      await page.locator('main .card').first().click();
      await shot('session');
      await page.getByRole('button', { name: 'Take it home' }).click();
      const recommended = page.locator('.qr-recommended');
      await expect(recommended.locator('svg[data-qr-value]')).toHaveCount(1);
      await shot('take-home');
      await expectWhollyVisible(page, recommended.locator('svg'), 'the recommended code');
      await expectWhollyVisible(page, recommended.getByRole('heading'), 'its label');
      await page.getByRole('button', { name: 'More ways to take it home' }).click();
      await expect(page.locator('#more-ways svg[data-qr-value]')).not.toHaveCount(0);
      await shot('take-home-more');
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByRole('button', { name: 'Print', exact: true }).click();
      await shot('print');

      await page.getByRole('button', { name: /^Language/ }).click();
      await page.getByRole('button', { name: 'اردو', exact: true }).click();
      await page.getByRole('button', { name: 'ہوم' }).click();
      await shot('home-urdu');
      // Way descriptions are whole, never cut off.
      const clipped = await page
        .locator('.way-tile')
        .evaluateAll((els) =>
          els
            .filter(
              (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
            )
            .map((el) => el.textContent),
        );
      expect(clipped).toEqual([]);
      if (name !== 'phone') {
        for (let i = 0; i < 5; i++) {
          await expectWhollyVisible(page, tiles.nth(i), `Urdu way tile ${i + 1}`);
        }
      }
      if (SHOTS) {
        await page.locator('main .card').first().click();
        await shot('session-urdu');
        await page.getByRole('button', { name: 'گھر لے جائیں' }).click();
        await shot('take-home-urdu');
        await page.getByRole('button', { name: 'مزید طریقے' }).click();
        await shot('take-home-more-urdu');
      }
    });
  }
}

test('the print sheet on paper: service, title once, rule, next dates, written address', async ({
  page,
}) => {
  await page.setViewportSize(SIZES.portrait);
  await openKiosk(page);
  await page.getByRole('button', { name: /^Connect/ }).click();
  await page.locator('main .card').first().click();
  const title = (await page.locator('.top-bar h1').textContent()) ?? '';
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.sheet');
  await expect(page.locator('.top-bar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print now' })).toBeHidden();
  await expect(sheet.locator('.sheet-service')).toHaveText('Five Ways to Wellbeing in Worcester');
  await expect(sheet.getByText('Sample data: these are not real sessions.')).toBeVisible();
  // The title is printed once.
  const printed = (await page.locator('body').innerText()).split(title).length - 1;
  expect(printed).toBe(1);
  await expect(sheet.locator('.sheet-rule')).toHaveText(/^(Every|Once|On the) .+\d\d:\d\d/);
  await expect(sheet.locator('.sheet-dates li').first()).toBeVisible();
  const address = (await sheet.locator('.sheet-address').textContent()) ?? '';
  expect(address).toMatch(/^127\.0\.0\.1:\d+\/sessions\/\d+$/);
  const code = await sheet.locator('svg[data-qr-value]').getAttribute('data-qr-value');
  expect(code).toBe(`http://${address}`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/print-sheet-paper.png`, fullPage: true });
});
