// Feeds that are broken or built to hurt: planImport never throws, keeps what it can read,
// skips the rest with a reason, and stays fast however big or deep the feed is.

import { describe, expect, it } from 'vitest';
import {
  SKIP_REASONS,
  planImport,
  unknownZoneReason,
  type ImportPlan,
  type PlanImportOptions,
} from './plan-import.ts';

const OPTIONS: PlanImportOptions = {
  defaults: { venue: 'default-hall', ways: ['connect'], audiences: [] },
  venues: [{ slug: 'warndon-hub', name: 'Warndon Community Hub', postcode: 'WR4 9NX' }],
  today: '2027-01-01',
  windowDays: 365,
  maxEvents: 1000,
};

function calendar(...parts: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...parts, 'END:VCALENDAR'].join(
    '\r\n',
  );
}

function event(uid: string, ...lines: string[]): string {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'SUMMARY:Coffee morning',
    'DTSTART;TZID=Europe/London:20270105T100000',
    'DTEND;TZID=Europe/London:20270105T113000',
    ...lines,
    'END:VEVENT',
  ].join('\r\n');
}

function planOf(ics: string, options: Partial<PlanImportOptions> = {}): ImportPlan {
  const plan = planImport(ics, { ...OPTIONS, ...options });
  if ('error' in plan) throw new Error(plan.error);
  return plan;
}

