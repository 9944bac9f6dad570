// In the resident's language all the way: the phone pages in Polish, Romanian and Urdu (right to
// left), chosen by ?lang=, kept for the visit or taken from the phone; the kiosk's codes carry its
// language; translated titles and summaries where staff gave them, "Details are in English" where
// not; staff text marked with its language; staff add translations in the editors.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HOME_VENUE, openKiosk, PORTRAIT } from './kiosk-helpers.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './playwright.config.ts';

const PHONE = { width: 390, height: 844 };
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = process.env.LANGUAGE_SHOTS;

interface SessionSummary {
  id: number;
  title: string;
}

async function sessionIdOf(page: Page, title: string): Promise<number> {
  const list = (await (await page.request.get('/api/sessions')).json()) as {
    items: SessionSummary[];
  };
  const found = list.items.find((s) => s.title === title);
  if (found === undefined) throw new Error(`No session titled ${title}`);
  return found.id;
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test.describe('the session page in Urdu', () => {
  test.use({ viewport: PHONE });

  test('reads right to left, with Urdu headings, the Urdu title and summary, and no axe violations', async ({
    page,
  }) => {
    const id = await sessionIdOf(page, 'Time to Talk');
    await page.goto(`/sessions/${id}?lang=ur`);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('dir', 'rtl');
    await expect(html).toHaveAttribute('lang', 'ur');
    const title = page.getByRole('heading', { level: 1 });
    await expect(title).toHaveText('بات کرنے کا وقت');
    await expect(title).toHaveAttribute('lang', 'ur');
    await expect(title).toHaveAttribute('dir', 'auto');
    await expect(page.getByRole('heading', { level: 2, name: 'اگلی تاریخیں' })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: 'اپنے کیلنڈر میں شامل کریں' }),
    ).toBeVisible();
    await expect(page.locator('.pub-lead[lang="ur"]')).toContainText('چائے');
    // Everything here is translated: no "in English" note.
    await expect(page.locator('.content-note')).toHaveCount(0);
    // What staff wrote and nobody translated is marked English, in its own direction.
    await expect(page.locator('address.pub-venue')).toHaveAttribute('lang', 'en');
    await expect(page.locator('address.pub-venue')).toHaveAttribute('dir', 'auto');
    await expect(page).toHaveTitle(/^بات کرنے کا وقت – /);
    await expectNoAxeViolations(page);
  });

  test('says the details are in English for a session nobody translated', async ({ page }) => {
    const id = await sessionIdOf(page, 'Craft and Chat');
    await page.goto(`/sessions/${id}?lang=ur`);
    const title = page.getByRole('heading', { level: 1 });
    await expect(title).toHaveText('Craft and Chat');
    await expect(title).toHaveAttribute('lang', 'en');
    await expect(page.locator('.content-note')).toHaveText('تفصیلات انگریزی میں ہیں۔');
    await expectNoAxeViolations(page);
  });
});

