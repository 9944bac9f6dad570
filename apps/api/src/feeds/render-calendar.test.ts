import { isRuleDate, lastRuleDate, type Session } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import {
  ALL_SESSIONS,
  FIVE_WEEK_COURSE,
  FIXED_PUBLIC_URL,
  FIXED_WINDOW,
  HARD_TEXT,
  MONTHLY_LAST_FRIDAY,
  ONE_OFF,
  VENUES,
  WEEKLY_TALK,
} from './feed-fixtures.ts';
import {
  calendarProperties,
  eventBlocks,
  prop,
  props,
  unfoldLines,
  type IcsProperty,
} from './feed-test-helpers.ts';
import type { FeedFilter } from './feed-filter.ts';
import { escapeText, foldLine } from './ics-format.ts';
import { renderCalendar, selectSessions } from './reference-render.ts';
import { untilOf, visitUid } from './render-calendar.ts';

const NAME = 'Five Ways Worcester — All sessions';

function render(
  sessions: readonly Session[] = ALL_SESSIONS,
  name = NAME,
  publicUrl = FIXED_PUBLIC_URL,
  filter: FeedFilter = {},
) {
  return renderCalendar({
    name,
    description: 'Sessions at Worcester community hubs, by the five ways to wellbeing',
    sessions,
    filter,
    venues: VENUES,
    publicUrl,
    window: FIXED_WINDOW,
    refreshHours: 1,
  });
}

function renderFiltered(filter: FeedFilter) {
  return render(ALL_SESSIONS, NAME, FIXED_PUBLIC_URL, filter);
}

function eventsOf(ics: string, session: Session): IcsProperty[][] {
  return eventBlocks(ics).filter((b) => prop(b, 'UID')?.value === session.uid);
}

function masterOf(ics: string, session: Session): IcsProperty[] {
  const master = eventsOf(ics, session).find((b) => prop(b, 'RECURRENCE-ID') === undefined);
  if (master === undefined) throw new Error(`no master for ${session.title}`);
  return master;
}

