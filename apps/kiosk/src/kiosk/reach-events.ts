// What residents do at this kiosk, counted per London day in localStorage (numbers, never a log of
// events), and sent in small batches: every few minutes, when a visit ends, and when the network
// comes back. Nothing identifies the kiosk beyond its home venue, nor anyone who used it.
import { addDays, weekdayOf } from '@fiveways/shared/dates';
import { londonDateOf } from '@fiveways/shared/london-time';
import {
  KIOSK_REACH_MAX_COUNT,
  KIOSK_REACH_MAX_DAYS,
  KIOSK_REACH_MAX_KEYS,
  isKioskEvent,
  zeroResultsDetail,
  type DayChoice,
  type KioskEvent,
} from '@fiveways/shared/reach-events';
import type { Filters } from './filters.ts';
import type { Screen } from './kiosk-context.ts';
import { REACH_STORAGE_KEY } from './storage.ts';
/** How often held counts are sent while the kiosk is in use. */
export const REACH_SEND_MS = 3 * 60_000;
/** The most one batch's counts add up to (the server's limit). */
const MAX_BATCH_TOTAL = 2000;

/** Counts by London day, then by `event` + tab + `detail`. */
export type HeldCounts = Record<string, Record<string, number>>;

export interface KioskCount {
  event: KioskEvent;
  detail: string;
  count: number;
}
export interface KioskBatch {
  venue: string;
  days: { day: string; counts: KioskCount[] }[];
}

const keyOf = (event: KioskEvent, detail: string) => `${event}\t${detail}`;

/** What is held; anything in storage that is not a day of whole counts is left out. */
export function readHeld(): HeldCounts {
  const held: HeldCounts = {};
  try {
    const raw = localStorage.getItem(REACH_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed !== 'object' || parsed === null) return held;
    const days: [string, unknown][] = Object.entries(parsed);
    for (const [day, counts] of days) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || typeof counts !== 'object' || counts === null) {
        continue;
      }
      const kept: Record<string, number> = {};
      for (const [key, n] of Object.entries(counts)) {
        if (typeof n === 'number' && Number.isInteger(n) && n > 0) kept[key] = n;
      }
      held[day] = kept;
    }
  } catch {
    // Unreadable counts are the same as none.
  }
  return held;
}

function writeHeld(held: HeldCounts): void {
  try {
    if (Object.keys(held).length === 0) localStorage.removeItem(REACH_STORAGE_KEY);
    else localStorage.setItem(REACH_STORAGE_KEY, JSON.stringify(held));
  } catch {
    // Storage full or disabled: this count is lost, the kiosk carries on.
  }
}

/** Days too old to send are dropped, so a kiosk offline for weeks holds no more than it may send. */
function withoutOldDays(held: HeldCounts, today: string): HeldCounts {
  const earliest = addDays(today, -(KIOSK_REACH_MAX_DAYS - 1));
  return Object.fromEntries(Object.entries(held).filter(([day]) => day >= earliest));
}

/** Adds one to a count for today (London). */
export function recordKioskEvent(event: KioskEvent, detail = '', now: Date = new Date()): void {
  const today = londonDateOf(now);
  const held = withoutOldDays(readHeld(), today);
  const day = (held[today] ??= {});
  const key = keyOf(event, detail);
  // A day holds as many different counts as a batch may carry; beyond that they are not kept.
  if (day[key] === undefined && Object.keys(day).length >= KIOSK_REACH_MAX_KEYS) return;
  day[key] = (day[key] ?? 0) + 1;
  writeHeld(held);
}

/** The batch to send from what is held (within the server's limits), or null when nothing is. */
export function batchOf(held: HeldCounts, venue: string, today: string): KioskBatch | null {
  const days: KioskBatch['days'] = [];
  let total = 0;
  for (const day of Object.keys(withoutOldDays(held, today)).sort()) {
    const counts: KioskCount[] = [];
    for (const [key, n] of Object.entries(held[day] ?? {})) {
      const [event = '', detail = ''] = key.split('\t');
      const count = Math.min(n, KIOSK_REACH_MAX_COUNT, MAX_BATCH_TOTAL - total);
      if (!isKioskEvent(event) || count <= 0 || counts.length >= KIOSK_REACH_MAX_KEYS) continue;
      counts.push({ event, detail, count });
      total += count;
    }
    if (counts.length > 0) days.push({ day, counts });
    if (days.length >= KIOSK_REACH_MAX_DAYS || total >= MAX_BATCH_TOTAL) break;
  }
  return days.length === 0 ? null : { venue, days };
}

