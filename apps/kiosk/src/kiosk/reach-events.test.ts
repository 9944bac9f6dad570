import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_FILTERS } from './filters.ts';
import {
  batchOf,
  countsOfStep,
  dayChoiceOf,
  readHeld,
  recordKioskEvent,
  recordZeroResults,
  sendKioskCounts,
  withoutSent,
} from './reach-events.ts';

const TODAY = '2026-11-23'; // a Monday

/** localStorage as a browser has it, for Node. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('kiosk counts', () => {
  it('names a day choice without its date', () => {
    expect(dayChoiceOf(NO_FILTERS, TODAY)).toBeNull();
    expect(dayChoiceOf({ ...NO_FILTERS, day: TODAY }, TODAY)).toBe('today');
    expect(dayChoiceOf({ ...NO_FILTERS, day: '2026-11-24' }, TODAY)).toBe('tomorrow');
    expect(dayChoiceOf({ ...NO_FILTERS, day: '2026-12-03' }, TODAY)).toBe('thu');
    expect(dayChoiceOf({ ...NO_FILTERS, weekday: 'sat' }, TODAY)).toBe('every-sat');
    expect(dayChoiceOf({ ...NO_FILTERS, soon: true }, TODAY)).toBe('soon');
  });

  it('counts a way tapped, filters newly chosen, sessions opened and codes shown', () => {
    const home = { name: 'home' } as const;
    const give = { name: 'results', filters: { ...NO_FILTERS, way: 'give' } } as const;
    expect(countsOfStep(home, give, TODAY)).toEqual([{ event: 'way', detail: 'give' }]);
    expect(countsOfStep(home, { name: 'results', filters: NO_FILTERS }, TODAY)).toEqual([]);
    const chosen = {
      name: 'results',
      filters: { ...give.filters, day: TODAY, area: 'warndon', audience: 'adults' },
    } as const;
    const filtersScreen = { name: 'filters', filters: give.filters } as const;
    expect(countsOfStep(filtersScreen, chosen, TODAY)).toEqual([
      { event: 'filter', detail: 'day:today' },
      { event: 'filter', detail: 'area:warndon' },
      { event: 'filter', detail: 'audience:adults' },
    ]);
    // Only what changed counts again.
    const later = { name: 'filters', filters: chosen.filters } as const;
    const areaOnly = {
      name: 'results',
      filters: { ...chosen.filters, area: 'gorse-hill' },
    } as const;
    expect(countsOfStep(later, areaOnly, TODAY)).toEqual([
      { event: 'filter', detail: 'area:gorse-hill' },
    ]);
    expect(countsOfStep(give, { name: 'session', id: 3, date: null }, TODAY)).toEqual([
      { event: 'session-opened', detail: '' },
    ]);
    expect(countsOfStep(give, { name: 'take-home', id: 3, date: null }, TODAY)).toEqual([
      { event: 'take-home-shown', detail: '' },
    ]);
    expect(countsOfStep(give, { name: 'language' }, TODAY)).toEqual([]);
  });

  it('holds counts per day, not events, and drops days too old to send', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    recordKioskEvent('visit', '', now);
    recordKioskEvent('visit', '', now);
    recordKioskEvent('way', 'give', now);
    recordZeroResults({ ...NO_FILTERS, way: 'give', weekday: 'tue' }, TODAY, now);
    const held = readHeld();
    expect(held[TODAY]?.['visit\t']).toBe(2);
    expect(held[TODAY]?.['way\tgive']).toBe(1);
    expect(Object.keys(held[TODAY] ?? {})).toContain(
      'zero-results\tway=give;day=every-tue;area=;audience=',
    );
    localStorage.setItem(
      'fiveways.kiosk.reach',
      JSON.stringify({ '2026-10-01': { 'visit\t': 4 }, ...readHeld() }),
    );
    recordKioskEvent('visit', '', now);
    expect(Object.keys(readHeld())).toEqual([TODAY]);
  });

  it('makes a batch within the limits and keeps what it could not carry', () => {
    const held = {
      '2026-11-22': { 'visit\t': 700, 'way\tgive': 3 },
      [TODAY]: { 'visit\t': 2, 'bogus\t': 9 },
    };
    const batch = batchOf(held, 'gorse-hill-hub', TODAY);
    expect(batch).toEqual({
      venue: 'gorse-hill-hub',
      days: [
        {
          day: '2026-11-22',
          counts: [
            { event: 'visit', detail: '', count: 500 },
            { event: 'way', detail: 'give', count: 3 },
          ],
        },
        { day: TODAY, counts: [{ event: 'visit', detail: '', count: 2 }] },
      ],
    });
    if (batch === null) return;
    expect(withoutSent(held, batch)).toEqual({
      '2026-11-22': { 'visit\t': 200 },
      [TODAY]: { 'bogus\t': 9 },
    });
    expect(batchOf({}, '', TODAY)).toBeNull();
  });

  it('sends held counts, keeps them when the network fails, drops what the server refuses', async () => {
    const now = new Date('2026-11-23T12:00:00Z');
    recordKioskEvent('visit', '', now);
    const sent: unknown[] = [];
    let answer: () => Promise<Response> = () => Promise.reject(new TypeError('offline'));
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      sent.push(typeof init.body === 'string' ? JSON.parse(init.body) : null);
      return answer();
    });
    expect(await sendKioskCounts('', now)).toBe(false);
    expect(readHeld()[TODAY]).toEqual({ 'visit\t': 1 });
    answer = () => Promise.resolve(new Response(null, { status: 429 }));
    expect(await sendKioskCounts('', now)).toBe(false);
    expect(readHeld()[TODAY]).toEqual({ 'visit\t': 1 });
    answer = () => Promise.resolve(new Response(null, { status: 204 }));
    expect(await sendKioskCounts('', now)).toBe(true);
    expect(readHeld()).toEqual({});
    expect(sent).toHaveLength(3);
    expect(sent[2]).toEqual({
      venue: '',
      days: [{ day: TODAY, counts: [{ event: 'visit', detail: '', count: 1 }] }],
    });
    recordKioskEvent('way', 'give', now);
    answer = () => Promise.resolve(new Response('{}', { status: 400 }));
    expect(await sendKioskCounts('no-such-venue', now)).toBe(false);
    expect(readHeld()).toEqual({});
    // Nothing held: nothing sent.
    expect(await sendKioskCounts('', now)).toBe(false);
    expect(sent).toHaveLength(4);
  });
});
