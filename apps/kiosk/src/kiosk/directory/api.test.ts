// The kiosk offline must list the same occurrences the API would: the same sessions go through
// the real API (createApp over an in-memory database) and through the kiosk's offline path.
import { createApp } from '@fiveways/api/src/app.ts';
import { openTestDb, testClock, testShellRoot } from '@fiveways/api/src/test-support.ts';
import {
  MetaSchema,
  OccurrenceListSchema,
  SessionListSchema,
  VenueListSchema,
  type Occurrence,
} from '@fiveways/shared';
import { addDays } from '@fiveways/shared/dates';
import { describe, expect, it } from 'vitest';
import { DIRECTORY_DAYS, loadRules, offlineDirectory } from './api.ts';

// Two weeks across the spring clock change, Good Friday and Easter Monday 2027.
const TODAY = '2027-03-22';

const HUB = 'gorse-hill-hub';
const OTHER_HUB = 'rainbow-hill-hub';

function weeklySession(title: string, venue: string, days: string[], extra: object = {}) {
  return {
    title,
    venue,
    ways: ['connect'],
    startDate: '2027-03-01',
    startTime: '10:00',
    endTime: '11:00',
    repeat: { every: 'week', interval: 1, days },
    ...extra,
  };
}

const DATA = {
  areas: [
    { slug: 'gorse-hill', name: 'Gorse Hill' },
    { slug: 'rainbow-hill', name: 'Rainbow Hill' },
  ],
  venues: [
    {
      slug: HUB,
      name: 'Gorse Hill Community Hub',
      areaSlug: 'gorse-hill',
      address: 'Tolladine Road',
    },
    {
      slug: OTHER_HUB,
      name: 'Rainbow Hill Community Hub',
      areaSlug: 'rainbow-hill',
      address: 'Astwood Road',
    },
  ],
  groups: [],
  sessions: [
    weeklySession('Knit and natter', HUB, ['tue', 'thu'], {
      exceptions: [
        { date: '2027-03-23', kind: 'cancelled', reason: 'Venue closed' },
        { date: '2027-03-25', kind: 'cancelled' },
        // A move with a reason: the reason is for staff, never a cancel reason.
        {
          date: '2027-03-30',
          kind: 'changed',
          reason: 'Hall booked',
          newDate: '2027-03-31',
          startTime: '14:00',
          endTime: '15:30',
          venueSlug: OTHER_HUB,
        },
        // Moved into the window from the week before it.
        { date: '2027-03-18', kind: 'changed', newDate: '2027-03-24' },
      ],
    }),
    // Same start as the first on Tuesdays: sorted by title, then by id.
    weeklySession('Chair yoga', OTHER_HUB, ['tue']),
    weeklySession('Knit and natter', OTHER_HUB, ['tue']),
    weeklySession('Easter walk', HUB, ['mon', 'fri'], { skipBankHolidays: true }),
    {
      title: 'Last Friday lunch',
      venue: HUB,
      ways: ['give'],
      startDate: '2027-01-01',
      startTime: '12:00',
      endTime: '13:00',
      repeat: { every: 'month', weekday: 'fri', nth: -1 },
    },
  ],
};

async function answer<T>(
  app: ReturnType<typeof createApp>,
  path: string,
  schema: { parse: (v: unknown) => T },
): Promise<T> {
  const response = await app.request(path);
  expect(response.status, path).toBe(200);
  return schema.parse(await response.json());
}

describe('the kiosk offline', () => {
  it('lists the same occurrences as GET /api/occurrences, moved, cancelled and tied ones included', async () => {
    const app = createApp({
      db: openTestDb(DATA),
      clock: testClock,
      publicUrl: 'http://localhost:8787',
      staticRoot: testShellRoot(),
    });
    const to = addDays(TODAY, DIRECTORY_DAYS - 1);
    // What the directory worker saves for offline use, read as it reads it.
    const saved = {
      meta: await answer(app, '/api/meta', MetaSchema),
      areas: [],
      venues: await answer(app, '/api/venues', VenueListSchema),
      groups: [],
      sessions: (await answer(app, '/api/sessions', SessionListSchema)).items,
      fetchedAt: '2027-03-21T09:00:00.000Z',
    };
    const online = await answer(
      app,
      `/api/occurrences?from=${TODAY}&to=${to}`,
      OccurrenceListSchema,
    );

    const offline = offlineDirectory(saved, TODAY, await loadRules());

    expect(offline).toMatchObject({ from: TODAY, to, offline: true });
    expect(offline.occurrences).toEqual(online.occurrences);
    // The comparison covers what it claims to.
    const has = (check: (o: Occurrence) => boolean) => online.occurrences.some(check);
    expect(has((o) => o.status === 'cancelled' && o.cancelReason === 'Venue closed')).toBe(true);
    expect(has((o) => o.status === 'cancelled' && o.cancelReason === '')).toBe(true);
    expect(has((o) => o.changed && o.venue.slug === OTHER_HUB && o.cancelReason === null)).toBe(
      true,
    );
    expect(has((o) => o.date === '2027-03-18')).toBe(true);
    const tied = online.occurrences.filter((o) => o.start === '2027-03-23T10:00:00+00:00');
    expect(tied.map((o) => [o.title, o.sessionId])).toEqual([
      ['Chair yoga', 2],
      ['Knit and natter', 1],
      ['Knit and natter', 3],
    ]);
  });

  it('reads the data version as the number the API sends', async () => {
    const app = createApp({
      db: openTestDb(DATA),
      clock: testClock,
      publicUrl: 'http://localhost:8787',
      staticRoot: testShellRoot(),
    });
    const meta = await answer(app, '/api/meta', MetaSchema);
    expect(typeof meta.dataVersion).toBe('number');
  });
});
