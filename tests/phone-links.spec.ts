// Links that work from a phone: every QR code and follow link is on the service's public address
// (PUBLIC_URL, here http://127.0.0.1:PORT) even when the kiosk was opened at another address; a
// calendar to follow is reached through its https follow page, never a bare webcal:// address;
// addresses that are no page answer 404; a session page carries its Event JSON-LD for crawlers.
import AxeBuilder from '@axe-core/playwright';
import { checkEventRichResult, readJsonLd } from '@fiveways/api/src/pages/event-rich-result.ts';
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { HOME_VENUE, LANDSCAPE, openKiosk, PORTRAIT } from './kiosk-helpers.ts';

const PHONE = { width: 390, height: 844 };
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** The same server under another name: what a kiosk set up at a local address is opened at. */
function otherAddress(baseURL: string | undefined): string {
  const url = new URL(baseURL ?? '');
  url.hostname = url.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return url.origin;
}

async function qrValues(page: Page): Promise<string[]> {
  return page
    .locator('svg[data-qr-value]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-qr-value') ?? ''));
}

async function publicUrlOf(page: Page): Promise<string> {
  const meta = (await (await page.request.get('/api/meta')).json()) as { publicUrl: string };
  return meta.publicUrl;
}

async function openTakeHome(page: Page, at: string): Promise<void> {
  await page.goto(`${at}/kiosk?venue=${HOME_VENUE}`);
  await expect(page.getByRole('button', { name: /^Connect/ })).toBeVisible();
  await page.locator('.home .card').first().click();
  await page.getByRole('button', { name: 'Take it home' }).click();
  await expect(page.locator('svg[data-qr-value]').first()).toBeVisible();
}

