// Safe defaults and scope in the browser: another venue's records read-only, no reason chosen
// for a cancellation, nothing to cancel on a date that is over, a new session at the person's own
// hub, a confirmation before a new password link, and an audit log people can read.
import { addDays, londonDateOf, weekdayOf } from '@fiveways/shared';
import { londonWallTimeOf } from '@fiveways/shared/london-time';
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  createSession,
  openStaffPage,
  originOf,
  OTHER_GROUP,
  OTHER_HUB,
  OWN_HUB,
  setUpPeople,
} from './staff-helpers.ts';

const PHONE = { width: 390, height: 844 };

test('another venue’s session and group open read-only, saying who can change them', async ({
  browser,
  baseURL,
}) => {
  const { staffPage: page, otherSession } = await setUpPeople(browser, baseURL, PHONE);
  await openStaffPage(page, `/staff/sessions/${otherSession}`);
  await expect(
    page.getByText(
      `This session is at ${OTHER_HUB.name}. Staff for that venue or an administrator can change it.`,
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toBeDisabled();
  await expect(page.getByRole('combobox', { name: 'Venue' })).toBeDisabled();
  await expect(page.getByLabel('Starts at')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Cancel|Move) / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive session' })).toHaveCount(0);

  await openStaffPage(page, `/staff/groups/${OTHER_GROUP}`);
  await expect(
    page.getByText(/^This group meets at Rainbow Hill Hub\. Staff for that venue/),
  ).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive group' })).toHaveCount(0);
});

test('a new session starts at the person’s own hub, on the next sensible date', async ({
  browser,
  baseURL,
}) => {
  const { staffPage: page } = await setUpPeople(browser, baseURL, PHONE);
  const now = londonWallTimeOf(new Date());
  await openStaffPage(page, '/staff/sessions/new');
  await expect(page.getByRole('combobox', { name: 'Venue' })).toHaveValue(OWN_HUB.slug);
  const expected = now.time >= '17:00' ? addDays(now.date, 1) : now.date;
  await expect(page.getByLabel('First date')).toHaveValue(expected);
});

test('the cancel dialog has no reason chosen, and a date that is over offers no Cancel', async ({
  browser,
  baseURL,
}) => {
  const people = await setUpPeople(browser, baseURL, PHONE);
  const page = people.staffPage;
  // A session held yesterday, early: over by now.
  const yesterday = addDays(londonDateOf(new Date()), -1);
  const title = `Early walk ${Date.now() % 100000}`;
  const res = await page.request.post('/api/sessions', {
    headers: { origin: originOf(baseURL) },
    data: {
      title,
      venue: OWN_HUB.slug,
      ways: ['be-active'],
      startDate: yesterday,
      startTime: '00:05',
      endTime: '00:30',
      repeat: { every: 'week', interval: 1, days: [weekdayOf(yesterday)] },
    },
  });
  expect(res.status()).toBe(201);
  await openStaffPage(page, `/staff?week=${yesterday}`);
  const past = page.getByRole('listitem').filter({ hasText: title });
  await expect(past.getByText('Over')).toBeVisible();
  await expect(past.getByRole('button')).toHaveCount(0);

  // A date ahead: the dialog asks, and refuses to go on without a reason.
  await openStaffPage(page, `/staff/sessions/${people.ownSession}`);
  await page
    .getByRole('button', { name: /^Cancel / })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  for (const radio of await dialog.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel this one' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Choose why it is cancelled');
  await expect(dialog).toBeVisible();
  await expect(page.getByText('Cancelled', { exact: true })).toHaveCount(0);
  await dialog.getByLabel('Staff unavailable').check();
  await dialog.getByRole('button', { name: 'Cancel this one' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Cancelled', { exact: true })).toHaveCount(1);
});

test('a new password link is made only after saying the old one stops working', async ({
  browser,
  baseURL,
}) => {
  const { adminPage: page } = await setUpPeople(browser, baseURL, PHONE);
  const stamp = Date.now() % 1_000_000;
  const invite = await page.request.post('/api/users', {
    headers: { origin: originOf(baseURL) },
    data: {
      email: `kim${stamp}@example.org`,
      name: `Kim ${stamp}`,
      role: 'staff',
      venues: [OWN_HUB.slug],
    },
  });
  expect(invite.status()).toBe(201);
  const oldToken = ((await invite.json()) as { link: string }).link.split('/').pop() ?? '';
  const oldWorks = async () => (await page.request.get(`/api/auth/invite/${oldToken}`)).status();

  await openStaffPage(page, '/staff/admin/users');
  const reset = page.getByRole('button', { name: `Reset link for Kim ${stamp}` });
  await reset.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('stops working at once');
  await dialog.getByRole('button', { name: 'Keep the old one' }).click();
  await expect(dialog).toBeHidden();
  expect(await oldWorks()).toBe(200);

  await reset.click();
  await dialog.getByRole('button', { name: 'Make a new link' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: /link/i }).first()).toHaveValue(
    /\/staff\/invite\//,
  );
  expect(await oldWorks()).toBe(404);
});

test('the audit log says who cancelled what, when and why; filters; details; CSV', async ({
  browser,
  baseURL,
}) => {
  const people = await setUpPeople(browser, baseURL, PHONE);
  const staff = people.staffPage;
  // A session of its own, so its first date is known.
  let start = addDays(londonDateOf(new Date()), 9);
  while (weekdayOf(start) !== 'fri') start = addDays(start, 1);
  const title = `Food Bank, "Friday" =1+1 ${Date.now() % 100000}`;
  const id = await createSession(staff.request, baseURL, title, OWN_HUB.slug, start);
  const cancel = await staff.request.post(`/api/sessions/${id}/cancellations`, {
    headers: { origin: originOf(baseURL) },
    data: { date: start, reason: 'Staff unavailable' },
  });
  expect(cancel.status()).toBe(201);
  const [, , day] = start.split('-');
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const shortDate = `Fri ${Number(day)} ${months[Number(start.slice(5, 7)) - 1] ?? ''}`;
  const sentence = new RegExp(
    `^${people.staffName} \\(${OWN_HUB.name}\\) cancelled ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} on ${shortDate}( \\d{4})?: Staff unavailable$`,
  );

  const page = people.adminPage;
  await openStaffPage(page, '/staff/admin/audit');
  await expect(page.getByText(sentence)).toBeVisible();

  // Only this person's changes.
  const person = page.getByRole('combobox', { name: 'Person' });
  const value = await person.locator('option', { hasText: people.staffName }).getAttribute('value');
  await person.selectOption(value ?? '');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/[?&]user=\d+/);
  const items = page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
  await expect(items.first()).toContainText(people.staffName);
  for (const text of await items.allTextContents()) expect(text).toContain(people.staffName);

  // Only cancellations at the hub.
  await openStaffPage(
    page,
    `/staff/admin/audit?venue=${OWN_HUB.slug}&kind=session.cancel-occurrence`,
  );
  await expect(items.first()).toHaveText(new RegExp(sentence.source.slice(1, -1)));
  for (const text of await items.allTextContents()) expect(text).toContain('cancelled');

  // The raw record behind "Details".
  const first = items.first();
  await expect(first.locator('pre').first()).toBeHidden();
  await first.getByText('Details').click();
  await expect(first.getByText('session.cancel-occurrence')).toBeVisible();
  await expect(first.locator('pre').first()).toContainText('"exceptions"');

  // The same as a spreadsheet, with the title quoted and defused.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as CSV' }).click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    '\uFEFF"When (London)","Who","What happened","Kind","Record","Venue","Date","Reason","Entry"',
  );
  expect(csv).toContain(`"Food Bank, ""Friday"" =1+1`);
  expect(csv).toContain(`,"${start}","Staff unavailable",`);

  // A bad filter is refused by the API, naming it.
  const bad = await page.request.get('/api/audit?kind=nonsense');
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain('kind');
});