/** '20270330T100000' → '2027-03-30' */
function localDateOf(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

const ics = render();

describe('feed bytes', () => {
  it('folds every physical line at 75 octets without splitting a UTF-8 character', () => {
    const physical = ics.split('\r\n').slice(0, -1);
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const line of physical) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => strict.decode(bytes)).not.toThrow();
      expect(line).not.toContain('\uFFFD');
    }
    // The hard text is long enough to be folded, and survives unfolding exactly.
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    const summary = prop(masterOf(ics, HARD_TEXT), 'SUMMARY');
    expect(summary?.value).toBe(escapeText(HARD_TEXT.title));
  });

  it('folds emoji and Urdu at character boundaries, whatever the offset', () => {
    for (let pad = 0; pad < 8; pad++) {
      const line = `DESCRIPTION:${'x'.repeat(pad)}${'😀 ہر کوئی 🫖👩🏽‍🤝‍👩🏻 zażółć '.repeat(6)}`;
      const folded = foldLine(line);
      for (const physical of folded.split('\r\n')) {
        expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
        expect(physical).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        expect(physical).not.toMatch(/(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
      expect(unfoldLines(folded)).toEqual([line]);
    }
  });

  it('has one VERSION:2.0, one PRODID and METHOD:PUBLISH', () => {
    const lines = unfoldLines(ics);
    expect(lines.filter((l) => l.startsWith('VERSION:'))).toEqual(['VERSION:2.0']);
    expect(lines.filter((l) => l.startsWith('PRODID:'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('METHOD:'))).toEqual(['METHOD:PUBLISH']);
  });

  it('gives the same refresh hint in REFRESH-INTERVAL and X-PUBLISHED-TTL', () => {
    const cal = calendarProperties(ics);
    const refresh = cal.find((p) => p.name === 'REFRESH-INTERVAL');
    expect(refresh?.params).toBe(';VALUE=DURATION');
    expect(refresh?.value).toBe('PT1H');
    expect(cal.find((p) => p.name === 'X-PUBLISHED-TTL')?.value).toBe('PT1H');
  });

  it('puts every calendar property before the first component', () => {
    const lines = unfoldLines(ics);
    const firstComponent = lines.findIndex((l, i) => i > 0 && l.startsWith('BEGIN:'));
    const cal = calendarProperties(ics);
    expect(lines.slice(1, firstComponent)).toHaveLength(cal.length);
  });

  it('escapes TEXT in SUMMARY, DESCRIPTION and LOCATION', () => {
    const master = masterOf(ics, HARD_TEXT);
    expect(prop(master, 'SUMMARY')?.value).toBe(
      'Café\\, chat\\; and \\\\ more — 😀 Spotkanie przy kawie / کافی اور گپ شپ',
    );
    const description = prop(master, 'DESCRIPTION')?.value ?? '';
    expect(description).toContain('Zażółć gęślą jaźń — rozmowy po polsku\\, po angielsku');
    expect(description).toContain('\\nBring a friend\\; bring a neighbour\\, too.');
    expect(description).toContain('C:\\\\Users\\\\Public');
    expect(description).not.toMatch(/(?<!\\)[;,]/);
    expect(prop(master, 'LOCATION')?.value).toBe(
      'Gorse Hill Community Centre\\, Gorse Hill Road\\, Worcester\\, WR4 9AB',
    );
  });

  it('is byte-identical on every render', () => {
    expect(render()).toBe(ics);
  });
});

describe('time zones', () => {
  it('writes every DTSTART, DTEND, EXDATE and RECURRENCE-ID with TZID=Europe/London, never floating', () => {
    const names = ['DTSTART', 'DTEND', 'EXDATE', 'RECURRENCE-ID'];
    let seen = 0;
    for (const block of eventBlocks(ics)) {
      for (const p of block.filter((x) => names.includes(x.name))) {
        expect(p.params).toBe(';TZID=Europe/London');
        expect(p.value).toMatch(/^\d{8}T\d{6}$/);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('has a VTIMEZONE for Europe/London with STANDARD and DAYLIGHT', () => {
    const lines = unfoldLines(ics);
    const start = lines.indexOf('BEGIN:VTIMEZONE');
    const end = lines.indexOf('END:VTIMEZONE');
    const zone = lines.slice(start, end);
    expect(zone).toContain('TZID:Europe/London');
    expect(zone).toContain('BEGIN:STANDARD');
    expect(zone).toContain('BEGIN:DAYLIGHT');
    expect(zone).toContain('TZOFFSETTO:+0100');
    expect(zone).toContain('TZOFFSETTO:+0000');
  });

  it('keeps the wall-clock time across both 2027 clock changes', () => {
    const master = masterOf(ics, WEEKLY_TALK);
    expect(prop(master, 'DTSTART')?.value).toBe('20260901T100000');
    expect(prop(master, 'DTEND')?.value).toBe('20260901T120000');
  });
});

describe('identity and change', () => {
  it('uses the UID from the database, the same in every feed', () => {
    const feeds = [
      ics,
      renderFiltered({ way: 'connect' }),
      renderFiltered({ venue: 'warndon-hub' }),
    ];
    for (const feed of feeds) {
      expect(eventsOf(feed, WEEKLY_TALK).length).toBe(3);
    }
  });

  it('writes the session’s SEQUENCE on the master and every override', () => {
    for (const block of eventsOf(ics, WEEKLY_TALK)) {
      expect(prop(block, 'SEQUENCE')?.value).toBe('4');
    }
  });
});

describe('rules', () => {
  const repeating = ALL_SESSIONS.filter((s) => s.repeat !== null && eventsOf(ics, s).length > 0);

  it('never writes UNTIL with COUNT, and writes UNTIL in UTC after the last start', () => {
    for (const session of repeating) {
      const rrule = prop(masterOf(ics, session), 'RRULE')?.value ?? '';
      expect(rrule).not.toContain('COUNT=');
      const last = lastRuleDate(session);
      if (last === null) {
        expect(rrule).not.toContain('UNTIL=');
      } else {
        const until = /UNTIL=([0-9TZ]+)/.exec(rrule)?.[1];
        expect(until).toBe(untilOf(last, session.startTime));
        expect(until).toMatch(/Z$/);
      }
    }
  });

  it('ends UNTIL at the last second of the last date as UTC, before any start the next day', () => {
    // Late in summer time: at or after 23:30 BST read as UTC, so apps comparing local times
    // with UTC still keep it.
    expect(untilOf('2027-04-08', '23:30')).toBe('20270408T235959Z');
    expect(untilOf('2027-04-08', '18:00')).toBe('20270408T235959Z');
    // Just after midnight: before the next day's start read as BST (23:30Z), so a rule on
    // consecutive days does not gain a date.
    expect(untilOf('2027-04-08', '00:30')).toBe('20270408T232959Z');
    expect(untilOf('2027-12-31', '00:00')).toBe('20271231T225959Z');
  });

  it('writes monthly rules as BYDAY with the week number', () => {
    const rrule = prop(masterOf(ics, MONTHLY_LAST_FRIDAY), 'RRULE')?.value;
    expect(rrule).toBe('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T235959Z');
    const fortnightly = prop(masterOf(ics, HARD_TEXT), 'RRULE')?.value;
    expect(fortnightly).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE,FR;WKST=MO');
  });

  it('writes one-offs without a rule', () => {
    expect(prop(masterOf(ics, ONE_OFF), 'RRULE')).toBeUndefined();
  });

  it('names every override by a RECURRENCE-ID in DTSTART form that the rule really generates', () => {
    for (const session of repeating) {
      const dtstart = prop(masterOf(ics, session), 'DTSTART');
      for (const block of eventsOf(ics, session)) {
        const id = prop(block, 'RECURRENCE-ID');
        if (id === undefined) continue;
        expect(id.params).toBe(dtstart?.params);
        expect(id.value.slice(8)).toBe(dtstart?.value.slice(8));
        expect(isRuleDate(session, localDateOf(id.value))).toBe(true);
      }
    }
  });
});

describe('cancellations and changes', () => {
  it('shows a moved date as an override with the new time and place', () => {
    const override = eventsOf(ics, WEEKLY_TALK).find(
      (b) => prop(b, 'RECURRENCE-ID')?.value === '20271102T100000',
    );
    expect(override).toBeDefined();
    if (override === undefined) return;
    expect(prop(override, 'DTSTART')?.value).toBe('20271102T130000');
    expect(prop(override, 'DTEND')?.value).toBe('20271102T150000');
    expect(prop(override, 'STATUS')?.value).toBe('CONFIRMED');
    expect(prop(override, 'LOCATION')?.value).toMatch(/^Gorse Hill Community Centre/);
    expect(prop(override, 'GEO')?.value).toBe('52.1989;-2.1934');
  });
});

describe('a one-off moved to another date', () => {
  const moved: Session = {
    ...ONE_OFF,
    exceptions: [
      {
        date: '2027-06-12',
        kind: 'changed',
        reason: 'The hall is booked',
        newDate: '2027-07-03',
        startTime: '12:00',
        endTime: '16:00',
        venueSlug: 'gorse-hill-hub',
      },
    ],
  };

  it('is the one event, at its new date, time and venue', () => {
    const [only, ...rest] = eventsOf(render([moved]), moved);
    expect(rest).toHaveLength(0);
    expect(only && prop(only, 'DTSTART')?.value).toBe('20270703T120000');
    expect(only && prop(only, 'DTEND')?.value).toBe('20270703T160000');
    expect(only && prop(only, 'RECURRENCE-ID')).toBeUndefined();
    expect(only && prop(only, 'LOCATION')?.value).toMatch(/^Gorse Hill Community Centre/);
    expect(only && prop(only, 'DESCRIPTION')?.value).toMatch(
      /^Moved from Saturday 12 June 2027 to Saturday 3 July 2027\\, 12:00 to 16:00 at Gorse Hill Community Centre instead of Warndon Community Hub. The hall is booked/,
    );
  });

  it('is in a feed whose window holds only its new date', () => {
    const later = renderCalendar({
      name: NAME,
      description: '',
      sessions: [moved],
      venues: VENUES,
      publicUrl: FIXED_PUBLIC_URL,
      window: { from: '2027-06-20', to: '2028-06-20' },
      refreshHours: 1,
    });
    expect(eventsOf(later, moved)).toHaveLength(1);
  });
});

describe('the clock-change hour', () => {
  const atNight = (fields: Partial<Session>): Session => ({
    ...ONE_OFF,
    id: 40,
    uid: 'session-40@fiveways.example.org',
    title: 'Night shelter',
    startTime: '01:30',
    endTime: '02:30',
    ...fields,
  });

  it('writes a one-off in the March gap or the repeated October hour as UTC instants', () => {
    for (const [date, start, end] of [
      ['2027-03-28', '20270328T013000Z', '20270328T023000Z'],
      ['2027-10-31', '20271031T003000Z', '20271031T013000Z'],
    ] as const) {
      const session = atNight({ startDate: date });
      const [only] = eventsOf(render([session]), session);
      expect(only && prop(only, 'DTSTART')).toEqual({ name: 'DTSTART', params: '', value: start });
      expect(only && prop(only, 'DTEND')).toEqual({ name: 'DTEND', params: '', value: end });
    }
  });

  it('keeps the rule’s local time, and pins each clock-change date with a UTC override', () => {
    const weekly = atNight({
      startDate: '2027-03-07',
      repeat: { every: 'week', interval: 1, days: ['sun'] },
    });
    const blocks = eventsOf(render([weekly]), weekly);
    const master = masterOf(render([weekly]), weekly);
    expect(prop(master, 'DTSTART')?.value).toBe('20270307T013000');
    const pins = blocks
      .filter((b) => prop(b, 'RECURRENCE-ID'))
      .map((b) => [prop(b, 'RECURRENCE-ID')?.value, prop(b, 'DTSTART')?.value]);
    expect(pins).toEqual([
      ['20270328T013000', '20270328T013000Z'],
      ['20271031T013000', '20271031T003000Z'],
    ]);
  });

  it('starts a rule whose first date is in that hour a week earlier, with that week excluded', () => {
    const weekly = atNight({
      startDate: '2027-03-28',
      repeat: { every: 'week', interval: 2, days: ['sun'] },
    });
    const master = masterOf(render([weekly]), weekly);
    expect(prop(master, 'DTSTART')?.value).toBe('20270314T013000');
    expect(props(master, 'EXDATE').map((p) => p.value)).toEqual(['20270314T013000']);
    const monthly = atNight({
      startDate: '2027-03-28',
      repeat: { every: 'month', weekday: 'sun', nth: -1 },
    });
    const first = masterOf(render([monthly]), monthly);
    expect(prop(first, 'DTSTART')?.value).toBe('20270228T013000');
    expect(props(first, 'EXDATE').map((p) => p.value)).toEqual(['20270228T013000']);
  });
});

describe('content', () => {
  it('gives LOCATION, GEO, URL, CATEGORIES, STATUS and a helpful DESCRIPTION', () => {
    const master = masterOf(ics, WEEKLY_TALK);
    expect(prop(master, 'LOCATION')?.value).toBe(
      'Warndon Community Hub\\, Shap Drive\\, Warndon\\, Worcester\\, WR4 9NX',
    );
    expect(prop(master, 'GEO')?.value).toBe('52.2041;-2.1812');
    expect(prop(master, 'URL')?.value).toBe('https://fiveways.example.org/sessions/1');
    expect(prop(master, 'CATEGORIES')?.value).toBe('Connect,Give');
    expect(prop(master, 'STATUS')?.value).toBe('CONFIRMED');
    const description = prop(master, 'DESCRIPTION')?.value ?? '';
    for (const part of [
      'A friendly face to chat and listen',
      'What to expect: Tea',
      'Cost: Free',
      'just drop in',
      'Accessibility: Warndon Community Hub has step-free access',
      'Ramp at the side door',
      'Contact: Sam\\, 01905 111222',
      'https://fiveways.example.org/sessions/1',
    ]) {
      expect(description).toContain(part);
    }
    const course = prop(masterOf(ics, FIVE_WEEK_COURSE), 'DESCRIPTION')?.value ?? '';
    expect(course).toContain('£2 a session');
    expect(course).toContain('Please book before you come. Call 01905 222333 to book a place.');
  });
});

describe('wording', () => {
  const described = (fields: Partial<Session>) => {
    const session = { ...ONE_OFF, ...fields };
    const [only] = eventsOf(render([session]), session);
    // Unfolded and unescaped, as a calendar app shows it.
    return ((only && prop(only, 'DESCRIPTION')?.value) ?? '')
      .replace(/\\n/g, '\n')
      .replace(/\\([,;\\])/g, '$1');
  };

  it('says free once, however the cost text repeats it', () => {
    expect(described({ cost: { free: true, text: 'Free' } })).toContain('Cost: Free.\n');
    expect(described({ cost: { free: true, text: 'Free, donations welcome' } })).toContain(
      'Cost: Free, donations welcome.\n',
    );
    expect(described({ cost: { free: false, text: '£2 a session.' } })).toContain(
      'Cost: £2 a session.\n',
    );
    expect(described({ cost: { free: true, text: 'Free' } })).not.toMatch(/Free \(Free\)/);
  });

  it('says to book once, however the booking details say it', () => {
    const text = described({ booking: 'book', bookingInfo: 'Please book a place by phone.' });
    expect(text).toContain('Booking: Please book a place by phone.');
    expect(text.match(/book/gi)).toHaveLength(2);
    expect(described({ booking: 'book', bookingInfo: 'Phone by Monday.' })).toContain(
      'Booking: Please book before you come. Phone by Monday.',
    );
    const dropIn = described({ booking: 'drop-in', bookingInfo: 'Just drop in, any time.' });
    expect(dropIn.match(/drop in/gi)).toHaveLength(1);
  });
});

describe('window and filters', () => {
  it('leaves out sessions with nothing in the window, and archived ones', () => {
    const uids = new Set(eventBlocks(ics).map((b) => prop(b, 'UID')?.value));
    expect(uids.size).toBe(7);
    expect([...uids]).not.toContain('session-8-3f2c9a@fiveways.example.org');
    expect([...uids]).not.toContain('session-9-3f2c9a@fiveways.example.org');
    const later = renderCalendar({
      name: NAME,
      description: '',
      sessions: [FIVE_WEEK_COURSE, WEEKLY_TALK],
      venues: VENUES,
      publicUrl: FIXED_PUBLIC_URL,
      window: { from: '2027-06-01', to: '2028-06-01' },
      refreshHours: 1,
    });
    expect(eventsOf(later, FIVE_WEEK_COURSE)).toHaveLength(0);
    // The cancellation on 30 March is before this window: no override for it.
    expect(eventsOf(later, WEEKLY_TALK)).toHaveLength(2);
  });

  it('holds no override without its master in any feed', () => {
    const filters: FeedFilter[] = [
      {},
      { venue: 'warndon-hub' },
      { venue: 'gorse-hill-hub' },
      { venue: 'rainbow-hill-church' },
      { area: 'gorse-hill' },
      { area: 'warndon' },
      { way: 'give' },
      { way: 'be-active', area: 'warndon' },
    ];
    for (const filter of filters) {
      const blocks = eventBlocks(renderFiltered(filter));
      const masters = new Set(
        blocks.filter((b) => !prop(b, 'RECURRENCE-ID')).map((b) => prop(b, 'UID')?.value),
      );
      for (const b of blocks.filter((x) => prop(x, 'RECURRENCE-ID'))) {
        expect(masters.has(prop(b, 'UID')?.value)).toBe(true);
      }
    }
  });

  it('keeps a session moved for one date to another venue out of that venue’s feed but for that date', () => {
    // Time to Talk is held at Warndon; on 2 November it moves to Gorse Hill.
    const usual = renderFiltered({ venue: 'warndon-hub' });
    const home = eventsOf(usual, WEEKLY_TALK).find(
      (b) => prop(b, 'RECURRENCE-ID')?.value === '20271102T100000',
    );
    // Cancelled here, at its usual time, saying where it went.
    expect(home && prop(home, 'STATUS')?.value).toBe('CANCELLED');
    expect(home && prop(home, 'SUMMARY')?.value).toBe('Moved: Time to Talk');
    expect(home && prop(home, 'DTSTART')?.value).toBe('20271102T100000');
    expect(home && prop(home, 'LOCATION')?.value).toMatch(/^Gorse Hill Community Centre/);
    expect(home && prop(home, 'DESCRIPTION')?.value).toMatch(
      /^This date has moved to Gorse Hill Community Centre: Tuesday 2 November 2027\\, 13:00 to 15:00/,
    );
    expect(prop(masterOf(usual, WEEKLY_TALK), 'RRULE')).toBeDefined();

    // Where it went: that date alone, as an event of its own with its own UID.
    for (const feed of [
      renderFiltered({ venue: 'gorse-hill-hub' }),
      renderFiltered({ area: 'gorse-hill' }),
    ]) {
      expect(eventsOf(feed, WEEKLY_TALK)).toHaveLength(0);
      const visits = eventBlocks(feed).filter((b) => prop(b, 'SUMMARY')?.value === 'Time to Talk');
      expect(visits).toHaveLength(1);
      const [visit] = visits;
      expect(visit && prop(visit, 'UID')?.value).toBe(visitUid(WEEKLY_TALK.uid, '2027-11-02'));
      expect(visit && prop(visit, 'UID')?.value).toBe(
        'session-1-3f2c9a-on-20271102@fiveways.example.org',
      );
      expect(visit && prop(visit, 'RRULE')).toBeUndefined();
      expect(visit && prop(visit, 'RECURRENCE-ID')).toBeUndefined();
      expect(visit && prop(visit, 'DTSTART')?.value).toBe('20271102T130000');
      expect(visit && prop(visit, 'SEQUENCE')?.value).toBe('4');
    }
    // Feeds about no place keep one series, the moved date an override at its new place.
    const all = eventsOf(ics, WEEKLY_TALK).find(
      (b) => prop(b, 'RECURRENCE-ID')?.value === '20271102T100000',
    );
    expect(all && prop(all, 'STATUS')?.value).toBe('CONFIRMED');
    expect(eventsOf(renderFiltered({ venue: 'rainbow-hill-church' }), WEEKLY_TALK)).toHaveLength(0);
  });

  it('combines filters: every one must match', () => {
    const uids = (filter: FeedFilter) =>
      selectSessions(ALL_SESSIONS, VENUES, filter, FIXED_WINDOW).map((s) => s.id);
    expect(uids({ way: 'be-active' })).toEqual([2, 4, 5]);
    expect(uids({ way: 'be-active', area: 'warndon' })).toEqual([4, 5]);
    expect(uids({ way: 'be-active', venue: 'gorse-hill-hub' })).toEqual([2]);
    expect(uids({ sessionId: 3 })).toEqual([3]);
  });
});
