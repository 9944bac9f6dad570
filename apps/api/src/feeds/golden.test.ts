// Golden files pin the exact bytes of representative feeds. After an intended change, regenerate
// them with `UPDATE_GOLDEN=1 npx vitest run src/feeds/golden.test.ts` and review the diff.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALL_SESSIONS,
  FIXED_PUBLIC_URL,
  FIXED_WINDOW,
  HARD_TEXT,
  VENUES,
} from './feed-fixtures.ts';
import type { FeedFilter } from './feed-filter.ts';
import { renderCalendar } from './reference-render.ts';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function feed(name: string, filter: FeedFilter): string {
  return renderCalendar({
    name: `Five Ways Worcester — ${name}`,
    description: `Five Ways Worcester sessions: ${name}`,
    sessions: ALL_SESSIONS,
    filter,
    venues: VENUES,
    publicUrl: FIXED_PUBLIC_URL,
    window: FIXED_WINDOW,
    refreshHours: 1,
  });
}

const CASES: [file: string, name: string, filter: FeedFilter][] = [
  // Weekly across both clock changes with a cancellation and a move, a five-times course, a
  // monthly last Friday, one-offs (one cancelled), a bank-holiday skip and hard text.
  ['all.ics', 'All sessions', {}],
  ['way-be-active.ics', 'Be Active', { way: 'be-active' }],
  // The venue a weekly session moved to for one date: that date alone, as its own event.
  ['venue-gorse-hill-hub.ics', 'Gorse Hill Community Centre', { venue: 'gorse-hill-hub' }],
  // Its usual venue: the series, that date cancelled here as moved, saying where it went.
  ['venue-warndon-hub.ics', 'Warndon Community Hub', { venue: 'warndon-hub' }],
  ['area-rainbow-hill.ics', 'Rainbow Hill', { area: 'rainbow-hill' }],
  ['session-hard-text.ics', HARD_TEXT.title, { sessionId: HARD_TEXT.id }],
];

describe('golden feeds', () => {
  it.each(CASES)('%s matches its golden file byte for byte', (file, name, filter) => {
    const path = join(GOLDEN_DIR, file);
    const actual = feed(name, filter);
    if (UPDATE) writeFileSync(path, actual, 'utf8');
    expect(actual).toBe(readFileSync(path, 'utf8'));
  });
});