describe('planImport on hostile feeds', () => {
  it('reads 100,000 events only up to the cap, says so, and stays quick', () => {
    const events: string[] = [];
    for (let i = 0; i < 100_000; i++) events.push(event(`e${i}`, 'RRULE:FREQ=WEEKLY;BYDAY=TU'));
    const ics = calendar(...events);
    const started = Date.now();
    const plan = planOf(ics, { maxEvents: 500 });
    const elapsed = Date.now() - started;
    expect(plan.capped).toEqual({ found: 100_000, read: 500 });
    expect(plan.sessions.length).toBe(500);
    expect(plan.sessions.every((s) => s.repeat?.every === 'week')).toBe(true);
    // Generous for a busy shared two-core machine; it takes a second or two alone.
    expect(elapsed).toBeLessThan(60_000);
  }, 120_000);

  it('bounds the one-offs expanded from rules it cannot express', () => {
    const events: string[] = [];
    for (let i = 0; i < 30; i++) events.push(event(`daily${i}`, 'RRULE:FREQ=DAILY;INTERVAL=2'));
    const plan = planOf(calendar(...events), { maxOneOffs: 1000 });
    expect(plan.sessions.length).toBe(1000);
    expect(
      plan.skipped.some((s) => s.reason.includes('more than 1000 dates to add one by one')),
    ).toBe(true);
  });

  it('refuses a feed nested deeper than any real calendar, quickly', () => {
    const ics = `BEGIN:VCALENDAR\r\n${'BEGIN:VEVENT\r\n'.repeat(200_000)}END:VCALENDAR`;
    const started = Date.now();
    const result = planImport(ics, OPTIONS);
    expect(result).toEqual({
      error: "the calendar's sections are nested more than 8 deep, which no real calendar does",
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('drops malformed lines and keeps the events around them', () => {
    const plan = planOf(
      calendar(
        'THIS IS NOT A CONTENT LINE',
        '\u0000\u0001binary junk',
        event(
          'good1',
          'X-BROKEN;PARAM="unclosed:value',
          'NO-COLON-HERE',
          'RRULE:FREQ=WEEKLY;BYDAY=TU',
        ),
        ';;;:',
        event('good2', 'DESCRIPTION;X-P=1;BAD PARAM:text'),
      ),
    );
    expect(plan.sessions.map((s) => s.sourceKey)).toEqual(['good1', 'good2']);
    expect(plan.skipped).toEqual([]);
  });

  it('skips events with dates or rules it cannot read, and says which', () => {
    const plan = planOf(
      calendar(
        [
          'BEGIN:VEVENT',
          'UID:bad-date',
          'SUMMARY:Bad date',
          'DTSTART:20271345T990000',
          'DURATION:PT1H',
          'END:VEVENT',
        ].join('\r\n'),
        [
          'BEGIN:VEVENT',
          'UID:not-a-date',
          'SUMMARY:Not a date',
          'DTSTART:next tuesday',
          'DURATION:PT1H',
          'END:VEVENT',
        ].join('\r\n'),
        event('bad-rule', 'RRULE:FREQ=FORTNIGHTLY;BYDAY=TU'),
        [
          'BEGIN:VEVENT',
          'UID:feb30',
          'SUMMARY:The thirtieth of February',
          'DTSTART:20270230T100000',
          'DURATION:PT1H',
          'END:VEVENT',
        ].join('\r\n'),
        event('zone', 'X-IGNORED:1').replace(/TZID=Europe\/London/g, 'TZID=Atlantis/Lost City'),
        event('ok'),
      ),
    );
    expect(plan.sessions.map((s) => s.sourceKey)).toEqual(['ok']);
    expect(plan.skipped.map((s) => [s.uid, s.reason]).sort()).toEqual([
      ['bad-date', SKIP_REASONS.badDate],
      ['bad-rule', SKIP_REASONS.badRule],
      ['feb30', SKIP_REASONS.badDate],
      ['not-a-date', SKIP_REASONS.badDate],
      ['zone', unknownZoneReason('Atlantis/Lost City')],
    ]);
  });

  it('reads a feed cut off in the middle of an event', () => {
    const text = calendar(event('whole'), event('cut')).replace(/END:VEVENT\r\nEND:VCALENDAR$/, '');
    const plan = planOf(text);
    expect(plan.sessions.map((s) => s.sourceKey)).toEqual(['whole', 'cut']);
  });

  it('gives a plain-English error for text that is not a calendar at all', () => {
    for (const text of [
      '',
      '\u0000\u0000\u0000',
      '<!doctype html><title>Sign in</title>',
      '{"events":[]}',
    ]) {
      const result = planImport(text, OPTIONS);
      expect(result).toEqual({
        error: 'this is not a calendar: it does not start with BEGIN:VCALENDAR',
      });
    }
  });

  it('does not follow a rule that repeats too often for too long', () => {
    const plan = planOf(
      calendar(
        [
          'BEGIN:VEVENT',
          'UID:forever',
          'SUMMARY:Since 1900',
          'DTSTART:19000101T100000',
          'DURATION:PT1H',
          'RRULE:FREQ=DAILY;INTERVAL=2',
          'END:VEVENT',
        ].join('\r\n'),
      ),
    );
    expect(plan.skipped).toEqual([
      { uid: 'forever', title: 'Since 1900', reason: SKIP_REASONS.tooOften },
    ]);
  });

  it('cleans titles and skips a second event with the same UID', () => {
    const plan = planOf(
      calendar(
        event('same').replace('SUMMARY:Coffee morning', 'SUMMARY:Coffee\\nmorning\u0007 \t here'),
        event('same'),
      ),
    );
    expect(plan.sessions.map((s) => s.title)).toEqual(['Coffee morning here']);
    expect(plan.skipped).toEqual([
      { uid: 'same', title: 'Coffee morning', reason: SKIP_REASONS.duplicate },
    ]);
  });

  it('survives a huge line and a huge description', () => {
    const plan = planOf(
      calendar(
        event('big', `DESCRIPTION:${'word '.repeat(300_000)}`, `X-HUGE:${'x'.repeat(1_000_000)}`),
      ),
    );
    expect(plan.sessions.map((s) => s.sourceKey)).toEqual(['big']);
    // A description over the limit is left out with its line; one under it is cut to 2,000.
    expect(plan.sessions[0]?.description.length).toBeLessThanOrEqual(2000);
  });

  it('cuts a long description to 2,000 characters at a word', () => {
    const plan = planOf(calendar(event('long', `DESCRIPTION:${'word '.repeat(1000)}`)));
    const description = plan.sessions[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(2000);
    expect(description.endsWith('word…')).toBe(true);
  });
});
