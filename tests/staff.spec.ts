import AxeBuilder from '@axe-core/playwright';
import { addDays, londonDateOf, weekdayOf, type Occurrence } from '@fiveways/shared';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './playwright.config.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.use({ viewport: { width: 1280, height: 800 } });

async function logIn(page: Page) {
  await page.goto('/staff/login');
  await page.getByLabel('Email address').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
}

/** A Tuesday at least a week ahead, in London. */
function aTuesdayAhead(): string {
  let date = addDays(londonDateOf(new Date()), 7);
  while (weekdayOf(date) !== 'tue') date = addDays(date, 1);
  return date;
}

async function firstHub(request: APIRequestContext): Promise<{ slug: string; name: string }> {
  // GET /api/venues answers a bare list.
  const venues = (await (await request.get('/api/venues')).json()) as {
    slug: string;
    name: string;
    isHub: boolean;
  }[];
  const hub = venues.find((v) => v.isHub);
  if (!hub) throw new Error('The sample data has no hub');
  return hub;
}

async function occurrencesOf(
  request: APIRequestContext,
  sessionId: number,
  venue: string,
  from: string,
  to: string,
): Promise<Occurrence[]> {
  const response = await request.get(`/api/occurrences?from=${from}&to=${to}&venue=${venue}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { occurrences: Occurrence[] };
  return body.occurrences.filter((o) => o.sessionId === sessionId);
}

/** The VEVENT blocks of a feed that carry this summary. */
async function feedEventsFor(request: APIRequestContext, venue: string, title: string) {
  const response = await request.get(`/feeds/venues/${venue}.ics`);
  expect(response.status()).toBe(200);
  const ics = (await response.text()).replace(/\r\n[ \t]/g, '');
  // A cancelled date's summary may carry a prefix such as "Cancelled: ".
  return ics
    .split('BEGIN:VEVENT')
    .filter((block) =>
      block.split('\r\n').some((line) => line.startsWith('SUMMARY:') && line.endsWith(title)),
    );
}

/** Fills the session editor with a fortnightly session; returns the first date. */
async function fillFortnightly(page: Page, title: string, venueName: string): Promise<string> {
  const start = aTuesdayAhead();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('group', { name: 'Ways to wellbeing' }).getByLabel('Connect').check();
  await page.getByRole('combobox', { name: 'Venue' }).selectOption({ label: venueName });
  await page.getByLabel('First date').fill(start);
  await page.getByLabel('Starts at').fill('10:00');
  await page.getByLabel('Ends at').fill('11:30');
  await page.getByLabel('Every week, or every few weeks').check();
  await page.getByLabel('Every how many weeks?').fill('2');
  const days = page.getByRole('group', { name: 'On which days?' });
  await expect(days.getByLabel('Tuesday')).toBeChecked();
  await page.getByLabel('After a number of times').check();
  await page.getByLabel('How many times?').fill('5');
  return start;
}

test('admin publishes a fortnightly session, cancels one date, and the kiosk data and feed follow', async ({
  page,
}) => {
  const request = page.request;
  const hub = await firstHub(request);
  await logIn(page);
  await page.getByRole('link', { name: 'Add a session' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a session' })).toBeVisible();

  const title = `Fortnightly natter ${Date.now() % 100000}`;
  const start = await fillFortnightly(page, title, hub.name);
  const preview = page.getByRole('complementary', { name: 'When it runs' });
  await expect(
    preview.getByText(/^Every 2 weeks on Tuesday, 10:00–11:30, from \d+ \w{3} \d{4}, 5 times$/),
  ).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveCount(5);

  await page.getByRole('button', { name: 'Publish session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const id = Number(/\/staff\/sessions\/(\d+)/.exec(page.url())?.[1]);
  expect(id).toBeGreaterThan(0);

  // The occurrences the kiosk reads: five dates, two weeks apart, all on.
  const last = addDays(start, 56);
  const published = await occurrencesOf(request, id, hub.slug, start, last);
  expect(published.map((o) => o.date)).toEqual([0, 14, 28, 42, 56].map((n) => addDays(start, n)));
  expect(published.every((o) => o.status === 'scheduled')).toBe(true);
  expect(await feedEventsFor(request, hub.slug, title)).not.toHaveLength(0);

  // Cancel the second date from "This week".
  const second = addDays(start, 14);
  await page.goto(`/staff?week=${second}`);
  // The date's own row (the week's changes above also name the session, without buttons).
  const row = page
    .getByRole('listitem')
    .filter({ hasText: title })
    .filter({ has: page.getByRole('button') });
  await row.getByRole('button', { name: /^Cancel / }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Venue closed').check();
  await dialog.getByRole('button', { name: 'Cancel this one' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled:' })).toBeVisible();
  await expect(row.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(row.getByText('Venue closed')).toBeVisible();

  const after = await occurrencesOf(request, id, hub.slug, start, last);
  expect(after.find((o) => o.date === second)).toMatchObject({
    status: 'cancelled',
    cancelReason: 'Venue closed',
  });
  expect(after.filter((o) => o.status === 'cancelled')).toHaveLength(1);
  const events = await feedEventsFor(request, hub.slug, title);
  const cancelled = events.filter((e) => e.includes('STATUS:CANCELLED'));
  expect(cancelled).toHaveLength(1);
  expect(cancelled[0]).toContain(second.replaceAll('-', ''));

  // Reinstate it: back on everywhere.
  await row.getByRole('button', { name: /^Reinstate / }).click();
  await expect(row.getByText('On', { exact: true })).toBeVisible();
  const reinstated = await occurrencesOf(request, id, hub.slug, second, second);
  expect(reinstated[0]?.status).toBe('scheduled');
});

test('a session titled with markup renders as plain text in the staff pages', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const hub = await firstHub(page.request);
  const title = '<img src=x onerror=alert(1)>';
  await logIn(page);
  await page.goto('/staff/sessions/new');
  const start = await fillFortnightly(page, title, hub.name);
  await page.getByRole('button', { name: 'Publish session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit: ${title}` })).toBeVisible();

  await page.goto(`/staff?week=${start}`);
  await expect(page.getByRole('link', { name: title }).first()).toBeVisible();
  await page.goto('/staff/sessions');
  await expect(page.getByRole('link', { name: title }).first()).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('the session form keeps everything typed when the server refuses it', async ({ page }) => {
  const hub = await firstHub(page.request);
  await logIn(page);
  await page.goto('/staff/sessions/new');
  await fillFortnightly(page, 'Knit and natter', hub.name);
  await page.getByLabel('Description').fill('Bring a project, or learn from scratch.');
  await page.getByLabel('Ends at').fill('09:30');
  await page.getByRole('button', { name: 'Publish session' }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(
    summary.getByRole('link', { name: 'The end time must be after the start time' }),
  ).toBeVisible();
  const endTime = page.getByLabel('Ends at');
  await expect(endTime).toHaveAttribute('aria-invalid', 'true');
  await expect(endTime).toHaveAccessibleDescription(/The end time must be after the start time/);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Knit and natter');
  await expect(page.getByLabel('Description')).toHaveValue(
    'Bring a project, or learn from scratch.',
  );
  await expect(page.getByLabel('How many times?')).toHaveValue('5');
  await expect(page.getByLabel('Every how many weeks?')).toHaveValue('2');
  expect(page.url()).toMatch(/\/staff\/sessions\/new$/);

  // Fixing the one field is enough.
  await endTime.fill('11:30');
  await page.getByRole('button', { name: 'Publish session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
});

test('a wrong password gets a plain message and the email stays', async ({ page }) => {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff/);
  await page.getByLabel('Email address').fill('nobody@example.org');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email address or password is not right');
  await expect(page.getByRole('textbox', { name: 'Email address' })).toHaveValue(
    'nobody@example.org',
  );
});

test('an admin invites a staff member, who sets a password and sees only their venue', async ({
  page,
  browser,
}) => {
  const hub = await firstHub(page.request);
  await logIn(page);
  await page.getByRole('link', { name: 'Users' }).click();
  const email = `staff-${Date.now()}@example.org`;
  const form = page.getByRole('region', { name: 'Add a person' });
  await form.getByLabel('Name').fill('Sam Staff');
  await form.getByLabel('Email address').fill(email);
  await form.getByRole('group', { name: 'Venues they look after' }).getByLabel(hub.name).check();
  await form.getByRole('button', { name: 'Add and make invite link' }).click();
  const link = await page.getByLabel('One-time link').inputValue();
  expect(link).toMatch(/\/staff\/invite\/[^/]+$/);

  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const staffPage = await other.newPage();
  await staffPage.goto(new URL(link).pathname);
  await expect(staffPage.getByText('Welcome, Sam Staff.')).toBeVisible();
  await staffPage.getByLabel('New password', { exact: true }).fill('a long enough password');
  await staffPage.getByLabel('New password again').fill('a long enough password');
  await staffPage.getByRole('button', { name: 'Set password' }).click();
  await expect(staffPage.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
  await expect(staffPage.getByText('Sam Staff')).toBeVisible();
  await expect(staffPage.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await staffPage.goto('/staff/sessions/new');
  const venues = staffPage.getByRole('combobox', { name: 'Venue' }).getByRole('option');
  await expect(venues).toHaveText([hub.name]);

  // The link works once.
  const again = await browser.newContext();
  const reuse = await again.newPage();
  await reuse.goto(new URL(link).pathname);
  await expect(reuse.getByRole('alert')).toContainText('expired or has already been used');
  await other.close();
  await again.close();
});

test('login, this week and the session editor pass axe (WCAG 2.2 AA)', async ({ page }) => {
  await page.goto('/staff/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);

  await logIn(page);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);

  await page.goto('/staff/sessions/new');
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);

  // With errors showing, too.
  await page.getByRole('button', { name: 'Publish session' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
});

/** The last Sunday of March after today: the night the clocks go forward. */
function nextSpringChange(): string {
  const today = londonDateOf(new Date());
  for (let year = Number(today.slice(0, 4)); ; year++) {
    let date = `${year}-03-31`;
    while (weekdayOf(date) !== 'sun') date = addDays(date, -1);
    if (date > today) return date;
  }
}

test('the session form warns, before saving, when a date and time meet the clock-change hour', async ({
  page,
}) => {
  const hub = await firstHub(page.request);
  const date = nextSpringChange();
  await logIn(page);
  await page.goto('/staff/sessions/new');
  await page.getByLabel('Title', { exact: true }).fill('Night sky walk');
  await page.getByRole('group', { name: 'Ways to wellbeing' }).getByLabel('Take Notice').check();
  await page.getByRole('combobox', { name: 'Venue' }).selectOption({ label: hub.name });
  await page.getByLabel('Once only').check();
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByLabel('Starts at').fill('01:30');
  await page.getByLabel('Ends at').fill('02:30');
  const warning = page.getByRole('status').filter({ hasText: 'Clock change.' });
  await expect(warning).toContainText('the clocks go forward at 1am');
  await expect(warning).toContainText('01:00 to 01:59 does not happen that night');
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
  if (process.env.SCREENSHOTS) {
    await page.screenshot({
      path: new URL('../docs/screenshots/staff-clock-change-warning.png', import.meta.url).pathname,
      fullPage: true,
    });
  }
  // Another time the same night needs no warning.
  await page.getByLabel('Starts at').fill('20:00');
  await page.getByLabel('Ends at').fill('21:00');
  await expect(warning).toHaveCount(0);
});
