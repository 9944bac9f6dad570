// Lines of the feeds that look odd on purpose, each pinned by exact output and named after the
// quirk, so nobody "fixes" them. Most are places where a feed's bytes differ from what
// ical-generator writes on its own; those tests also show what the library writes, and fail once
// it no longer does, so the quirk and its code can go.

import { isRuleDate, type Session } from '@fiveways/shared';
import ical, { ICalEventRepeatingFreq, foldLines, type ICalEventData } from 'ical-generator';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  ALL_SESSIONS,
  BANK_HOLIDAY_SKIP,
  CANCELLED_ONE_OFF,
  FIVE_WEEK_COURSE,
  FIXED_PUBLIC_URL,
  FIXED_WINDOW,
  ONE_OFF,
  VENUES,
  WEEKLY_TALK,
} from './feed-fixtures.ts';
import {
  calendarProperties,
  eventBlocks,
  prop,
  props,
  type IcsProperty,
} from './feed-test-helpers.ts';
import { formatUtcDateTime } from './ics-format.ts';
import { renderCalendar } from './reference-render.ts';

function render(
  sessions: readonly Session[] = ALL_SESSIONS,
  name = 'All sessions',
  url = FIXED_PUBLIC_URL,
) {
  return renderCalendar({
    name,
    description: '',
    sessions,
    venues: VENUES,
    publicUrl: url,
    window: FIXED_WINDOW,
    refreshHours: 1,
  });
}

const ics = render();
const physicalLines = (text: string) => text.split('\r\n');
const lineOf = (p: IcsProperty) => `${p.name}${p.params}:${p.value}`;

function eventsOf(text: string, session: Session): IcsProperty[][] {
  return eventBlocks(text).filter((b) => prop(b, 'UID')?.value === session.uid);
}

function masterOf(text: string, session: Session): IcsProperty[] {
  const master = eventsOf(text, session).find((b) => prop(b, 'RECURRENCE-ID') === undefined);
  if (master === undefined) throw new Error(`no master for ${session.title}`);
  return master;
}

