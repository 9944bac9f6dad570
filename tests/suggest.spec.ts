// Suggest a group, from a phone in each language (Urdu right to left), and the staff area's
// queue at desk and phone sizes: decline with a reason, and approve into a new group made from it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { AXE_TAGS, logInAdmin, originOf } from './staff-helpers.ts';

/** Screenshots are written to docs/ only when SCREENSHOTS=1, so a test run leaves the checkout clean. */
function shotAt(path: string): { path?: string } {
  return process.env.SCREENSHOTS ? { path } : {};
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots', import.meta.url));

/** What a resident types, per language, and the words the page must show. */
const RESIDENTS = [
  {
    lang: 'en',
    dir: 'ltr',
    heading: 'Know a group we’re missing?',
    send: 'Send suggestion',
    thanks: 'Thank you!',
    name: 'Warndon Walkers',
    what: 'A gentle walk round the lakes, then tea.',
    where: 'Outside Warndon library',
    when: 'Thursdays at 10am',
  },
  {
    lang: 'pl',
    dir: 'ltr',
    heading: 'Znasz grupę, której brakuje?',
    send: 'Wyślij propozycję',
    thanks: 'Dziękujemy!',
    name: 'Polska Szkoła Sobotnia',
    what: 'Lekcje polskiego dla dzieci i kawa dla rodziców.',
    where: 'Sala parafialna, St John’s',
    when: 'Soboty 10:00–13:00',
  },
  {
    lang: 'ro',
    dir: 'ltr',
    heading: 'Știți un grup care lipsește?',
    send: 'Trimiteți sugestia',
    thanks: 'Vă mulțumim!',
    name: 'Cafeneaua românească',
    what: 'Întâlniri pentru familii nou venite, cu ceai și sfaturi.',
    where: 'Centrul comunitar Gorse Hill',
    when: 'Miercuri seara',
  },
  {
    lang: 'ur',
    dir: 'rtl',
    heading: 'کیا آپ کسی ایسے گروپ کو جانتے ہیں جو ہماری فہرست میں نہیں؟',
    send: 'تجویز بھیجیں',
    thanks: 'شکریہ!',
    name: 'خواتین کا سلائی گروپ',
    what: 'ہر ہفتے سلائی اور بات چیت، چائے کے ساتھ۔',
    where: 'Lyppard Hub',
    when: 'منگل، صبح 11 بجے',
  },
] as const;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test.describe('suggest a group from a phone', () => {
  test.use({ viewport: PHONE });

  for (const r of RESIDENTS) {
    test(`in ${r.lang}: filled in, checked and sent`, async ({ page }) => {
      await page.goto(`/suggest?lang=${r.lang}`);
      await expect(page.getByRole('heading', { level: 1, name: r.heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', r.lang);
      await expect(page.locator('html')).toHaveAttribute('dir', r.dir);

      // Sent empty: every needed field is named in the summary, in this language.
      await page.getByRole('button', { name: r.send }).click();
      const summary = page.getByRole('alert');
      await expect(summary.getByRole('link')).toHaveCount(4);
      await page.screenshot({
        ...shotAt(`${SCREENSHOTS}/suggest-errors-${r.lang}.png`),
        fullPage: true,
      });

      const form = page.locator('form.sg-form');
      const fields = form.locator('input[type=text], textarea');
      await fields.nth(0).fill(r.name);
      await fields.nth(1).fill(r.what);
      await fields.nth(2).fill(r.where);
      await fields.nth(3).fill(r.when);
      const ways = form.locator('.sg-way');
      await expect(ways).toHaveCount(5);
      await ways.nth(0).click();
      await ways.nth(2).click();
      await expect(ways.nth(0)).toHaveClass(/sg-way-on/);
      // Each way is a tall target for a thumb.
      const box = await ways.nth(0).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(56);
      await page.locator('#sg-groupContact').fill('Pat, 07700 900123');
      // A contact without the agreement tick is refused before it is sent.
      await page.getByRole('button', { name: r.send }).click();
      await expect(page.getByRole('alert').getByRole('link')).toHaveCount(1);
      await page.locator('#sg-groupAgreed').check();
      await page.locator('#sg-replyEmail').fill(`resident-${r.lang}@example.org`);
      // Nothing runs off the side of the phone, whichever way the page reads.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      await page.screenshot({
        ...shotAt(`${SCREENSHOTS}/suggest-form-${r.lang}.png`),
        fullPage: true,
      });

      // A person takes more than three seconds over the form; the check would refuse less.
      await page.waitForTimeout(3_200);
      await page.getByRole('button', { name: r.send }).click();
      await expect(page.getByRole('heading', { level: 1, name: r.thanks })).toBeVisible();
      await page.screenshot({ ...shotAt(`${SCREENSHOTS}/suggest-thanks-${r.lang}.png`) });
    });
  }

  test('a form sent within three seconds is refused kindly, and the same form then goes', async ({
    page,
  }) => {
    await page.goto('/suggest');
    const fields = page.locator('form.sg-form').locator('input[type=text], textarea');
    await fields.nth(0).fill('Quick Quiz Night');
    await fields.nth(1).fill('A pub quiz without the pub.');
    await fields.nth(2).fill('Rainbow Hill hub');
    await fields.nth(3).fill('Fridays 7pm');
    await page.getByRole('button', { name: 'Send suggestion' }).click();
    await expect(page.getByRole('alert')).toContainText('wait a few seconds');
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: 'Send suggestion' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();
  });
});

test.describe('the suggestions queue', () => {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    test(`at ${size} size: decline with a reason, approve into a new group`, async ({
      page,
      baseURL,
    }) => {
      await page.setViewportSize(viewport);
      const origin = originOf(baseURL);
      // Two suggestions to decide, made in the staff area (the public form's limit per address
      // is spent by the phone tests above, which all come from this machine).
      const declinedName = `Declined ${size} group`;
      const approvedName = `Approved ${size} group`;
      await logInAdmin(page.request, baseURL);
      for (const name of [declinedName, approvedName]) {
        const sent = await page.request.post('/api/staff/suggestions', {
          headers: { origin },
          data: {
            name,
            what: 'Seen on a poster at the hub.',
            where: 'Warndon Community Hub',
            when: 'Mondays 2pm',
            ways: ['connect'],
            replyEmail: 'resident@example.org',
          },
        });
        expect(sent.status(), await sent.text()).toBe(201);
      }
      await page.goto('/staff/suggestions');
      await expect(page.getByRole('heading', { level: 1, name: 'Suggestions' })).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Staff area' });
      await expect(nav.getByRole('link', { name: /Suggestions \d+ new/ })).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name: declinedName })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.screenshot({
        ...shotAt(`${SCREENSHOTS}/staff-suggestions-${size}.png`),
        fullPage: true,
      });

      const declined = page.locator('article', {
        has: page.getByRole('heading', { name: declinedName }),
      });
      await declined.getByLabel('Reason').fill('It meets outside Worcester');
      await declined.getByRole('button', { name: /^Decline/ }).click();
      await expect(page.getByRole('status')).toContainText(
        'The suggester has been emailed the outcome, and their address deleted.',
      );

      const approved = page.locator('article', {
        has: page.getByRole('heading', { name: approvedName }),
      });
      await approved.getByRole('link', { name: /Approve as a new group/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Add a group' })).toBeVisible();
      await expect(page.getByLabel('Name', { exact: true })).toHaveValue(approvedName);
      await expect(page.getByLabel('What the group does')).toHaveValue(/When: Mondays 2pm/);
      await page.screenshot({
        ...shotAt(`${SCREENSHOTS}/staff-suggestion-approve-${size}.png`),
        fullPage: true,
      });
      await page.getByRole('button', { name: 'Add group' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Suggestions' })).toBeVisible();
      await expect(page.getByRole('status').first()).toContainText('approved the suggestion');
      const done = page.locator('article', {
        has: page.getByRole('heading', { name: approvedName }),
      });
      await expect(done).toContainText('Approved');
    });
  }
});