test.describe('choosing the language of a phone page', () => {
  test.use({ viewport: PHONE });

  test('keeps ?lang= for the rest of the visit, and the switch goes back to English', async ({
    page,
  }) => {
    await page.goto('/subscribe?lang=pl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Lokalne zajęcia w Twoim kalendarzu',
    );
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    const id = await sessionIdOf(page, 'Time to Talk');
    await page.goto(`/sessions/${id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Czas na rozmowę');
    // The switch names every language in itself and marks the one in use.
    const switcher = page.getByRole('navigation', { name: 'Wybierz język' });
    await expect(switcher.getByRole('link', { name: 'Polski' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await switcher.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Time to Talk');
    await page.goto('/subscribe');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test.describe('on a phone set to Romanian', () => {
    test.use({ locale: 'ro-RO' });

    test("opens in Romanian without ?lang=, from the phone's languages", async ({ page }) => {
      await page.goto('/subscribe');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Activități locale în calendarul dumneavoastră',
      );
      await expect(page).toHaveTitle(/Five Ways Worcester$/);
    });
  });
});

test.describe('the kiosk in Polish', () => {
  test.use({ viewport: PORTRAIT });

  test('shows translated titles marked Polish, and its codes open Polish phone pages', async ({
    page,
  }) => {
    await openKiosk(page, HOME_VENUE);
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('button', { name: 'Polski', exact: true }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const translated = page.locator('.card-title[lang="pl"]', { hasText: 'Czas na rozmowę' });
    await expect(translated.first()).toBeVisible();
    await expect(page.locator('.card-venue').first()).toHaveAttribute('lang', 'en');
    await translated.first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Czas na rozmowę');
    await expect(page.locator('.lead[lang="pl"]')).toContainText('Napij się herbaty');
    await page.getByRole('button', { name: 'Zabierz ze sobą' }).click();
    await expect(page.locator('svg[data-qr-value]').first()).toBeVisible();
    const values = await page
      .locator('svg[data-qr-value]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-qr-value') ?? ''));
    const pages = values.filter((v) => !v.endsWith('.ics'));
    expect(pages.length).toBeGreaterThan(0);
    for (const value of pages) expect(new URL(value).searchParams.get('lang'), value).toBe('pl');
    const phonePage = pages.find((v) => /^\/sessions\/\d+$/.test(new URL(v).pathname));
    expect(phonePage).toBeDefined();
    await page.setViewportSize(PHONE);
    await page.goto(phonePage ?? '');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Czas na rozmowę');
  });
});

test.describe('the kiosk print sheet in Polish', () => {
  test.use({ viewport: PORTRAIT });

  test('prints the Polish title and summary, marked Polish, and the take-home summary too', async ({
    page,
  }) => {
    await openKiosk(page, HOME_VENUE);
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('button', { name: 'Polski', exact: true }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.locator('.card-title[lang="pl"]', { hasText: 'Czas na rozmowę' }).first().click();
    await page.getByRole('button', { name: 'Zabierz ze sobą' }).click();
    await expect(page.locator('.summary-title')).toHaveText('Czas na rozmowę');
    await expect(page.locator('.summary-title')).toHaveAttribute('lang', 'pl');
    await page.getByRole('button', { name: 'Wstecz' }).click();
    await page.getByRole('button', { name: 'Drukuj', exact: true }).click();
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.sheet');
    await expect(sheet.getByRole('heading', { level: 2 })).toHaveText('Czas na rozmowę');
    await expect(sheet.getByRole('heading', { level: 2 })).toHaveAttribute('lang', 'pl');
    await expect(sheet.locator('p[lang="pl"]')).toContainText('Napij się herbaty');
    // The English title is not printed as well (the contact's name may still say it).
    await expect(sheet.getByText('Time to Talk', { exact: true })).toHaveCount(0);
  });
});

test.describe('staff translations', () => {
  test('are added in the session editor and shown to residents', async ({ page }) => {
    const id = await sessionIdOf(page, 'Craft and Chat');
    await page.goto('/staff/login');
    await page.getByLabel('Email address').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
    await page.goto(`/staff/sessions/${id}`);
    await page.getByLabel('Title in Romanian').fill('Lucru manual și povești');
    await page.getByLabel('Description in Romanian').fill('Veniți cu lucrul de mână.');
    await page.getByRole('button', { name: 'Save translations' }).click();
    await expect(page.getByText('Translations saved.')).toBeVisible();
    await page.goto(`/sessions/${id}?lang=ro`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lucru manual și povești');
    await expect(page.locator('.pub-lead[lang="ro"]')).toHaveText('Veniți cu lucrul de mână.');
  });
});

// Every phone page in every language at a phone's size and a portrait kiosk's, to look at:
// LANGUAGE_SHOTS=<folder> npx playwright test resident-language.
test.describe('pictures in every language', () => {
  test.skip(!SHOTS, 'set LANGUAGE_SHOTS to a folder to take them');
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['portrait', PORTRAIT],
  ] as const) {
    for (const language of ['en', 'pl', 'ro', 'ur'] as const) {
      test(`${language} at ${size}`, async ({ page }) => {
        await page.setViewportSize(viewport);
        const id = await sessionIdOf(page, 'Time to Talk');
        const other = await sessionIdOf(page, 'Craft and Chat');
        for (const [name, path] of [
          ['session', `/sessions/${id}`],
          ['session-untranslated', `/sessions/${other}`],
          ['subscribe', '/subscribe'],
          ['follow', `/follow/sessions/${id}`],
        ] as const) {
          await page.goto(`${path}?lang=${language}`);
          await expect(page.locator('main h1')).toBeVisible();
          await page.screenshot({
            path: `${SHOTS}/${name}-${language}-${size}.png`,
            fullPage: true,
          });
          await page.screenshot({ path: `${SHOTS}/${name}-${language}-${size}-first-screen.png` });
        }
      });
    }
  }
});
