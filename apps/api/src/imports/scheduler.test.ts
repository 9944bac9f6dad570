import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IMPORT_ENV } from '../env.ts';
import { createLogger } from '../ops/logger.ts';
import { makeStaffTestApp } from '../test-support.ts';
import { nextAttemptAfter } from './calendar-links.queries.ts';
import { startCalendarServer, type CalendarServer } from './calendar-test-server.ts';
import { startImportScheduler } from './scheduler.ts';

const NOW = new Date('2026-11-23T10:00:00.000Z');

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Knit and Natter//EN',
  'BEGIN:VEVENT',
  'UID:knit@example.org',
  'DTSTAMP:20261120T090000Z',
  'DTSTART;TZID=Europe/London:20261201T100000',
  'DTEND;TZID=Europe/London:20261201T120000',
  'RRULE:FREQ=WEEKLY;BYDAY=TU',
  'SUMMARY:Knit and Natter',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('the import timer', () => {
  let server: CalendarServer | undefined;

  afterEach(async () => {
    await server?.close();
  });

  it('looks for due calendars on every tick until stopped, and survives a failing tick', async () => {
    server = await startCalendarServer();
    server.served.ics = CALENDAR;
    const t = makeStaffTestApp({
      importSettings: { ...DEFAULT_IMPORT_ENV, allowHosts: [server.host], timeoutSeconds: 5 },
    });
    const { cookies } = await t.createPeople();
    const made = await t.request('POST', '/api/groups/knit-and-natter/calendars', {
      cookie: cookies.admin,
      body: { url: server.urlOf('/knit.ics') },
    });
    expect(made.status).toBe(201);
    const { importer } = t;

    // The first tick's time cannot be read, so the importer fails that tick.
    const asked: Date[] = [];
    const clock = () => {
      const now = asked.length === 0 ? new Date(Number.NaN) : NOW;
      asked.push(now);
      return now;
    };
    const lines: string[] = [];
    const scheduler = startImportScheduler(importer, {
      clock,
      log: createLogger({ write: (line) => lines.push(line) }),
      tickMs: 5,
    });
    // A later tick imports the due calendar from its server, then finds nothing more due.
    await vi.waitFor(() => expect(asked.length).toBeGreaterThanOrEqual(4), { timeout: 5000 });
    scheduler.stop();
    const seen = asked.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(asked.length).toBe(seen);
    expect(Number.isNaN(asked[0]?.getTime())).toBe(true);
    expect(asked[1]).toEqual(NOW);
    expect(server.served.requests).toEqual([{ path: '/knit.ics', ifNoneMatch: null }]);
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      'calendar imports stopped',
      'calendar imported',
    ]);
  });
});

describe('nextAttemptAfter', () => {
  it('waits the interval after a success, doubling per failure, at most a day', () => {
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
    expect(nextAttemptAfter(NOW, 60, 0)).toBe(at(60));
    expect(nextAttemptAfter(NOW, 60, 1)).toBe(at(120));
    expect(nextAttemptAfter(NOW, 60, 3)).toBe(at(480));
    expect(nextAttemptAfter(NOW, 60, 5)).toBe(at(1440));
    expect(nextAttemptAfter(NOW, 60, 50)).toBe(at(1440));
    // An interval of a day is never shortened by the cap.
    expect(nextAttemptAfter(NOW, 1440, 2)).toBe(at(1440));
  });
});
