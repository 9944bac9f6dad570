// Benchmark data: the sample (S), or a made-up directory of M or L size written straight into SQLite.
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { addDays, AUDIENCE_SLUGS, londonDateOf, WAY_SLUGS, WEEKDAYS } from '@fiveways/shared';
import { openDb, type Db } from '@fiveways/api/src/db/open-db.ts';
import { readSampleDataFile, seedSampleData } from '@fiveways/api/src/db/seed.ts';
import { sessionUid } from '@fiveways/api/src/sessions/sessions.queries.ts';

export const SIZES = {
  S: { groups: 0, sessions: 0 },
  M: { groups: 2_000, sessions: 5_000 },
  L: { groups: 20_000, sessions: 50_000 },
} as const;
export type Size = keyof typeof SIZES;

export function isSize(value: string): value is Size {
  return value in SIZES;
}

/** A small, fast, seeded generator (mulberry32): the same size always gives the same data. */
function randomFrom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const pool = [...items];
    const n = Math.min(pool.length, int(min, max));
    const chosen: T[] = [];
    for (let i = 0; i < n; i += 1) chosen.push(pool.splice(int(0, pool.length - 1), 1)[0] as T);
    return chosen;
  };
  return { next, int, pick, some };
}

const TOPICS = [
  'Walk and Talk',
  'Craft and Chat',
  'Community Garden',
  'Coffee Morning',
  'Chair Yoga',
  'Youth Club',
  'Parent and Toddler',
  'Reading Circle',
  'Cook and Eat',
  'Men in Sheds',
  'Digital Help',
  'English Conversation',
  'Singing for Fun',
  'Repair Café',
  'Mindful Moments',
  'Football Sessions',
  'Homework Club',
  'Knit and Natter',
  'Memory Café',
  'Volunteer Drop-in',
];
const KINDS = ['drop-in', 'group', 'course', 'clinic', 'event'] as const;
const START_TIMES = [
  '09:00',
  '09:30',
  '10:00',
  '10:30',
  '13:00',
  '14:00',
  '15:30',
  '18:00',
  '18:30',
];

export interface Counts {
  areas: number;
  venues: number;
  groups: number;
  sessions: number;
  exceptions: number;
}

