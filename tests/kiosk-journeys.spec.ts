import { expect, test } from '@playwright/test';
import {
  cancelOneOccurrence,
  countTextEntry,
  findCrowdedTargets,
  findSmallTargets,
  HOME_VENUE,
  LANDSCAPE,
  openKiosk,
  PORTRAIT,
  showAllResults,
  WAY_NAMES,
} from './kiosk-helpers.ts';

test.use({ viewport: PORTRAIT });

test('home shows the five ways with their meanings, what is on here, and the data labels', async ({
  page,
}) => {
  await openKiosk(page);
  for (const name of WAY_NAMES) {
    await expect(page.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await expect(page.getByText('Spend time with people around you')).toBeVisible();
  await expect(page.getByText('Gorse Hill Community Centre').first()).toBeVisible();
  await expect(page.getByText('Sample data: these are not real sessions.')).toBeVisible();
  await expect(page.getByTestId('last-updated')).toContainText('Information last updated:');
  // At least one sample session is listed on the first screen.
  await expect(page.locator('.home .card').first()).toBeVisible();
  // The kiosk remembers where it stands, set once from the address.
  const settings = await page.evaluate(() => localStorage.getItem('fiveways.kiosk.settings'));
  expect(JSON.parse(settings ?? '{}')).toEqual({ venue: HOME_VENUE });
});

test('a way tile lists matching sessions; a card opens the session with its details', async ({
  page,
}) => {
  await openKiosk(page);
  await page.getByRole('button', { name: /^Be Active/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Be Active' })).toBeVisible();
  await expect(page.getByText(/Found: [1-9]/)).toBeVisible();
  const cards = page.locator('main .card');
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(cards.nth(i)).toContainText('Be Active');
  const title = (await cards.first().locator('.card-title').textContent()) ?? '';
  await cards.first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  for (const heading of ['Next dates', 'Where', 'Cost', 'Booking']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Be Active' })).toBeVisible();
  await page.getByRole('button', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a way to feel good' })).toBeVisible();
});

test('filters are buttons: day, area, who it is for, free and drop-in narrow the list', async ({
  page,
}) => {
  await openKiosk(page);
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  const all = Number((await page.getByText(/Found: \d+/).textContent())?.match(/\d+/)?.[0]);
  expect(all).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Choose day, place and more' }).click();
  await page.getByRole('button', { name: 'Free only' }).click();
  await expect(page.getByRole('button', { name: 'Free only' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Drop-in only' }).click();
  await page.getByRole('button', { name: 'Older people' }).click();
  await page.getByRole('button', { name: 'Gorse Hill', exact: true }).click();
  await page.getByRole('button', { name: /^Show what I chose/ }).click();
  await expect(page.getByText(/Free only · Drop-in only/)).toBeVisible();
  const narrowed = Number((await page.getByText(/Found: \d+/).textContent())?.match(/\d+/)?.[0]);
  expect(narrowed).toBeLessThan(all);
  for (const card of await page.locator('main .card').all()) {
    await expect(card).toContainText('Free');
    await expect(card).toContainText('Just drop in');
  }
  // Back from the results goes to the full week, not to the filter screen.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a way to feel good' })).toBeVisible();
});

test('a long list comes 20 cards at a time, with a button for the next ones', async ({ page }) => {
  await openKiosk(page, null);
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  const all = Number((await page.getByText(/Found: \d+/).textContent())?.match(/\d+/)?.[0]);
  expect(all).toBeGreaterThan(20);
  await expect(page.locator('main .card')).toHaveCount(20);
  await page.getByRole('button', { name: `Show ${Math.min(all - 20, 20)} more` }).click();
  await expect(page.locator('main .card')).toHaveCount(Math.min(all, 40));
  expect(await showAllResults(page)).toBe(all);
  // New choices start again at the first page.
  await page.getByRole('button', { name: 'Choose day, place and more' }).click();
  await page.getByRole('button', { name: /^Show what I chose/ }).click();
  await expect(page.locator('main .card')).toHaveCount(20);
});

test('a cancelled occurrence is shown as cancelled, never as on', async ({
  page,
  request,
  baseURL,
}) => {
  const cancelled = await cancelOneOccurrence(request, baseURL ?? '');
  await openKiosk(page, null);
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  await showAllResults(page);
  const card = page
    .locator('main .card')
    .filter({ hasText: cancelled.title })
    .filter({ hasText: 'Cancelled: Venue closed' });
  await expect(card.first()).toBeVisible();
  await card.first().click();
  // One sentence, with the reason.
  await expect(page.locator('.cancelled-banner')).toHaveText(
    'This date is cancelled: Venue closed.',
  );
  await expect(page.locator('.dates .date-cancelled').first()).toContainText('Cancelled');
});

test('take it home: QR codes for the calendar, the phone page and the feeds, with a summary', async ({
  page,
  baseURL,
}) => {
  await openKiosk(page);
  await page.locator('.home .card').first().click();
  await page.getByRole('button', { name: 'Take it home' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Take it home on your phone' }),
  ).toBeVisible();
  // One code is offered first: the phone page, which then offers the calendar choices.
  const recommended = page.locator('.qr-recommended');
  await expect(recommended.getByRole('heading', { name: 'Open on my phone' })).toBeVisible();
  await expect(recommended.locator('svg[data-qr-value]')).toHaveAttribute(
    'data-qr-value',
    new RegExp(`^${new URL(baseURL ?? '').origin}/sessions/\\d+$`),
  );
  await expect(page.locator('svg[data-qr-value]')).toHaveCount(1);
  const more = page.getByRole('button', { name: 'More ways to take it home' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(page.getByRole('button', { name: 'Hide the other ways' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  const codes = page.locator('svg[data-qr-value]');
  await expect(codes).toHaveCount(5);
  const values = await codes.evaluateAll((els) => els.map((e) => e.getAttribute('data-qr-value')));
  const origin = new URL(baseURL ?? '').origin;
  expect(values.some((v) => v?.match(new RegExp(`^${origin}/feeds/sessions/\\d+\\.ics$`)))).toBe(
    true,
  );
  expect(values.some((v) => v?.match(new RegExp(`^${origin}/follow/sessions/\\d+$`)))).toBe(true);
  expect(values.some((v) => v?.match(new RegExp(`^${origin}/sessions/\\d+$`)))).toBe(true);
  expect(values.some((v) => v?.startsWith(`${origin}/follow/ways/`))).toBe(true);
  expect(values).toContain(`${origin}/follow/venues/${HOME_VENUE}`);
  // A phone must never be handed a bare webcal:// address: Android cannot open one.
  expect(values.filter((v) => v?.startsWith('webcal:'))).toEqual([]);
  await expect(page.locator('.summary')).toContainText('Gorse Hill Community Centre');
  // Each code is a link a phone can open: the feed answers.
  const ics = values.find((v) => v?.endsWith('.ics') && v.startsWith('http')) ?? '';
  const feed = await page.request.get(ics);
  expect(feed.headers()['content-type']).toContain('text/calendar');
});

test('print views: a session, and this week at this hub, with print styles', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: 'Print this week here' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'This week at Gorse Hill Community Centre' }),
  ).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.nav-bar')).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: /This week at/ })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Home' }).click();
  await page.locator('.home .card').first().click();
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Print now' })).toBeVisible();
  await expect(page.locator('.sheet svg[data-qr-value]')).toHaveCount(1);
});

test('a group page shows the group and its sessions', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: /^Connect/ }).click();
  const withGroup = page.locator('main .card').filter({ hasText: 'Time to Talk' }).first();
  await withGroup.click();
  await page.getByRole('button', { name: 'About the group' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', exact: true })).toBeVisible();
  await page.locator('main .card').first().click();
  await expect(page.getByRole('heading', { name: 'Next dates' })).toBeVisible();
});

test('languages: named in themselves; Urdu turns the page right to left', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: /^Language/ }).click();
  for (const name of ['English', 'Polski', 'Română', 'اردو']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await page.getByRole('button', { name: 'اردو', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('button', { name: /^جڑیں/ })).toBeVisible();
  await page.getByRole('button', { name: /^زبان/ }).click();
  await page.getByRole('button', { name: 'Polski', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByText('Wybierz sposób na dobre samopoczucie')).toBeVisible();
});

test('bigger text grows the type without sideways scrolling', async ({ page }) => {
  for (const viewport of [PORTRAIT, LANDSCAPE]) {
    await page.setViewportSize(viewport);
    await openKiosk(page);
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.getByRole('button', { name: 'Bigger text' }).click();
    await expect(page.getByRole('button', { name: 'Bigger text' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before) * 1.2);
    for (const screen of ['home', 'results']) {
      if (screen === 'results') await page.getByRole('button', { name: /^Give/ }).click();
      const overflow = await page.evaluate(() =>
        [document.documentElement, ...document.querySelectorAll('main')].some(
          (el) => el.scrollWidth > el.clientWidth + 1,
        ),
      );
      expect(overflow, `${screen} scrolls sideways`).toBe(false);
    }
  }
});

test('body text is at least 20 px at 1080 wide', async ({ page }) => {
  await openKiosk(page);
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
});

test('no text entry, no links out, and every control is big enough, on every screen', async ({
  page,
}) => {
  await openKiosk(page);
  const visit = [
    () => Promise.resolve(),
    () => page.getByRole('button', { name: /^Take Notice/ }).click(),
    () => page.getByRole('button', { name: 'Choose day, place and more' }).click(),
    () => page.getByRole('button', { name: /^Show what I chose/ }).click(),
    () => page.locator('main .card').first().click(),
    () => page.getByRole('button', { name: 'Take it home' }).click(),
    () => page.getByRole('button', { name: 'Back' }).click(),
    () => page.getByRole('button', { name: 'Print', exact: true }).click(),
    () => page.getByRole('button', { name: /^Language/ }).click(),
  ];
  for (const [i, step] of visit.entries()) {
    await step();
    await page.waitForTimeout(50);
    expect(await countTextEntry(page), `text entry on step ${i}`).toBe(0);
    expect(await page.locator('a[href]').count(), `link on step ${i}`).toBe(0);
    expect(await findSmallTargets(page), `small controls on step ${i}`).toEqual([]);
    expect(await findCrowdedTargets(page), `crowded controls on step ${i}`).toEqual([]);
  }
});

test('primary navigation sits in the lower two-thirds of the screen', async ({ page }) => {
  for (const viewport of [PORTRAIT, LANDSCAPE]) {
    await page.setViewportSize(viewport);
    await openKiosk(page);
    const tops = await page
      .locator('.nav-button, .way-tile')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    for (const top of tops) expect(top).toBeGreaterThanOrEqual(viewport.height / 3);
  }
});
