// Shared steps for the kiosk's end-to-end tests.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './playwright.config.ts';

export const HOME_VENUE = 'gorse-hill-community-centre';
export const WAY_NAMES = ['Connect', 'Be Active', 'Take Notice', 'Keep Learning', 'Give'];
export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

/** Opens the kiosk as installed at a hub and waits until its information has loaded. */
export async function openKiosk(page: Page, venue: string | null = HOME_VENUE): Promise<void> {
  await page.goto(venue ? `/kiosk?venue=${venue}` : '/kiosk');
  await expect(page.getByRole('button', { name: /^Connect/ })).toBeVisible();
  await expect(page.getByTestId('last-updated')).toBeVisible();
}

/** Taps "Show N more" under the results until every card is on the page; returns how many. */
export async function showAllResults(page: Page): Promise<number> {
  const more = page.getByRole('button', { name: /^Show \d+ more$/ });
  while ((await more.count()) > 0) await more.click();
  return page.locator('main .card').count();
}

/** The UK date today and n days on, YYYY-MM-DD. */
export function londonDate(offsetDays = 0, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

interface ListedOccurrence {
  sessionId: number;
  title: string;
  date: string;
  start: string;
  status: string;
  venue: { slug: string; name: string };
}

/** Cancels one scheduled occurrence in the next few days through the staff API; returns it. */
export async function cancelOneOccurrence(
  request: APIRequestContext,
  baseURL: string,
): Promise<ListedOccurrence> {
  const list = await request.get(`/api/occurrences?from=${londonDate(1)}&to=${londonDate(6)}`);
  const { occurrences } = (await list.json()) as { occurrences: ListedOccurrence[] };
  const target = occurrences.find((o) => o.status === 'scheduled');
  if (!target) throw new Error('No scheduled occurrence in the coming week to cancel');
  const headers = { origin: baseURL };
  const login = await request.post('/api/auth/login', {
    headers,
    data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  expect(login.status()).toBe(204);
  const cancel = await request.post(`/api/sessions/${target.sessionId}/cancellations`, {
    headers,
    data: { date: target.date, reason: 'Venue closed' },
  });
  expect(cancel.status()).toBe(201);
  return target;
}

/** Every control of the resident screens: at least 48 px, and 64 px tall for primary controls. */
export async function findSmallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const primary = '.primary, .secondary, .way-tile, .card, .nav-button, .huge, .language-choice';
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, a[href], [role="button"], [tabindex]:not([tabindex="-1"])',
    )) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const name = (el.textContent ?? '').trim().slice(0, 40);
      if (r.width < 48 || r.height < 48) problems.push(`${name}: ${r.width}×${r.height}`);
      else if (el.matches(primary) && r.height < 64) problems.push(`${name}: ${r.height} tall`);
    }
    return problems;
  });
}

/** Neighbouring controls keep at least 8 px apart. */
export async function findCrowdedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Only what a finger can reach now: the part of each control inside its scrolling screen.
    const rects = [...document.querySelectorAll<HTMLElement>('button')]
      .map((el) => {
        const r = el.getBoundingClientRect();
        const frame = el.closest('main')?.getBoundingClientRect();
        const top = Math.max(r.top, frame?.top ?? r.top);
        const bottom = Math.min(r.bottom, frame?.bottom ?? r.bottom);
        return { el, r: { left: r.left, right: r.right, top, bottom } };
      })
      .filter(({ r }) => r.right > r.left && r.bottom > r.top);
    const problems: string[] = [];
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i];
        const b = rects[j];
        if (!a || !b || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const dx = Math.max(0, Math.max(a.r.left, b.r.left) - Math.min(a.r.right, b.r.right));
        const dy = Math.max(0, Math.max(a.r.top, b.r.top) - Math.min(a.r.bottom, b.r.bottom));
        if (Math.max(dx, dy) < 7.5) {
          problems.push(
            `${a.el.textContent?.trim().slice(0, 20)} / ${b.el.textContent?.trim().slice(0, 20)}`,
          );
        }
      }
    }
    return problems;
  });
}

export async function countTextEntry(page: Page): Promise<number> {
  return page
    .locator('input, textarea, select, [contenteditable]:not([contenteditable="false"])')
    .count();
}

/** axe with WCAG 2.2 AA tags plus AAA enhanced contrast; returns violations as readable lines. */
export async function findAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: { 'color-contrast-enhanced': { enabled: true } },
    })
    .analyze();
  const ran = [...results.passes, ...results.violations, ...results.incomplete].map((r) => r.id);
  if (!ran.includes('color-contrast-enhanced')) throw new Error('AAA contrast was not checked');
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
