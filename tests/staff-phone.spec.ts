// Every staff page at phone widths, as an admin and as a venue's own staff: one column, nothing
// past the right edge, the header's "Log out" on screen, and no problem axe can find.
import { expect, test, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoOverflow,
  openStaffPage,
  originOf,
  OTHER_GROUP,
  OWN_GROUP,
  setUpPeople,
} from './staff-helpers.ts';

function adminPages(ownSession: number): string[] {
  return [
    '/staff',
    '/staff/sessions',
    '/staff/sessions/new',
    `/staff/sessions/${ownSession}`,
    '/staff/groups',
    '/staff/groups/new',
    `/staff/groups/${OWN_GROUP}`,
    '/staff/admin/venues',
    '/staff/admin/areas',
    '/staff/admin/users',
    '/staff/admin/audit',
    '/staff/conversations',
    '/staff/admin/contacts',
    '/staff/password',
    '/staff/no-such-page',
  ];
}

function staffPages(ownSession: number, otherSession: number): string[] {
  return [
    '/staff',
    '/staff/sessions',
    '/staff/sessions/new',
    `/staff/sessions/${ownSession}`,
    `/staff/sessions/${otherSession}`,
    '/staff/groups',
    '/staff/groups/new',
    `/staff/groups/${OWN_GROUP}`,
    `/staff/groups/${OTHER_GROUP}`,
    '/staff/password',
  ];
}

async function expectHeaderFits(page: Page, where: string) {
  const logOut = page.getByRole('button', { name: 'Log out' });
  await expect(logOut, where).toBeInViewport({ ratio: 1 });
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
]) {
  test(`every staff page fits ${viewport.width} px, as an admin and as venue staff`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const people = await setUpPeople(browser, baseURL, viewport);
    const withAxe = viewport.width === 390;
    for (const [who, page, paths] of [
      ['admin', people.adminPage, adminPages(people.ownSession)],
      ['staff', people.staffPage, staffPages(people.ownSession, people.otherSession)],
    ] as const) {
      for (const path of paths) {
        const where = `${who} ${path} at ${viewport.width} px`;
        await openStaffPage(page, path);
        await expectHeaderFits(page, where);
        await expectNoOverflow(page, where);
        if (withAxe) await expectNoAxeViolations(page, where);
      }
    }

    // The dialogs too: cancelling a date, and a new password link.
    const admin = people.adminPage;
    await openStaffPage(admin, `/staff/sessions/${people.ownSession}`);
    await admin
      .getByRole('button', { name: /^Cancel / })
      .first()
      .click();
    await expect(admin.getByRole('dialog')).toBeVisible();
    await expectNoOverflow(admin, `cancel dialog at ${viewport.width} px`);
    if (withAxe) await expectNoAxeViolations(admin, 'cancel dialog');
    await admin.getByRole('button', { name: 'Keep it on' }).click();
    await openStaffPage(admin, '/staff/admin/users');
    await admin
      .getByRole('button', { name: /^Reset link for / })
      .first()
      .click();
    await expect(admin.getByRole('dialog')).toBeVisible();
    await expectNoOverflow(admin, `reset dialog at ${viewport.width} px`);
    if (withAxe) await expectNoAxeViolations(admin, 'reset dialog');

    // Logged out: the login page.
    const fresh = await (
      await browser.newContext({ viewport, baseURL: originOf(baseURL) })
    ).newPage();
    await openStaffPage(fresh, '/staff/login');
    await expectNoOverflow(fresh, `login at ${viewport.width} px`);
    if (withAxe) await expectNoAxeViolations(fresh, 'login');
  });
}

test('on a phone the session editor shows "When it runs" below the form, not on top of it', async ({
  browser,
  baseURL,
}) => {
  const people = await setUpPeople(browser, baseURL, { width: 390, height: 844 });
  const page = people.staffPage;
  await openStaffPage(page, '/staff/sessions/new');
  const form = await page.getByRole('form', { name: 'Session details' }).boundingBox();
  const preview = await page.getByRole('complementary', { name: 'When it runs' }).boundingBox();
  expect(form && preview && preview.y >= form.y + form.height).toBe(true);

  // The buttons of a date sit inside its own row (card) in "Coming up".
  await openStaffPage(page, `/staff/sessions/${people.ownSession}`);
  const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^Move / }) });
  const first = row.first();
  const rowBox = await first.boundingBox();
  for (const name of [/^Move /, /^Cancel /]) {
    const button = await first.getByRole('button', { name }).boundingBox();
    expect(
      rowBox &&
        button &&
        button.y >= rowBox.y &&
        button.y + button.height <= rowBox.y + rowBox.height + 1,
    ).toBe(true);
  }
});
