// Test helpers: a fresh, migrated in-memory database filled with a small, known directory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from './app.ts';
import { openDb, type Db } from './db/open-db.ts';
import { seedSampleData } from './db/seed.ts';

/** The fixed "now" of tests: Monday 23 November 2026, 10:00 UTC. */
export const TEST_NOW = new Date('2026-11-23T10:00:00.000Z');
export const testClock = (): Date => new Date(TEST_NOW);

/** A small Worcester directory: three areas, three venues, three groups, four sessions. */
export function makeFixture() {
  return {
    areas: [
      { slug: 'gorse-hill', name: 'Gorse Hill' },
      { slug: 'rainbow-hill', name: 'Rainbow Hill' },
      { slug: 'warndon', name: 'Warndon', description: 'North-east Worcester' },
    ],
    venues: [
      {
        slug: 'gorse-hill-hub',
        name: 'Gorse Hill Community Hub',
        areaSlug: 'gorse-hill',
        isHub: true,
        address: 'Tolladine Road, Worcester',
        postcode: 'WR4 9XX',
        latitude: 52.198,
        longitude: -2.2,
        accessibility: { stepFree: true, hearingLoop: true, accessibleToilet: true },
      },
      {
        slug: 'rainbow-hill-hub',
        name: 'Rainbow Hill Community Hub',
        areaSlug: 'rainbow-hill',
        isHub: true,
        address: 'Astwood Road, Worcester',
      },
      {
        slug: 'warndon-church-hall',
        name: 'Warndon Church Hall',
        areaSlug: 'warndon',
        address: 'Cranham Drive, Worcester',
      },
    ],
    groups: [
      {
        slug: 'walking-for-health',
        name: 'Walking for Health',
        ways: ['be-active', 'connect'],
        areaSlugs: ['gorse-hill'],
        audiences: ['adults', 'older-people'],
        checkedAt: '2026-10-01',
      },
      {
        slug: 'knit-and-natter',
        name: 'Knit and Natter',
        ways: ['connect', 'give'],
        venueSlug: 'warndon-church-hall',
        audiences: ['older-people'],
        cost: { free: false, text: '£1 for tea' },
        checkedAt: null,
      },
      {
        slug: 'young-makers',
        name: 'Young Makers',
        ways: ['keep-learning'],
        areaSlugs: ['rainbow-hill'],
        audiences: ['young-people'],
        checkedAt: '2026-09-15',
      },
    ],
    sessions: [
      {
        title: 'Walk and Talk',
        venue: 'gorse-hill-hub',
        ways: ['be-active', 'connect'],
        startDate: '2027-03-02',
        startTime: '10:00',
        endTime: '11:00',
        repeat: { every: 'week', interval: 1, days: ['tue'] },
        group: 'walking-for-health',
        audiences: ['adults', 'older-people'],
        exceptions: [
          { date: '2027-03-16', kind: 'cancelled', reason: 'Bad weather' },
          { date: '2027-03-23', kind: 'changed', venueSlug: 'rainbow-hill-hub' },
        ],
      },
      {
        title: 'Time to Talk',
        venue: 'rainbow-hill-hub',
        ways: ['connect'],
        kind: 'drop-in',
        startDate: '2027-01-06',
        startTime: '14:00',
        endTime: '16:00',
        repeat: { every: 'week', interval: 1, days: ['wed'] },
      },
      {
        title: 'Healthy Living',
        venue: 'warndon-church-hall',
        ways: ['keep-learning', 'take-notice'],
        kind: 'course',
        booking: 'book',
        bookingInfo: 'Call the hub to book a place',
        startDate: '2027-10-21',
        startTime: '18:30',
        endTime: '20:00',
        repeat: { every: 'week', interval: 1, days: ['thu'] },
        count: 5,
        audiences: ['adults'],
        cost: { free: true, text: '' },
      },
      {
        title: 'Community Health Clinic',
        venue: 'gorse-hill-hub',
        ways: ['give'],
        kind: 'clinic',
        startDate: '2027-10-31',
        startTime: '09:30',
        endTime: '12:00',
        cost: { free: false, text: '£2' },
      },
    ],
  };
}

/** A migrated in-memory database holding `makeFixture()` (or the data given). */
export function openTestDb(data: unknown = makeFixture()): Db {
  const db = openDb(':memory:');
  seedSampleData(db, data, TEST_NOW);
  return db;
}

/** The app over a fresh fixture database, with the fixed clock. */
let shellRoot: string | undefined;

/**
 * A stand-in for the built front end (a shell page and one hashed asset), so what the tests see
 * does not depend on whether `apps/kiosk` has been built yet.
 */
export function testShellRoot(): string {
  if (shellRoot === undefined) {
    const root = mkdtempSync(join(tmpdir(), 'fiveways-shell-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Five Ways</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export {};');
    shellRoot = root;
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  return shellRoot;
}

export function createTestApp(options: { db?: Db; staticRoot?: string } = {}) {
  const db = options.db ?? openTestDb();
  const app = createApp({
    db,
    clock: testClock,
    publicUrl: 'http://localhost:8787',
    staticRoot: options.staticRoot ?? testShellRoot(),
  });
  return { db, app };
}

/** GETs a path and returns the status and parsed JSON body. */
export async function getJson(app: App, path: string): Promise<{ status: number; body: unknown }> {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
}