/** '20270330T100000' → '2027-03-30' */
function localDateOf(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

/** An event as ical-generator writes it alone, for comparison. */
function libraryEvent(data: ICalEventData): string {
  return ical()
    .createEvent({ id: 'a', stamp: new Date('2027-01-01T00:00:00Z'), ...data })
    .toString();
}

describe('quirks kept on purpose', () => {
  it('URL stays unescaped although ical-generator TEXT-escapes VALUE=URI', () => {
    const odd = render([ONE_OFF], 'All sessions', 'https://example.org/a,b;c');
    expect(physicalLines(odd)).toContain('URL;VALUE=URI:https://example.org/a,b;c/sessions/4');
    expect(prop(masterOf(odd, ONE_OFF), 'URL')?.value).toBe('https://example.org/a,b;c/sessions/4');
    const library = libraryEvent({ start: new Date(0), url: 'https://example.org/a,b;c' });
    expect(library).toContain('\r\nURL;VALUE=URI:https://example.org/a\\,b\\;c\r\n');
  });

  it('a cancelled date is an override, not an EXDATE (Google/Apple keep it visible)', () => {
    const override = eventsOf(ics, WEEKLY_TALK).find(
      (b) => prop(b, 'RECURRENCE-ID')?.value === '20270330T100000',
    );
    expect(override?.slice(0, 7).map(lineOf)).toEqual([
      'UID:session-1-3f2c9a@fiveways.example.org',
      'SEQUENCE:4',
      'DTSTAMP:20270120T164512Z',
      'DTSTART;TZID=Europe/London:20270330T100000',
      'DTEND;TZID=Europe/London:20270330T120000',
      'RECURRENCE-ID;TZID=Europe/London:20270330T100000',
      'SUMMARY:Cancelled: Time to Talk',
    ]);
    expect(override && prop(override, 'STATUS')?.value).toBe('CANCELLED');
    // The reason reaches the people who would otherwise have turned up.
    expect(override && prop(override, 'DESCRIPTION')?.value).toMatch(
      /^This date is cancelled: Staff unavailable/,
    );
    expect(props(masterOf(ics, WEEKLY_TALK), 'EXDATE')).toEqual([]);
  });

  it('a cancelled one-off is the event itself cancelled, with no RECURRENCE-ID', () => {
    const [only, ...rest] = eventsOf(ics, CANCELLED_ONE_OFF);
    expect(rest).toHaveLength(0);
    const start = ics.indexOf('BEGIN:VEVENT\r\nUID:session-7-');
    expect(ics.slice(start)).toBe(
      [
        'BEGIN:VEVENT',
        'UID:session-7-3f2c9a@fiveways.example.org',
        'SEQUENCE:2',
        'DTSTAMP:20270125T090000Z',
        'DTSTART;TZID=Europe/London:20270414T100000',
        'DTEND;TZID=Europe/London:20270414T130000',
        'SUMMARY:Cancelled: Blood pressure checks',
        'LOCATION:St Barnabas Church Hall\\, Church Road\\, Rainbow Hill\\, Worcester\\,',
        '  WR3 8NF',
        'DESCRIPTION:This date is cancelled: Venue closed\\n\\nClinic. Cost: Free.\\nBo',
        ' oking: No need to book: just drop in.\\n\\nMore details: https://fiveways.ex',
        ' ample.org/sessions/7',
        'CATEGORIES:Take Notice',
        'URL;VALUE=URI:https://fiveways.example.org/sessions/7',
        'STATUS:CANCELLED',
        'LAST-MODIFIED:20270125T090000Z',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(only && prop(only, 'RECURRENCE-ID')).toBeUndefined();
  });

  it('a count is written as UNTIL, never COUNT (a feed holds part of the series), at the last second of the last date as UTC, not at its start (recurring_ical_events and rrule.js drop a last date in summer time)', () => {
    expect(physicalLines(ics)).toContain(
      'RRULE:FREQ=WEEKLY;BYDAY=TH;WKST=MO;UNTIL=20270304T235959Z',
    );
    expect(prop(masterOf(ics, FIVE_WEEK_COURSE), 'RRULE')?.value).toBe(
      'FREQ=WEEKLY;BYDAY=TH;WKST=MO;UNTIL=20270304T235959Z',
    );
    expect(ics).not.toContain('COUNT=');
  });

  it('skipped bank holidays are EXDATEs in DTSTART form, one per line (ical-generator joins them on one)', () => {
    const master = masterOf(ics, BANK_HOLIDAY_SKIP);
    expect(props(master, 'EXDATE').map(lineOf)).toEqual([
      'EXDATE;TZID=Europe/London:20270329T093000',
      'EXDATE;TZID=Europe/London:20270503T093000',
      'EXDATE;TZID=Europe/London:20270531T093000',
      'EXDATE;TZID=Europe/London:20270830T093000',
      'EXDATE;TZID=Europe/London:20271227T093000',
      'EXDATE;TZID=Europe/London:20280103T093000',
    ]);
    // Only dates the rule without the skip really generates, at DTSTART's time of day.
    const unskipped = { ...BANK_HOLIDAY_SKIP, skipBankHolidays: false };
    for (const { value } of props(master, 'EXDATE')) {
      expect(isRuleDate(unskipped, localDateOf(value))).toBe(true);
      expect(isRuleDate(BANK_HOLIDAY_SKIP, localDateOf(value))).toBe(false);
      expect(value.slice(8)).toBe(prop(master, 'DTSTART')?.value.slice(8));
    }
    const at = (date: string) => DateTime.fromISO(date, { zone: 'Europe/London' });
    const library = libraryEvent({
      start: at('2027-03-22T09:30'),
      timezone: 'Europe/London',
      repeating: {
        freq: ICalEventRepeatingFreq.WEEKLY,
        exclude: [at('2027-03-29T09:30'), at('2027-05-03T09:30')],
      },
    });
    expect(library).toContain('\r\nEXDATE;TZID=Europe/London:20270329T093000,20270503T093000\r\n');
  });

  it('DTSTAMP and LAST-MODIFIED are the session’s last change, not the time of the request', () => {
    expect(
      masterOf(ics, WEEKLY_TALK)
        .filter((p) => /^(DTSTAMP|LAST-MODIFIED)$/.test(p.name))
        .map(lineOf),
    ).toEqual(['DTSTAMP:20270120T164512Z', 'LAST-MODIFIED:20270120T164512Z']);
    for (const session of ALL_SESSIONS.filter((s) => eventsOf(ics, s).length > 0)) {
      const expected = formatUtcDateTime(new Date(session.updatedAt));
      for (const block of eventsOf(ics, session)) {
        expect(prop(block, 'DTSTAMP')?.value).toBe(expected);
        expect(prop(block, 'LAST-MODIFIED')?.value).toBe(expected);
        expect(expected).toMatch(/^\d{8}T\d{6}Z$/);
      }
    }
  });

  it('wall-clock times are London DateTimes, since ical-generator writes a plain Date in the process’s zone', () => {
    const saved = process.env.TZ;
    try {
      const outputs = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata'].map((tz) => {
        process.env.TZ = tz;
        return render();
      });
      for (const output of outputs) expect(output).toBe(ics);
      expect(physicalLines(ics)).toContain('DTSTART;TZID=Europe/London:20260901T100000');
      process.env.TZ = 'UTC';
      const library = libraryEvent({
        start: new Date('2026-09-01T10:00:00+01:00'),
        timezone: 'Europe/London',
      });
      // 10:00 in London written as 09:00 on a server running in UTC.
      expect(library).toContain('\r\nDTSTART;TZID=Europe/London:20260901T090000\r\n');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('lines fold at 75 octets in every component, where ical-generator folds only whole calendars, at 74', () => {
    const lines = physicalLines(ics);
    const at = lines.indexOf(
      'LOCATION:Gorse Hill Community Centre\\, Gorse Hill Road\\, Worcester\\, WR4 9A',
    );
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(' B');
    expect(Buffer.byteLength(lines[at] ?? '', 'utf8')).toBe(75);
    const line = `${lines[at] ?? ''}B`;
    expect(foldLines(line).split('\r\n')[0]).toHaveLength(74);
    expect(libraryEvent({ start: new Date(0), summary: 'x'.repeat(100) })).toContain(
      `\r\nSUMMARY:${'x'.repeat(100)}\r\n`,
    );
  });

  it('no X-WR-TIMEZONE, although calendars often carry one (Python’s x-wr-timezone would read UTC times as London ones and lose the October hour)', () => {
    expect(calendarProperties(ics).map((p) => p.name)).not.toContain('X-WR-TIMEZONE');
    // Every time says its own zone: TZID, or UTC.
    for (const block of eventBlocks(ics)) {
      for (const p of block.filter((x) => /^(DTSTART|DTEND|RECURRENCE-ID|EXDATE)$/.test(x.name))) {
        expect(p.params === ';TZID=Europe/London' || p.value.endsWith('Z')).toBe(true);
      }
    }
  });

  it('NAME and X-WR-CALNAME are TEXT-escaped although ical-generator writes them as given', () => {
    const named = render(ALL_SESSIONS, 'Five Ways Worcester — Café, tea; and \\ talk');
    const lines = physicalLines(named);
    expect(lines).toContain('NAME:Five Ways Worcester — Café\\, tea\\; and \\\\ talk');
    expect(lines).toContain('X-WR-CALNAME:Five Ways Worcester — Café\\, tea\\; and \\\\ talk');
    expect(ical({ name: 'Café, tea; and \\ talk' }).toString()).toContain(
      '\r\nNAME:Café, tea; and \\ talk\r\n',
    );
  });

  it('every line ends with CRLF, the one after END:VCALENDAR too, where ical-generator leaves it bare', () => {
    expect(ics.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(/\r(?!\n)|(?<!\r)\n/.test(ics)).toBe(false);
    expect(ical().toString().endsWith('\r\nEND:VCALENDAR')).toBe(true);
  });
});