/** What is held less what a batch carried (counts recorded meanwhile stay). */
export function withoutSent(held: HeldCounts, batch: KioskBatch): HeldCounts {
  const next: HeldCounts = structuredClone(held);
  for (const { day, counts } of batch.days) {
    const kept = next[day];
    if (kept === undefined) continue;
    for (const { event, detail, count } of counts) {
      const key = keyOf(event, detail);
      const left = (kept[key] ?? 0) - count;
      if (left > 0) kept[key] = left;
      else delete kept[key];
    }
    if (Object.keys(kept).length === 0) delete next[day];
  }
  return next;
}

let sending = false;

/**
 * Sends one batch of held counts. Offline, or when the server cannot take it now (a network
 * failure, 429, 5xx), the counts stay for later; a 400 means the server will never take them
 * (a venue or area since removed), so they are dropped rather than sent for ever.
 */
export async function sendKioskCounts(venue: string, now: Date = new Date()): Promise<boolean> {
  if (sending || (typeof navigator !== 'undefined' && navigator.onLine === false)) return false;
  const batch = batchOf(readHeld(), venue, londonDateOf(now));
  if (batch === null) return false;
  sending = true;
  try {
    const response = await fetch('/api/reach/kiosk', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(batch),
      credentials: 'omit',
      // The batch still goes if the page is reloaded meanwhile.
      keepalive: true,
    });
    if (response.ok || response.status === 400) writeHeld(withoutSent(readHeld(), batch));
    return response.ok;
  } catch {
    return false;
  } finally {
    sending = false;
  }
}

/** Sends held counts every few minutes and when the network is back; returns the stop function. */
export function startSendingKioskCounts(venue: string): () => void {
  const send = () => void sendKioskCounts(venue);
  const timer = setInterval(send, REACH_SEND_MS);
  window.addEventListener('online', send);
  send();
  return () => {
    clearInterval(timer);
    window.removeEventListener('online', send);
  };
}

/** A day choice as counted: never the date itself. */
export function dayChoiceOf(filters: Filters, today: string): DayChoice | null {
  if (filters.soon) return 'soon';
  if (filters.weekday !== null) return `every-${filters.weekday}`;
  if (filters.day === null) return null;
  if (filters.day === today) return 'today';
  if (filters.day === addDays(today, 1)) return 'tomorrow';
  return weekdayOf(filters.day);
}

const NO_CHOICE: Pick<Filters, 'way' | 'area' | 'audience'> & { day: DayChoice | null } = {
  way: null,
  day: null,
  area: null,
  audience: null,
};

/** The way, day, area and audience a screen had chosen (none for a screen without choices). */
function chosenOn(screen: Screen | undefined, today: string) {
  if (screen?.name !== 'results' && screen?.name !== 'filters') return NO_CHOICE;
  const f = screen.filters;
  return { way: f.way, day: dayChoiceOf(f, today), area: f.area, audience: f.audience };
}

/**
 * The counts a step forward from one screen to the next makes: a way tapped, a filter newly
 * chosen, a session opened, a take-home code shown. Going back or home counts nothing.
 */
export function countsOfStep(
  from: Screen | undefined,
  to: Screen,
  today: string,
): { event: KioskEvent; detail: string }[] {
  switch (to.name) {
    case 'session':
      return [{ event: 'session-opened', detail: '' }];
    case 'take-home':
      return [{ event: 'take-home-shown', detail: '' }];
    case 'results': {
      const before = chosenOn(from, today);
      const after = chosenOn(to, today);
      const counts: { event: KioskEvent; detail: string }[] = [];
      if (after.way !== null && after.way !== before.way) {
        counts.push({ event: 'way', detail: after.way });
      }
      if (after.day !== null && after.day !== before.day) {
        counts.push({ event: 'filter', detail: `day:${after.day}` });
      }
      if (after.area !== null && after.area !== before.area) {
        counts.push({ event: 'filter', detail: `area:${after.area}` });
      }
      if (after.audience !== null && after.audience !== before.audience) {
        counts.push({ event: 'filter', detail: `audience:${after.audience}` });
      }
      return counts;
    }
    default:
      return [];
  }
}

/** Counts a step forward between screens. */
export function recordStep(from: Screen | undefined, to: Screen, today: string): void {
  for (const { event, detail } of countsOfStep(from, to, today)) recordKioskEvent(event, detail);
}

/** Counts a search that found nothing, by what was chosen. */
export function recordZeroResults(filters: Filters, today: string, now: Date = new Date()): void {
  const chosen = chosenOn({ name: 'results', filters }, today);
  recordKioskEvent('zero-results', zeroResultsDetail(chosen), now);
}
