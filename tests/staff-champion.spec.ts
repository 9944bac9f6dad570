// A Community Champion at a clinic, on a phone: logs a resident's conversation in a few taps,
// sees only what they can use, and a contact is kept only after the consent box is ticked.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import {
  expectNoAxeViolations,
  expectNoOverflow,
  logInAdmin,
  openStaffPage,
  originOf,
} from './staff-helpers.ts';

const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

/** A Champion invited by the admin and joined through the link, on a page of their own. */
async function championPage(
  browser: Browser,
  baseURL: string | undefined,
  viewport: { width: number; height: number },
) {
  const base = originOf(baseURL);
  const admin = await browser.newContext({ baseURL: base, viewport });
  await logInAdmin(admin.request, baseURL);
  const stamp = `${Date.now() % 1_000_000}${Math.floor(Math.random() * 1000)}`;
  const name = `Ali ${stamp}`;
  const invite = await admin.request.post('/api/users', {
    headers: { origin: base },
    data: { email: `ali${stamp}@example.org`, name, role: 'champion' },
  });
  expect(invite.status(), await invite.text()).toBe(201);
  const { link } = (await invite.json()) as { link: string };
  const context = await browser.newContext({ baseURL: base, viewport });
  const joined = await context.request.post(`/api/auth/invite/${link.split('/').pop() ?? ''}`, {
    headers: { origin: base },
    data: { password: 'a long champion passphrase' },
  });
  expect(joined.status()).toBe(204);
  return { page: await context.newPage(), adminPage: await admin.newPage(), name };
}

/** Counts every tap the Champion makes. */
function tapCounter() {
  let taps = 0;
  return {
    async tap(target: Locator) {
      await target.click();
      taps++;
    },
    get count() {
      return taps;
    },
  };
}

async function shoot(page: Page, name: string) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${SHOTS}${name}.png` });
}

test('a Champion logs a conversation on a phone in six taps, and the next in five', async ({
  browser,
  baseURL,
}) => {
  const { page } = await championPage(browser, baseURL, PHONE);
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff\/conversations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log a conversation' })).toBeVisible();
  await expect(page.getByText('Loading…', { exact: true })).toHaveCount(0);

  // The nav holds only what a Champion can use.
  const nav = page.getByRole('navigation', { name: 'Staff area' });
  await expect(nav.getByRole('link')).toHaveText(['Conversations', 'Sessions', 'Groups']);
  await expect(page.getByText('(Community Champion)')).toBeVisible();
  await expectNoOverflow(page, 'conversation log at 390 px');
  await expectNoAxeViolations(page, 'conversation log at 390 px');

  const taps = tapCounter();
  const tap = (target: Locator) => taps.tap(target);
  const venues = page.getByRole('group', { name: 'Venue' }).getByRole('button');
  // A clinic is chosen already; the venue with the first session today is the first button.
  await expect(page.getByRole('button', { name: 'Clinic' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await tap(venues.first());
  await tap(page.getByRole('button', { name: 'Connect', exact: true }));
  // The way's groups open by themselves.
  const connectGroups = page.locator('details.conversation-way[open]').getByRole('button');
  await tap(connectGroups.first());
  await tap(page.getByRole('button', { name: 'One more taken home' }));
  await tap(page.getByRole('button', { name: 'Volunteering' }));
  await shoot(page, 'staff-conversation-phone');
  await tap(page.getByRole('button', { name: 'Save', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toContainText(
    'conversation 1 today',
  );
  const first = taps.count;
  expect(first).toBe(6);

  // The form is ready for the next resident; where the Champion is stays chosen.
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(venues.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.conversation-tally')).toContainText(
    '1 conversation · 1 taken home · 1 volunteering',
  );

  await tap(page.getByRole('button', { name: 'Be Active', exact: true }));
  await tap(page.locator('details.conversation-way[open]').getByRole('button').first());
  await tap(page.getByRole('button', { name: 'One more taken home' }));
  await tap(page.getByRole('button', { name: 'Joining the residents’ panel' }));
  await tap(page.getByRole('button', { name: 'Save', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toContainText(
    'conversation 2 today',
  );
  expect(taps.count - first).toBe(5);
  console.log(`Taps: first conversation ${first}, next conversation ${taps.count - first}`);

  const mine = await page.request.get('/api/conversations/today');
  const body = (await mine.json()) as {
    items: { placeKind: string; venue: string | null; ways: string[]; tookHome: number }[];
  };
  expect(body.items).toHaveLength(2);
  expect(body.items[0]).toMatchObject({ placeKind: 'clinic', ways: ['connect'], tookHome: 1 });
  expect(body.items[0]?.venue).not.toBeNull();
  await shoot(page, 'staff-conversation-phone-saved');
});

test('a contact is kept only once the consent box is ticked, and an admin deletes it', async ({
  browser,
  baseURL,
}) => {
  const { page, adminPage } = await championPage(browser, baseURL, PHONE);
  await openStaffPage(page, '/staff/conversations');
  // The contact step is offered only once the resident is interested in something.
  await expect(page.getByRole('button', { name: 'They want us to contact them…' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Becoming a Community Champion' }).click();
  await page.getByRole('button', { name: 'They want us to contact them…' }).click();
  await expect(page.getByText('I agree that Five Ways Worcester may keep my name')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('Tick the box');
  await page.getByLabel('The resident agreed to this').check();
  await page.getByLabel('Name').fill('Rosa Resident');
  await page.getByLabel('Phone').fill('07700 900456');
  await expectNoOverflow(page, 'contact step at 390 px');
  await shoot(page, 'staff-conversation-contact-phone');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByText('contact kept')).toBeVisible();
  // The Champion cannot read contacts back.
  expect((await page.request.get('/api/champion-contacts')).status()).toBe(403);

  await openStaffPage(adminPage, '/staff/admin/contacts');
  const row = adminPage.getByRole('row').filter({ hasText: 'Rosa Resident' });
  await expect(row).toContainText('07700 900456');
  await expect(row).toContainText('Becoming a Community Champion');
  await row.getByRole('button', { name: /Delete/ }).click();
  await adminPage.getByRole('button', { name: 'Delete for good' }).click();
  await expect(adminPage.getByRole('status')).toContainText('Deleted');
  await expect(adminPage.getByText('Rosa Resident')).toHaveCount(0);
});

test('the conversation log at a laptop size, and the pages a Champion cannot use', async ({
  browser,
  baseURL,
}) => {
  const { page } = await championPage(browser, baseURL, LAPTOP);
  await openStaffPage(page, '/staff/conversations');
  await expectNoAxeViolations(page, 'conversation log at 1280 px');
  await shoot(page, 'staff-conversation-laptop');
  await openStaffPage(page, '/staff/groups');
  await expect(page.getByRole('link', { name: 'Add a group' })).toHaveCount(0);
  await openStaffPage(page, '/staff/sessions');
  await expect(page.getByRole('link', { name: 'Add a session' })).toHaveCount(0);
  await expect(page.getByText('There are no sessions at your venues yet.')).toHaveCount(0);
  // An address typed in by hand: the API refuses, and the page says so.
  await page.goto('/staff/admin/users');
  await expect(page.getByRole('alert')).toBeVisible();
  const refused = await page.request.post('/api/sessions', {
    headers: { origin: originOf(baseURL) },
    data: {},
  });
  expect(refused.status()).toBe(403);
});