test.describe('the follow page', () => {
  test.use({ viewport: PHONE });

  test('offers Apple and the Outlook app webcal, Google’s add-by-address, Outlook on the web and the address to copy', async ({
    page,
  }) => {
    const publicUrl = await publicUrlOf(page);
    const host = new URL(publicUrl).host;
    const answer = await page.goto('/follow/ways/be-active');
    expect(answer?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Follow Be Active');
    await expect(
      page.getByText(/^Following keeps your calendar up to date by itself/),
    ).toBeVisible();
    const feed = `${publicUrl}/feeds/ways/be-active.ics`;
    await expect(
      page.getByRole('link', { name: 'Follow in Apple Calendar: Be Active' }),
    ).toHaveAttribute('href', `webcal://${host}/feeds/ways/be-active.ics`);
    await expect(
      page.getByRole('link', { name: 'Follow in the Outlook app: Be Active' }),
    ).toHaveAttribute('href', `webcal://${host}/feeds/ways/be-active.ics`);
    const google = await page
      .getByRole('link', { name: 'Follow in Google Calendar: Be Active' })
      .getAttribute('href');
    expect(new URL(google ?? '').origin).toBe('https://calendar.google.com');
    expect(new URL(google ?? '').searchParams.get('cid')).toBe(
      `webcal://${host}/feeds/ways/be-active.ics`,
    );
    const outlook = await page
      .getByRole('link', { name: 'Follow in Outlook on the web: Be Active' })
      .getAttribute('href');
    expect(outlook?.startsWith('https://outlook.live.com/calendar/0/addfromweb?')).toBe(true);
    expect(new URL(outlook ?? '').searchParams.get('url')).toBe(feed);
    expect(new URL(outlook ?? '').searchParams.get('name')).toBe('Be Active');
    await expect(
      page.getByRole('link', { name: `Calendar address of Be Active: ${feed}` }),
    ).toHaveAttribute('href', feed);
    await expect(page.getByRole('button', { name: 'Copy address of Be Active' })).toBeVisible();
    const calendar = await page.request.get(feed);
    expect(calendar.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test.describe('on an Android phone', () => {
    test.use({ userAgent: ANDROID });
    test('suggests Google Calendar first, since Android has no webcal handler', async ({
      page,
    }) => {
      await page.goto('/follow/all');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Follow all sessions');
      const first = page.locator('.pub-follow-options > li').first();
      await expect(first).toContainText('Suggested for this device');
      await expect(first.getByRole('link')).toHaveText('Follow in Google Calendar');
    });
  });

  test.describe('on an iPhone', () => {
    test.use({ userAgent: IPHONE });
    test('suggests Apple Calendar first', async ({ page }) => {
      await page.goto('/follow/all');
      const first = page.locator('.pub-follow-options > li').first();
      await expect(first).toContainText('Suggested for this device');
      await expect(first.getByRole('link')).toHaveText('Follow in Apple Calendar');
    });
  });

  test('for a session, also offers the dates once, and tells the two apart', async ({ page }) => {
    const sessions = (await (await page.request.get('/api/sessions')).json()) as {
      items: { id: number; title: string }[];
    };
    const session = sessions.items[0];
    if (session === undefined) throw new Error('The sample data has no session');
    const publicUrl = await publicUrlOf(page);
    await page.goto(`/follow/sessions/${session.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Follow ${session.title}`);
    const once = page.getByRole('region', { name: 'Only want the dates once?' });
    await expect(once.getByRole('link', { name: 'Add to my calendar' })).toHaveAttribute(
      'href',
      `${publicUrl}/feeds/sessions/${session.id}.ics`,
    );
    await expect(once.getByText(/Later changes will not reach your calendar/)).toBeVisible();
  });

  test('reads right to left in Urdu, with the choices in Urdu', async ({ page }) => {
    await page.goto('/follow/ways/connect?lang=ur');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ur');
    // The way's name is set apart with isolates, so it keeps its own direction.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '\u2068جڑیں\u2069 کو فالو کریں',
    );
    await expect(page.getByRole('link', { name: /^گوگل کیلنڈر میں فالو کریں/ })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('answers 404 for a calendar that does not exist, and says so', async ({ page }) => {
    for (const path of [
      '/follow/venues/atlantis',
      '/follow/sessions/99999',
      '/follow/planets/mars',
    ]) {
      const answer = await page.goto(path);
      expect(answer?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        /We can’t find that (calendar|page)/,
      );
    }
  });
});

test.describe('QR codes from a kiosk opened at a local address', () => {
  test.use({ viewport: PORTRAIT });

  test('all lead to the public address, the follow ones to https follow pages', async ({
    page,
    baseURL,
  }) => {
    const publicUrl = await publicUrlOf(page);
    const at = otherAddress(baseURL);
    expect(at).not.toBe(publicUrl);
    await openTakeHome(page, at);
    await page.getByRole('button', { name: 'More ways to take it home' }).click();
    await expect(page.locator('svg[data-qr-value]')).toHaveCount(5);
    const values = await qrValues(page);
    expect(values).toHaveLength(5);
    for (const value of values) {
      expect(value.startsWith(`${publicUrl}/`), value).toBe(true);
      expect(value).not.toMatch(/^webcal:/);
    }
    const [phone, calendar, follow, way, hub] = values;
    expect(calendar).toMatch(new RegExp(`^${publicUrl}/feeds/sessions/\\d+\\.ics$`));
    expect(follow).toMatch(new RegExp(`^${publicUrl}/follow/sessions/\\d+$`));
    expect(phone).toMatch(new RegExp(`^${publicUrl}/sessions/\\d+$`));
    expect(way).toMatch(new RegExp(`^${publicUrl}/follow/ways/[a-z-]+$`));
    expect(hub).toBe(`${publicUrl}/follow/venues/${HOME_VENUE}`);
    // Each code's address answers a phone: the calendar file, and the pages.
    for (const value of values) {
      const answer = await page.request.get(value);
      expect(answer.status(), value).toBe(200);
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Add to my calendar' })).toBeVisible();
    await expect(page.getByText(/^Saves the dates once\. Later changes/)).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: 'Follow this session' }),
    ).toBeVisible();
    await expect(page.getByText(/^Your calendar updates itself/)).toBeVisible();
  });

  test('print the session with a code for the public address', async ({ page, baseURL }) => {
    const publicUrl = await publicUrlOf(page);
    await page.goto(`${otherAddress(baseURL)}/kiosk?venue=${HOME_VENUE}`);
    await page.locator('.home .card').first().click();
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    const [code] = await qrValues(page);
    expect(code).toMatch(new RegExp(`^${publicUrl}/sessions/\\d+$`));
  });

  test('in Urdu, hand the phone Urdu pages and name add and follow in Urdu', async ({
    page,
    baseURL,
  }) => {
    const publicUrl = await publicUrlOf(page);
    await page.goto(`${otherAddress(baseURL)}/kiosk?venue=${HOME_VENUE}`);
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('button', { name: 'اردو', exact: true }).click();
    await page.getByRole('button', { name: 'ہوم' }).click();
    await page.locator('.home .card').first().click();
    await page.getByRole('button', { name: 'گھر لے جائیں' }).click();
    await page.getByRole('button', { name: 'مزید طریقے' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'اس سرگرمی کو فالو کریں' }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: 'میرے کیلنڈر میں شامل کریں' }),
    ).toBeVisible();
    const [phone, , follow] = await qrValues(page);
    expect(follow).toMatch(new RegExp(`^${publicUrl}/follow/sessions/\\d+\\?lang=ur$`));
    expect(phone).toMatch(new RegExp(`^${publicUrl}/sessions/\\d+\\?lang=ur$`));
  });
});

test.describe('addresses that are no page', () => {
  test.use({ viewport: PHONE });

  test('answer 404 with the app’s not-found page', async ({ page }) => {
    for (const path of ['/nonsense', '/kiosk/extra', '/staff/nonsense', '/sessions/abc']) {
      const answer = await page.goto(path);
      expect(answer?.status(), path).toBe(404);
      expect(answer?.headers()['content-type'], path).toBe('text/html; charset=utf-8');
    }
    await page.goto('/nonsense');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
    await expect(
      page.getByRole('link', { name: 'See all the calendars you can follow' }),
    ).toHaveAttribute('href', '/subscribe');
    await expect(page.getByRole('button', { name: 'Start again' })).toHaveCount(0);
  });

  test('the app’s own pages still answer 200', async ({ page }) => {
    for (const path of ['/', '/kiosk', '/subscribe', '/follow/all', '/staff', '/staff/login']) {
      const answer = await page.request.get(path);
      expect(answer.status(), path).toBe(200);
    }
  });
});

test('a session page’s HTML carries Event JSON-LD a crawler can read without running script', async ({
  request,
}) => {
  const sessions = (await (await request.get('/api/sessions')).json()) as {
    items: { id: number; title: string }[];
  };
  const meta = (await (await request.get('/api/meta')).json()) as { publicUrl: string };
  let checked = 0;
  for (const session of sessions.items.slice(0, 10)) {
    const html = await (await request.get(`/sessions/${session.id}`)).text();
    const blocks = readJsonLd(html);
    if (blocks.length === 0) continue; // a session with no date left has no event to describe
    expect(blocks).toHaveLength(1);
    expect(checkEventRichResult(blocks[0])).toEqual([]);
    expect(blocks[0]).toMatchObject({
      '@type': 'Event',
      name: session.title,
      url: `${meta.publicUrl}/sessions/${session.id}`,
    });
    checked += 1;
  }
  expect(checked).toBeGreaterThan(3);
});

// The take-home screen in Urdu for the docs (kiosk-screenshots.spec.ts takes it in English):
// SCREENSHOTS=1 npx playwright test phone-links
test.describe('screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots');
  for (const [orientation, viewport] of Object.entries({
    portrait: PORTRAIT,
    landscape: LANDSCAPE,
  })) {
    test(`take-home, ${orientation}, in Urdu`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openKiosk(page);
      await page.locator('.home .card').first().click();
      await page.getByRole('button', { name: 'Take it home' }).click();
      await expect(page.locator('svg[data-qr-value]').first()).toBeVisible();
      await page.getByRole('button', { name: /^Language/ }).click();
      await page.getByRole('button', { name: 'اردو', exact: true }).click();
      await page.getByRole('button', { name: 'ہوم' }).click();
      await page.locator('.home .card').first().click();
      await page.getByRole('button', { name: 'گھر لے جائیں' }).click();
      await expect(page.locator('svg[data-qr-value]').first()).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/kiosk-take-home-urdu-${orientation}.png` });
    });
  }
});
