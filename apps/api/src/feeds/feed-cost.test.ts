import { BANK_HOLIDAYS, ruleDatesExamined, SessionInputSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { insertSession } from '../sessions/sessions.queries.ts';
import { openTestDb, TEST_NOW, testClock } from '../test-support.ts';
import { eventBlocks, props } from './feed-test-helpers.ts';
import { feedWindow } from './feed-window.ts';

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** An app whose only sessions are `n` daily ones, not on bank holidays, from `start` to `until`. */
function appWithDailySessions(n: number, start: string, until: string | null) {
  const db = openTestDb();
  db.prepare('DELETE FROM session_exceptions').run();
  db.prepare('DELETE FROM sessions').run();
  const input = SessionInputSchema.parse({
    title: 'Every day',
    venue: 'gorse-hill-hub',
    ways: ['connect'],
    startDate: '2026-01-01',
    startTime: '10:00',
    endTime: '11:00',
    repeat: { every: 'week', days: EVERY_DAY },
    skipBankHolidays: true,
  });
  // Written straight to the database: the API refuses rules this long today, but older rows or
  // a restored backup may hold them, and a feed must still cost no more than its window.
  for (let i = 0; i < n; i += 1) {
    insertSession(db, { ...input, startDate: start, until }, TEST_NOW.toISOString());
  }
  return createApp({ db, clock: testClock, publicUrl: 'https://fiveways.example.org' });
}

/** Rule dates examined while serving `path`, and the body. */
async function costOf(app: ReturnType<typeof createApp>, path: string) {
  const before = ruleDatesExamined();
  const body = await (await app.request(path)).text();
  return { examined: ruleDatesExamined() - before, body };
}

describe('a feed costs what its window holds, not what its rules span', () => {
  const window = feedWindow(TEST_NOW);
  const windowDays = (Date.parse(window.to) - Date.parse(window.from)) / 86_400_000 + 1;

  it('renders fifteen daily sessions from 1900 to 2200, skipping bank holidays, in window-sized work', async () => {
    const app = appWithDailySessions(15, '1900-01-01', '2200-12-31');
    const { examined, body } = await costOf(app, '/feeds/all.ics');
    const masters = eventBlocks(body).filter((b) => props(b, 'RRULE').length === 1);
    expect(masters).toHaveLength(15);
    // Every bank holiday the list knows is a date of a daily rule, so each is an EXDATE.
    for (const master of masters) {
      expect(props(master, 'EXDATE').map((p) => p.value.slice(0, 8))).toEqual(
        BANK_HOLIDAYS.map((d) => d.replaceAll('-', '')),
      );
    }
    // A handful of passes over the window per session; walking the rule would be 110,000 dates each.
    expect(examined).toBeLessThanOrEqual(15 * 8 * windowDays);
  });

  it('examines as many dates for a rule from 1900 as for one that starts just before the window', async () => {
    const long = await costOf(appWithDailySessions(15, '1900-01-01', null), '/feeds/all.ics');
    const short = await costOf(appWithDailySessions(15, window.from, null), '/feeds/all.ics');
    expect(long.examined).toBeGreaterThan(0);
    expect(long.examined).toBeLessThanOrEqual(short.examined + 15 * 400);
  });
});
