// The resident's journey with the clock set: nothing that has ended is offered, any weekday and
// later courses can be reached, and a search that finds nothing offers the nearest matches.
import { expect, test, type Page } from '@playwright/test';
import { toEpochMs, wallDateOf, wallTimeOf } from '@fiveways/shared/london-time';
import { weekdayName, weekdayOf } from '@fiveways/shared/dates';
import {
  findAxeViolations,
  findSmallTargets,
  londonDate,
  openKiosk,
  PORTRAIT,
  showAllResults,
} from './kiosk-helpers.ts';

test.use({ viewport: PORTRAIT });

interface Listed {
  sessionId: number;
  title: string;
  date: string;
  start: string;
  end: string;
  status: string;
  ways: string[];
  venue: { slug: string; name: string; areaSlug: string };
}

async function listed(page: Page, from: string, to: string): Promise<Listed[]> {
  const answer = await page.request.get(`/api/occurrences?from=${from}&to=${to}`);
  return ((await answer.json()) as { occurrences: Listed[] }).occurrences;
}

/** Sets the page's clock to a London wall-clock time today, before the kiosk loads. */
async function setLondonTime(page: Page, time: string): Promise<number> {
  const now = toEpochMs(londonDate(), time);
  await page.clock.setFixedTime(now);
  return now;
}

const found = async (page: Page) =>
  Number((await page.getByText(/Found: \d+/).textContent())?.match(/\d+/)?.[0]);

test('at 16:00 a morning session is not offered, counted, or taken home for today', async ({
  page,
}) => {
  const now = await setLondonTime(page, '16:00');
  const today = londonDate();
  const week = await listed(page, today, londonDate(6));
  const morning = week.find((o) => o.date === today && Date.parse(o.end) <= now);
  expect(morning, 'the sample data has a session that ended before 16:00 today').toBeDefined();
  if (!morning) return;
  const stillOn = week.filter((o) => Date.parse(o.end) > now);

  await openKiosk(page, null);
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  expect(await found(page)).toBe(stillOn.length);
  await showAllResults(page);
  const todayName = `Today (${weekdayName(weekdayOf(today))})`;
  const ended = page
    .locator('main .card')
    .filter({ hasText: morning.title })
    .filter({ hasText: todayName })
    .filter({ hasText: `${wallTimeOf(morning.start)} to ${wallTimeOf(morning.end)}` });
  await expect(ended).toHaveCount(0);

  // Today's choice lists only what is still to come.
  await page.getByRole('button', { name: 'Choose day, place and more' }).click();
  await page.getByRole('button', { name: todayName }).click();
  await page.getByRole('button', { name: /^Show what I chose/ }).click();
  const todayLeft = stillOn.filter((o) => wallDateOf(o.start) === today);
  expect(await found(page)).toBe(todayLeft.length);
  for (const o of todayLeft.slice(0, 5)) {
    expect(Date.parse(o.end)).toBeGreaterThan(now);
  }
  await expect(
    page.locator('main .card').filter({ hasText: morning.title }).filter({ hasText: todayName }),
  ).toHaveCount(0);

  // The session's own page, take-home and print give the next date that has not ended.
  await page.getByRole('button', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  await showAllResults(page);
  const later = page.locator('main .card').filter({ hasText: morning.title }).first();
  if ((await later.count()) === 0) return; // it does not come again this week
  await later.click();
  await expect(page.locator('.dates li').first()).not.toContainText(todayName);
  await page.getByRole('button', { name: 'Take it home' }).click();
  await expect(page.locator('.summary')).not.toContainText(
    `${weekdayName(weekdayOf(today))} ${Number(today.slice(8))} `,
  );
});

test('day choices: Today and Tomorrow name their weekday; every weekday; Starting soon finds a course months ahead', async ({
  page,
}) => {
  await setLondonTime(page, '09:00');
  const today = londonDate();
  await openKiosk(page, null);
  await page.getByRole('button', { name: 'Everything on this week' }).click();
  await page.getByRole('button', { name: 'Choose day, place and more' }).click();
  await expect(
    page.getByRole('button', { name: `Today (${weekdayName(weekdayOf(today))})` }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: `Tomorrow (${weekdayName(weekdayOf(londonDate(1)))})` }),
  ).toBeVisible();
  // A date four weeks ahead is a choice.
  await expect(
    page.locator('.choice-group').filter({ hasText: 'Or choose a date' }).locator('button'),
  ).toHaveCount(26);

  expect(await findAxeViolations(page)).toEqual([]);
  expect(await findSmallTargets(page)).toEqual([]);
  await page.getByRole('button', { name: 'Tuesdays', exact: true }).click();
  await page.getByRole('button', { name: /^Show what I chose/ }).click();
  await expect(page.getByText(/Found: \d+ · Tuesdays/)).toBeVisible();
  expect(await found(page)).toBeGreaterThan(0);
  for (const day of await page.locator('main .card .card-day').allTextContents()) {
    expect(day).toMatch(/Tue|Tuesday/);
  }
  // More than one week of Tuesdays.
  const days = new Set(await page.locator('main .card .card-day').allTextContents());
  expect(days.size).toBeGreaterThan(1);

  await page.getByRole('button', { name: 'Choose day, place and more' }).click();
  await page.getByRole('button', { name: 'Starting soon' }).click();
  await page.getByRole('button', { name: /^Show what I chose/ }).click();
  await expect(
    page.locator('main .card').filter({ hasText: 'Healthy Living Group' }),
  ).toBeVisible();
});