/** Writes a made-up directory of the given size into an empty database, in one transaction. */
export function fillGeneratedDirectory(
  db: Db,
  size: { groups: number; sessions: number },
  now: Date,
): Counts {
  const rand = randomFrom(size.groups * 31 + size.sessions);
  const stamp = now.toISOString();
  const today = londonDateOf(now);
  const sample = readSampleDataFile() as { areas: { slug: string; name: string }[] };
  const areas = sample.areas.map((a) => a.slug);
  const venueCount = Math.max(20, Math.round(size.sessions / 100));
  const counts: Counts = {
    areas: areas.length,
    venues: venueCount,
    groups: 0,
    sessions: 0,
    exceptions: 0,
  };

  const insertArea = db.prepare(
    'INSERT INTO areas (slug, name, description, sort_order) VALUES (?, ?, ?, ?)',
  );
  const insertVenue = db.prepare(
    `INSERT INTO venues (slug, name, area_slug, is_hub, address, postcode, latitude, longitude,
       step_free, hearing_loop, accessible_toilet, parking, baby_change, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertGroup = db.prepare(
    `INSERT INTO groups (slug, name, description, ways, area_slugs, audiences, cost_free, cost_text,
       contact, venue_slug, checked_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSession = db.prepare(
    `INSERT INTO sessions (id, uid, title, venue_slug, group_slug, ways, kind, start_date,
       start_time, end_time, repeat, until_date, count, booking, cost_free, cost_text, audiences,
       description, what_to_expect, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertException = db.prepare(
    `INSERT INTO session_exceptions (session_id, date, kind, reason, updated_at)
     VALUES (?, ?, 'cancelled', 'Hall not available', ?)`,
  );

  db.transaction(() => {
    sample.areas.forEach((a, i) => insertArea.run(a.slug, a.name, '', i));
    const venues: string[] = [];
    for (let v = 1; v <= venueCount; v += 1) {
      const slug = `venue-${v}`;
      venues.push(slug);
      insertVenue.run(
        slug,
        `${rand.pick(['St Mary’s', 'Oak Tree', 'Riverside', 'Northfield', 'Hilltop'])} Hall ${v}`,
        areas[v % areas.length],
        v % 4 === 0 ? 1 : 0,
        `${v} Community Road, Worcester`,
        `WR${rand.int(1, 5)} ${rand.int(1, 9)}XX`,
        52.19 + rand.next() * 0.04,
        -2.24 + rand.next() * 0.06,
        rand.int(0, 1),
        rand.int(0, 1),
        rand.int(0, 1),
        rand.int(0, 1),
        rand.int(0, 1),
        stamp,
      );
    }

    const groups: string[] = [];
    for (let g = 1; g <= size.groups; g += 1) {
      const slug = `group-${g}`;
      groups.push(slug);
      const free = rand.next() < 0.7;
      insertGroup.run(
        slug,
        `${rand.pick(TOPICS)} ${g}`,
        'A friendly group that meets regularly. Everyone is welcome; come along and say hello.',
        JSON.stringify(rand.some(WAY_SLUGS, 1, 3)),
        JSON.stringify(rand.some(areas, 1, 2)),
        JSON.stringify(rand.some(AUDIENCE_SLUGS, 1, 2)),
        free ? 1 : 0,
        free ? 'Free' : `£${rand.int(1, 5)}`,
        JSON.stringify({ name: '', phone: '01632 960000', email: '', website: '' }),
        rand.next() < 0.5 ? rand.pick(venues) : null,
        addDays(today, -rand.int(0, 400)),
        stamp,
      );
    }
    counts.groups = groups.length;

    for (let id = 1; id <= size.sessions; id += 1) {
      const roll = rand.next();
      const startDate = addDays(today, rand.int(-180, 60));
      let repeat: unknown = null;
      let until: string | null = null;
      let count: number | null = null;
      let kind: (typeof KINDS)[number] = rand.pick(KINDS);
      if (roll < 0.55) {
        repeat = { every: 'week', interval: 1, days: rand.some(WEEKDAYS.slice(0, 6), 1, 2) };
      } else if (roll < 0.7) {
        repeat = { every: 'week', interval: 2, days: [rand.pick(WEEKDAYS)] };
      } else if (roll < 0.82) {
        repeat = { every: 'month', weekday: rand.pick(WEEKDAYS), nth: rand.pick([1, 2, 3, 4, -1]) };
      } else if (roll < 0.9) {
        kind = 'course';
        repeat = { every: 'week', interval: 1, days: [rand.pick(WEEKDAYS.slice(0, 5))] };
        count = 5;
      }
      // The rest are one-offs.
      if (repeat !== null && count === null && rand.next() < 0.2) {
        until = addDays(today, rand.int(30, 365));
      }
      const startTime = rand.pick(START_TIMES);
      const [h = 10, m = 0] = startTime.split(':').map(Number);
      const endTime = `${String(Math.min(h + rand.int(1, 2), 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      const free = rand.next() < 0.8;
      insertSession.run(
        id,
        sessionUid(db, id),
        `${rand.pick(TOPICS)} ${id}`,
        rand.pick(venues),
        groups.length > 0 && rand.next() < 0.8 ? rand.pick(groups) : null,
        JSON.stringify(rand.some(WAY_SLUGS, 1, 2)),
        kind,
        startDate,
        startTime,
        endTime,
        repeat === null ? null : JSON.stringify(repeat),
        until,
        count,
        rand.next() < 0.85 ? 'drop-in' : 'book',
        free ? 1 : 0,
        free ? 'Free' : `£${rand.int(1, 5)}`,
        JSON.stringify(rand.some(AUDIENCE_SLUGS, 1, 2)),
        'Come along: there is a warm welcome, tea and biscuits.',
        'Someone will meet you at the door.',
        stamp,
        stamp,
      );
      // One session in ten has a cancelled date somewhere in the coming weeks.
      if (repeat !== null && rand.next() < 0.1) {
        insertException.run(id, addDays(today, rand.int(0, 28)), stamp);
        counts.exceptions += 1;
      }
    }
    counts.sessions = size.sessions;
  }).immediate();
  return counts;
}

/**
 * Creates a fresh database file at `path` holding the data of `size`, replacing any file there.
 * S is the sample Worcester data; M and L are made up and repeatable.
 */
export function generateDatabase(path: string, size: Size, now: Date = new Date()): Counts {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const db = openDb(path);
  try {
    if (size === 'S') {
      seedSampleData(db, readSampleDataFile(), now);
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return {
        areas: count('areas'),
        venues: count('venues'),
        groups: count('groups'),
        sessions: count('sessions'),
        exceptions: count('session_exceptions'),
      };
    }
    return fillGeneratedDirectory(db, SIZES[size], now);
  } finally {
    // Leave one self-contained file for the server to open.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
}

// `tsx bench/generate-data.ts M ./bench-m.db` writes one database and says how long it took.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const [size = 'M', out = `./fiveways-bench-${size}.db`] = process.argv.slice(2);
  if (!isSize(size)) {
    console.error(`Size must be one of ${Object.keys(SIZES).join(', ')}`);
    process.exit(1);
  }
  const started = performance.now();
  const path = resolve(out);
  const counts = generateDatabase(path, size);
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ size, path, ...counts, ms, exists: existsSync(path) }));
}
