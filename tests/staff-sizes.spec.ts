// Every staff page at tablet and desktop sizes fits too, with a picture of each page at phone,
// tablet and desktop size to look at (in test-results; SCREENSHOTS=1 refreshes the few kept in
// docs/screenshots).
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expectNoOverflow, openStaffPage, OTHER_GROUP, setUpPeople } from './staff-helpers.ts';

const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** The pictures kept in docs/screenshots: page name → who looks at it. */
const KEPT = new Set([
  'admin-week-phone',
  'admin-audit-phone',
  'admin-audit-desktop',
  'admin-session-phone',
  'admin-users-phone',
  'staff-other-session-phone',
  'admin-session-tablet',
]);

for (const size of SIZES) {
  test(`every staff page at ${size.width}×${size.height}`, async ({ browser, baseURL }, info) => {
    test.setTimeout(240_000);
    const viewport = { width: size.width, height: size.height };
    const people = await setUpPeople(browser, baseURL, viewport);
    // Something for the audit log to say: a date cancelled at the staff member's hub.
    await openStaffPage(people.staffPage, `/staff/sessions/${people.ownSession}`);
    await people.staffPage
      .getByRole('button', { name: /^Cancel / })
      .first()
      .click();
    const dialog = people.staffPage.getByRole('dialog');
    await dialog.getByLabel('Staff unavailable').check();
    await dialog.getByRole('button', { name: 'Cancel this one' }).click();
    await expect(dialog).toBeHidden();

    const pages = [
      ['admin', 'week', people.adminPage, '/staff'],
      ['admin', 'sessions', people.adminPage, '/staff/sessions'],
      ['admin', 'new-session', people.adminPage, '/staff/sessions/new'],
      ['admin', 'session', people.adminPage, `/staff/sessions/${people.ownSession}`],
      ['admin', 'groups', people.adminPage, '/staff/groups'],
      ['admin', 'venues', people.adminPage, '/staff/admin/venues'],
      ['admin', 'areas', people.adminPage, '/staff/admin/areas'],
      ['admin', 'users', people.adminPage, '/staff/admin/users'],
      ['admin', 'audit', people.adminPage, '/staff/admin/audit'],
      ['staff', 'week', people.staffPage, '/staff'],
      ['staff', 'other-session', people.staffPage, `/staff/sessions/${people.otherSession}`],
      ['staff', 'other-group', people.staffPage, `/staff/groups/${OTHER_GROUP}`],
      ['staff', 'print', people.staffPage, '/staff/print'],
    ] as const;
    for (const [who, name, page, path] of pages) {
      await openStaffPage(page, path);
      await expectNoOverflow(page, `${who} ${path} at ${size.width} px`);
      const shot = `${who}-${name}-${size.name}`;
      await page.screenshot({ path: info.outputPath(`staff-${shot}.png`), fullPage: true });
      if (process.env.SCREENSHOTS && KEPT.has(shot)) {
        await page.screenshot({ path: `${SHOTS}staff-${shot}.png` });
      }
    }
  });
}