test('Be Active, today, in Warndon late in the evening: nothing found, nearest matches offered', async ({
  page,
}) => {
  await setLondonTime(page, '21:43');
  await openKiosk(page, null);
  await page.getByRole('button', { name: /^Be Active/ }).click();
  await page.getByRole('button', { name: 'Choose day, place and more' }).click();
  const todayName = `Today (${weekdayName(weekdayOf(londonDate()))})`;
  await page.getByRole('button', { name: todayName }).click();
  await page.getByRole('button', { name: 'Warndon', exact: true }).click();
  await page.getByRole('button', { name: /^Show what I chose/ }).click();
  await expect(page.getByText('Found: 0')).toBeVisible();
  await expect(
    page.getByText(/Nothing found for these choices\. The nearest matches:/),
  ).toBeVisible();
  const cards = page.locator('.card-suggestion');
  expect(await cards.count()).toBeGreaterThan(0);
  // Each names the choice it changes.
  const nextDate = cards.filter({ hasText: `Instead of ${todayName}:` });
  await expect(nextDate).toHaveCount(1);
  for (const text of await cards.locator('.card-relaxes').allTextContents()) {
    expect(text).toMatch(
      new RegExp(`^Instead of (${todayName.replace(/[()]/g, '\\$&')}|Be Active|Warndon): `),
    );
  }
  // As readable and as easy to tap as every other screen.
  expect(await findAxeViolations(page)).toEqual([]);
  expect(await findSmallTargets(page)).toEqual([]);
  // Tapping one shows what it found.
  const label = (await nextDate.locator('.card-more').textContent()) ?? '';
  const n = Number(label.match(/\d+/)?.[0]);
  await nextDate.click();
  expect(await found(page)).toBe(n);
  await expect(page.getByText(/Found: \d+ · Be Active · .* · Warndon/)).toBeVisible();
});

test('a way, today, in an area with none of it left: the same day any way is offered, and opens', async ({
  page,
}) => {
  const now = await setLondonTime(page, '12:00');
  const today = londonDate();
  const left = (await listed(page, today, today)).filter((o) => Date.parse(o.end) > now);
  const areas = [...new Set(left.map((o) => o.venue.areaSlug))];
  // An area with something on later today, but nothing Be Active.
  const area = areas.find(
    (a) => !left.some((o) => o.venue.areaSlug === a && o.ways.includes('be-active')),
  );
  expect(area, 'the sample data has such an area today').toBeDefined();
  if (!area) return;
  const otherWays = left.filter((o) => o.venue.areaSlug === area);
  const areaName = (
    (await (await page.request.get('/api/areas')).json()) as { slug: string; name: string }[]
  ).find((a) => a.slug === area)?.name;

  await openKiosk(page, null);
  await page.getByRole('button', { name: /^Be Active/ }).click();
  await page.getByRole('button', { name: 'Choose day, place and more' }).click();
  await page.getByRole('button', { name: `Today (${weekdayName(weekdayOf(today))})` }).click();
  await page.getByRole('button', { name: areaName ?? area, exact: true }).click();
  await page.getByRole('button', { name: /^Show what I chose/ }).click();
  await expect(page.getByText('Found: 0')).toBeVisible();
  const anyWay = page
    .locator('.card-suggestion')
    .filter({ hasText: 'Instead of Be Active: Any way' });
  await expect(anyWay).toContainText(`Show what it finds (${otherWays.length})`);
  await anyWay.click();
  expect(await found(page)).toBe(otherWays.length);
});
