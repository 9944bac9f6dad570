import AxeBuilder from '@axe-core/playwright';
import { addDays, londonDateOf, type Occurrence } from '@fiveways/shared';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './playwright.config.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Pictures to look at by eye after a change: SHOTS_DIR=/some/folder.
const SHOTS_DIR = process.env.SHOTS_DIR;

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

async function logIn(page: Page) {
  await page.goto('/staff/login');
  await page.getByLabel('Email address').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
}

async function shoot(page: Page, name: string, fullPage = true) {
  if (SHOTS_DIR !== undefined)
    await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage });
}

/** Nothing is wider than the screen: no sideways scrolling on a phone. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** A venue with something on in the fortnight from tomorrow, and those dates. */
async function busyVenue(request: APIRequestContext, from: string, to: string) {
  const res = await request.get(`/api/occurrences?from=${from}&to=${to}`);
  const { occurrences } = (await res.json()) as { occurrences: Occurrence[] };
  const first = occurrences.find((o) => o.status === 'scheduled');
  if (first === undefined) throw new Error('The sample data has nothing on in the next fortnight');
  const venues = (await (await request.get('/api/venues')).json()) as {
    slug: string;
    isHub: boolean;
  }[];
  const isHub = venues.find((v) => v.slug === first.venue.slug)?.isHub ?? false;
  return {
    slug: first.venue.slug,
    label: isHub ? `${first.venue.name} (hub)` : first.venue.name,
    scheduled: occurrences.filter(
      (o) => o.venue.slug === first.venue.slug && o.status === 'scheduled',
    ),
  };
}

async function statusesAt(request: APIRequestContext, venue: string, from: string, to: string) {
  const res = await request.get(`/api/occurrences?from=${from}&to=${to}&venue=${venue}`);
  const { occurrences } = (await res.json()) as { occurrences: Occurrence[] };
  return occurrences;
}

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('a venue is closed for a fortnight in one action, seen in feeds, and undone', async ({
      page,
      request,
    }) => {
      const from = addDays(londonDateOf(new Date()), size.name === 'phone' ? 1 : 15);
      const to = addDays(from, 13);
      const venue = await busyVenue(request, from, to);
      await logIn(page);
      await page.getByRole('link', { name: 'Closures' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Close a venue' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await shoot(page, `closures-empty-${size.name}`);

      await page.getByRole('combobox', { name: 'Venue' }).selectOption({ label: venue.label });
      await page.getByLabel('First day closed').fill(from);
      await page.getByLabel('Last day closed').fill(to);
      // Without a reason, the form says what is missing before asking the server.
      await page.getByRole('button', { name: 'Show what will be cancelled' }).click();
      await expect(page.getByRole('alert')).toContainText('There is a problem');
      await page.getByLabel('Reason residents will see').fill('Heating broken');
      await page.getByRole('button', { name: 'Show what will be cancelled' }).click();
      const n = venue.scheduled.length;
      await expect(
        page.getByRole('heading', { name: `${n} ${n === 1 ? 'date' : 'dates'} will be cancelled` }),
      ).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await shoot(page, `closures-preview-${size.name}`);

      await page.getByRole('button', { name: /^Close venue and cancel/ }).click();
      await expect(page.getByRole('status')).toContainText('Residents see this straight away');
      const closed = await statusesAt(request, venue.slug, from, to);
      expect(
        closed.filter((o) => o.status === 'cancelled' && o.cancelReason === 'Heating broken'),
      ).toHaveLength(n);
      const feed = await (await request.get(`/feeds/venues/${venue.slug}.ics`)).text();
      expect(feed).toContain('Heating broken');
      expect(feed).toContain('STATUS:CANCELLED');
      await expectNoSidewaysScroll(page);
      await shoot(page, `closures-closed-${size.name}`);

      // The staff home tells the week's closure.
      await page.getByRole('link', { name: 'This week' }).click();
      const summary = page.getByRole('region', { name: 'What changed this week' });
      await expect(summary).toContainText('Heating broken');
      await expectNoSidewaysScroll(page);
      await shoot(page, `home-changes-${size.name}`, false);

      await page.getByRole('link', { name: 'Closures' }).click();
      await page
        .getByRole('button', { name: /^Undo closure/ })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shoot(page, `closures-undo-${size.name}`);
      await page.getByRole('dialog').getByRole('button', { name: 'Undo closure' }).click();
      await expect(page.getByRole('status')).toContainText('Closure undone');
      const reopened = await statusesAt(request, venue.slug, from, to);
      expect(reopened.filter((o) => o.cancelReason === 'Heating broken')).toEqual([]);
      await expectNoAxeViolations(page);
    });

    test('a session is copied into Add a session, and term dates are kept', async ({ page }) => {
      await logIn(page);
      await page.getByRole('link', { name: 'Sessions', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      const copy = page.getByRole('link', { name: /^Copy “/ }).first();
      const name = (await copy.textContent()) ?? '';
      const title = /“(.*)”/.exec(name)?.[1] ?? '';
      await copy.click();
      await expect(page.getByRole('heading', { level: 1, name: 'Add a session' })).toBeVisible();
      await expect(page.getByLabel('Title', { exact: true })).toHaveValue(
        `${title} (copy)`.slice(-120),
      );
      await expect(page.getByText(`Copied from “${title}”`)).toBeVisible();
      const first = await page.getByLabel('First date').inputValue();
      expect(first > londonDateOf(new Date())).toBe(true);
      await expectNoSidewaysScroll(page);
      await shoot(page, `session-copy-${size.name}`, false);

      await page.getByRole('link', { name: 'School holidays' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'School holidays' })).toBeVisible();
      await expect(
        page.getByRole('button', { name: 'Change February half-term 2027' }),
      ).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await shoot(page, `school-holidays-${size.name}`);
      await page.getByRole('button', { name: 'Change February half-term 2027' }).click();
      await page.getByLabel('Last day off school').fill('2027-02-12');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('alert')).toContainText('There is a problem');
      await shoot(page, `school-holidays-error-${size.name}`);
      await page.getByLabel('Last day off school').fill('2027-02-19');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status')).toContainText('Saved: February half-term 2027');
    });
  });
}
