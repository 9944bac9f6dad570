// Shared steps for the staff area's end-to-end tests: accounts made through the API, sessions to
// look at, and the checks every staff page must pass at any width.
import AxeBuilder from '@axe-core/playwright';
import { addDays, londonDateOf, weekdayOf } from '@fiveways/shared';
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './playwright.config.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const OWN_HUB = { slug: 'warndon-community-hub', name: 'Warndon Community Hub' };
export const OTHER_HUB = { slug: 'rainbow-hill-hub', name: 'Rainbow Hill Hub' };
/** A group that meets at OTHER_HUB, and one at OWN_HUB, in the sample data. */
export const OTHER_GROUP = 'rainbow-hill-youth-club';
export const OWN_GROUP = 'healthy-living-group';

export function originOf(baseURL: string | undefined): string {
  if (!baseURL) throw new Error('baseURL is not set');
  return new URL(baseURL).origin;
}

/** Logs a browser context in as the admin through the API. */
export async function logInAdmin(request: APIRequestContext, baseURL: string | undefined) {
  const res = await request.post('/api/auth/login', {
    data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    headers: { origin: originOf(baseURL) },
  });
  expect(res.status()).toBe(204);
}

/** A Tuesday at least a week ahead, in London. */
export function aTuesdayAhead(): string {
  let date = addDays(londonDateOf(new Date()), 7);
  while (weekdayOf(date) !== 'tue') date = addDays(date, 1);
  return date;
}

/** Publishes a weekly session as whoever `request` is logged in as; returns its id. */
export async function createSession(
  request: APIRequestContext,
  baseURL: string | undefined,
  title: string,
  venue: string,
  startDate = aTuesdayAhead(),
): Promise<number> {
  const res = await request.post('/api/sessions', {
    headers: { origin: originOf(baseURL) },
    data: {
      title,
      venue,
      ways: ['connect'],
      startDate,
      startTime: '10:00',
      endTime: '11:30',
      repeat: { every: 'week', interval: 1, days: [weekdayOf(startDate)] },
      count: 6,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

export interface People {
  adminPage: Page;
  staffPage: Page;
  staffName: string;
  ownSession: number;
  otherSession: number;
}

/**
 * An admin and a staff member of OWN_HUB (invited by the admin, joined through the link), each
 * logged in on a page of their own, and a session at each hub.
 */
export async function setUpPeople(
  browser: Browser,
  baseURL: string | undefined,
  viewport: { width: number; height: number },
): Promise<People> {
  const base = originOf(baseURL);
  const adminContext = await browser.newContext({ baseURL: base, viewport });
  await logInAdmin(adminContext.request, baseURL);
  const stamp = `${Date.now() % 1_000_000}${Math.floor(Math.random() * 1000)}`;
  const staffName = `Sam ${stamp}`;
  const invite = await adminContext.request.post('/api/users', {
    headers: { origin: originOf(baseURL) },
    data: {
      email: `sam${stamp}@example.org`,
      name: staffName,
      role: 'staff',
      venues: [OWN_HUB.slug],
    },
  });
  expect(invite.status(), await invite.text()).toBe(201);
  const { link } = (await invite.json()) as { link: string };
  const token = link.split('/').pop() ?? '';
  const staffContext = await browser.newContext({ baseURL: base, viewport });
  const joined = await staffContext.request.post(`/api/auth/invite/${token}`, {
    headers: { origin: originOf(baseURL) },
    data: { password: 'a long staff passphrase' },
  });
  expect(joined.status()).toBe(204);
  const ownSession = await createSession(
    staffContext.request,
    baseURL,
    `Food Bank volunteering ${stamp}`,
    OWN_HUB.slug,
  );
  const otherSession = await createSession(
    adminContext.request,
    baseURL,
    `Rainbow coffee morning ${stamp}`,
    OTHER_HUB.slug,
  );
  return {
    adminPage: await adminContext.newPage(),
    staffPage: await staffContext.newPage(),
    staffName,
    ownSession,
    otherSession,
  };
}

/** Opens a staff page and waits until what it loads has arrived. */
export async function openStaffPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Loading…', { exact: true })).toHaveCount(0);
}

/** How far the page, and any element on it, reaches past the right edge of the viewport. */
export async function findOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrolling = document.scrollingElement ?? document.documentElement;
    const past: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Hidden for screen readers only: one pixel, clipped.
      if (el.closest('.visually-hidden')) continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
        past.push(
          `${name} [${Math.round(box.left)}, ${Math.round(box.right)}] "${(el.textContent ?? '').trim().slice(0, 40)}"`,
        );
      }
    }
    return { scrollWidth: scrolling.scrollWidth, innerWidth: width, past: past.slice(0, 8) };
  });
}

/** Nothing reaches past the viewport, and the page cannot scroll sideways. */
export async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const found = await findOverflow(page);
  expect(found.past, `${where}: elements past the right edge`).toEqual([]);
  expect(found.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(found.innerWidth);
}

/** No WCAG 2.2 AA problem axe can find. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([]);
}
