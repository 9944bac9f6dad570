import { describe, expect, it } from 'vitest';
import {
  SKIP_REASONS,
  planImport,
  type ImportPlan,
  type PlanImportOptions,
} from './plan-import.ts';

const OPTIONS: PlanImportOptions = {
  defaults: { venue: 'default-hall', ways: ['connect'], audiences: [] },
  venues: [
    { slug: 'warndon-hub', name: 'Warndon Community Hub', postcode: 'WR4 9NX' },
    { slug: 'gorse-hill-hub', name: 'Gorse Hill Community Centre', postcode: 'WR4 9AB' },
  ],
  today: '2027-01-01',
  windowDays: 365,
  maxEvents: 1000,
};

function calendar(...events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...events, 'END:VCALENDAR'].join(
    '\r\n',
  );
}

function event(...lines: string[]): string {
  return ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
}

function planOf(ics: string, options: Partial<PlanImportOptions> = {}): ImportPlan {
  const plan = planImport(ics, { ...OPTIONS, ...options });
  if ('error' in plan) throw new Error(plan.error);
  return plan;
}

describe('planImport: simple rules', () => {
  it('maps a weekly rule with an EXDATE and a moved date onto our rule and exceptions', () => {
    const plan = planOf(
      calendar(
        event(
          'UID:knit@example.org',
          'SUMMARY:Knit and natter',
          'DTSTART;TZID=Europe/London:20270105T100000',
          'DTEND;TZID=Europe/London:20270105T120000',
          'RRULE:FREQ=WEEKLY;BYDAY=TU',
          'EXDATE;TZID=Europe/London:20270119T100000',
          'LOCATION:Warndon Community Hub\\, Shap Drive\\, WR4 9NX',
        ),
        event(
          'UID:knit@example.org',
          'RECURRENCE-ID;TZID=Europe/London:20270126T100000',
          'SUMMARY:Knit and natter',
          'DTSTART;TZID=Europe/London:20270127T140000',
          'DTEND;TZID=Europe/London:20270127T160000',
        ),
      ),
    );
    expect(plan.skipped).toEqual([]);
    expect(plan.sessions).toEqual([
      {
        sourceKey: 'knit@example.org',
        title: 'Knit and natter',
        description: '',
        url: '',
        venue: 'warndon-hub',
        startDate: '2027-01-05',
        startTime: '10:00',
        endTime: '12:00',
        repeat: { every: 'week', interval: 1, days: ['tue'] },
        until: null,
        count: null,
        exceptions: [
          {
            date: '2027-01-19',
            kind: 'cancelled',
            reason: '',
            newDate: null,
            startTime: null,
            endTime: null,
            venueSlug: null,
          },
          {
            date: '2027-01-26',
            kind: 'changed',
            reason: '',
            newDate: '2027-01-27',
            startTime: '14:00',
            endTime: '16:00',
            venueSlug: null,
          },
        ],
        expandedFrom: null,
      },
    ]);
  });

  it('reads a UTC one-off as London time', () => {
    const plan = planOf(
      calendar(
        event('UID:open', 'SUMMARY:Open day', 'DTSTART:20270612T100000Z', 'DTEND:20270612T140000Z'),
      ),
    );
    expect(plan.sessions[0]).toMatchObject({
      sourceKey: 'open',
      startDate: '2027-06-12',
      startTime: '11:00',
      endTime: '15:00',
      repeat: null,
      venue: 'default-hall',
    });
  });

  it('skips with the reasons staff read', () => {
    const plan = planOf(
      calendar(
        event('UID:a', 'SUMMARY:No end', 'DTSTART:20270105T100000'),
        event(
          'UID:b',
          'SUMMARY:All day',
          'DTSTART;VALUE=DATE:20270105',
          'DTEND;VALUE=DATE:20270106',
        ),
        event(
          'UID:c',
          'SUMMARY:Ping',
          'DTSTART:20270105T100000',
          'DURATION:PT1M',
          'RRULE:FREQ=MINUTELY',
        ),
        event(
          'UID:d',
          'SUMMARY:Far',
          'DTSTART:20270105T100000',
          'DURATION:PT1H',
          'LOCATION:Library, B1 1AA',
        ),
        event('UID:e', 'DTSTART:20270105T100000', 'DURATION:PT1H'),
        event('UID:f', 'SUMMARY:Past', 'DTSTART:20260105T100000', 'DURATION:PT1H'),
      ),
    );
    expect(plan.sessions).toEqual([]);
    expect(plan.skipped.map((s) => [s.uid, s.reason])).toEqual([
      ['a', SKIP_REASONS.noEnd],
      ['b', SKIP_REASONS.allDay],
      ['c', SKIP_REASONS.everyMinute],
      ['d', SKIP_REASONS.outside],
      ['e', SKIP_REASONS.noTitle],
      ['f', SKIP_REASONS.ended],
    ]);
    expect(SKIP_REASONS.noEnd).toBe('no end time');
    expect(SKIP_REASONS.everyMinute).toBe('every minute is not a rule we publish');
    expect(SKIP_REASONS.outside).toBe('outside Worcester');
  });

  it('reads a DTSTART the rule does not make as ical.js does: the rule starts at its first date', () => {
    // RFC 5545 leaves this undefined; ical.js (and rrule-based readers) do not count the Monday.
    const plan = planOf(
      calendar(
        event(
          'UID:stray',
          'SUMMARY:Tuesdays',
          'DTSTART;TZID=Europe/London:20270104T100000',
          'DTEND;TZID=Europe/London:20270104T110000',
          'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4',
        ),
      ),
    );
    expect(plan.sessions.map((s) => [s.sourceKey, s.startDate, s.repeat, s.count])).toEqual([
      ['stray', '2027-01-05', { every: 'week', interval: 1, days: ['tue'] }, 4],
    ]);
    expect(plan.expanded).toEqual([]);
  });

  it('leaves changed dates past the window to a later import, rather than doubling them', () => {
    const plan = planOf(
      calendar(
        event(
          'UID:far',
          'SUMMARY:Weekly',
          'DTSTART;TZID=Europe/London:20270105T100000',
          'DTEND;TZID=Europe/London:20270105T110000',
          'RRULE:FREQ=WEEKLY;BYDAY=TU',
        ),
        event(
          'UID:far',
          'SUMMARY:Weekly',
          'RECURRENCE-ID;TZID=Europe/London:20300108T100000',
          'DTSTART;TZID=Europe/London:20300108T140000',
          'DTEND;TZID=Europe/London:20300108T150000',
        ),
      ),
    );
    expect(plan.sessions.map((s) => s.sourceKey)).toEqual(['far']);
    expect(plan.expanded).toEqual([]);
  });

  it('never throws: text that is not a calendar gives an error in plain English', () => {
    expect(planImport('<html>hello</html>', OPTIONS)).toEqual({
      error: 'this is not a calendar: it does not start with BEGIN:VCALENDAR',
    });
  });
});
