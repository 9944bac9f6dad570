// Imports linked calendars: fetch (conditional, SSRF-safe), plan, apply, and keep a run with its
// report and the link's state (last success, last error, when to try again). One import at a
// time per process: a second waits for the first, so two never write the same group at once.
import {
  londonDateOf,
  type ImportPreview,
  type ImportReportLine,
  type ImportRun,
} from '@fiveways/shared';
import type { WriteDeps } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { DEFAULT_IMPORT_ENV, type ImportEnv } from '../env.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { notFound } from '../http/errors.ts';
import {
  finishRun,
  getLink,
  getRun,
  listDueLinks,
  recordAttempt,
  startRun,
  type RunCounts,
  type StoredLink,
} from './calendar-links.queries.ts';
import type { FetchCalendarOptions, FetchCalendarResult } from './fetch-calendar.ts';
import { CALENDAR_TOOLS } from './calendar-tools.ts';
import { applyPlan, describePlanned } from './import-run.ts';
import type { ImportDefaults, ImportPlan, KnownVenue } from './plan-import.ts';

/** How far ahead rules we cannot express are expanded, and a cancelled series cancelled. */
export const IMPORT_WINDOW_DAYS = 366;
/** The most events one calendar may hold; more is a mistake or an attack. */
export const IMPORT_MAX_EVENTS = 2000;
export const IMPORT_MAX_REDIRECTS = 5;

/** The fetch and the planner (fetch-calendar.ts, plan-import.ts), as calendar-tools.ts binds them. */
export interface CalendarTools {
  urlOf(input: string): { url: string } | { error: string };
  fetch(url: string, options: FetchCalendarOptions): Promise<FetchCalendarResult>;
  plan(
    icsText: string,
    options: {
      defaults: ImportDefaults;
      venues: readonly KnownVenue[];
      today: string;
      windowDays: number;
      maxEvents: number;
    },
  ): ImportPlan | { error: string };
}

export interface ImporterDeps extends WriteDeps {
  settings?: ImportEnv;
}

export interface Importer {
  readonly settings: ImportEnv;
  readonly tools: CalendarTools;
  /** What importing `url` for the group would do; nothing is written. */
  preview(
    group: string,
    url: string,
    venue: string | null,
  ): Promise<ImportPreview | { error: string }>;
  /** Fetches and imports one link now (waiting for any import under way); returns its run. */
  importLink(
    linkId: number,
    trigger: 'scheduled' | 'manual',
    by: { id: number } | null,
  ): Promise<ImportRun>;
  /** Imports every link due at `now`, one after another; returns their runs. */
  runDueImports(now: Date): Promise<ImportRun[]>;
}

type Fetched =
  | { kind: 'failed'; error: string }
  | { kind: 'not-modified' }
  | {
      kind: 'planned';
      plan: ImportPlan;
      defaults: ImportDefaults;
      etag: string | null;
      lastModified: string | null;
    };

/** The group's ways and audiences, and the link's venue or else the group's. */
export function defaultsFor(
  db: Db,
  group: string,
  venue: string | null,
): ImportDefaults | { error: string } {
  const g = getGroup(db, group);
  if (g === null) return { error: 'The group has been removed' };
  const v = venue ?? g.venueSlug;
  if (v === null) {
    return { error: 'The group meets at no venue: choose the venue its sessions are held at' };
  }
  return { venue: v, ways: g.ways, audiences: g.audiences };
}

function knownVenues(db: Db): KnownVenue[] {
  return db.prepare('SELECT slug, name, postcode FROM venues ORDER BY slug').all() as KnownVenue[];
}

export function createImporter(deps: ImporterDeps): Importer {
  const { db } = deps;
  const tools = CALENDAR_TOOLS;
  const settings = deps.settings ?? DEFAULT_IMPORT_ENV;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every import already queued. */
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  async function fetchAndPlan(
    group: string,
    url: string,
    venue: string | null,
    validators: { etag: string | null; lastModified: string | null },
    now: Date,
  ): Promise<Fetched> {
    const defaults = defaultsFor(db, group, venue);
    if ('error' in defaults) return { kind: 'failed', error: defaults.error };
    const fetched = await tools.fetch(url, {
      allowHosts: settings.allowHosts,
      timeoutMs: settings.timeoutSeconds * 1000,
      maxBytes: settings.maxBytes,
      maxRedirects: IMPORT_MAX_REDIRECTS,
      etag: validators.etag,
      lastModified: validators.lastModified,
    });
    if (fetched.kind === 'failed') return { kind: 'failed', error: fetched.reason };
    if (fetched.kind === 'not-modified') return { kind: 'not-modified' };
    const plan = tools.plan(fetched.text, {
      defaults,
      venues: knownVenues(db),
      today: londonDateOf(now),
      windowDays: IMPORT_WINDOW_DAYS,
      maxEvents: IMPORT_MAX_EVENTS,
    });
    if ('error' in plan) return { kind: 'failed', error: plan.error };
    return {
      kind: 'planned',
      plan,
      defaults,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
    };
  }

  async function preview(
    group: string,
    input: string,
    venue: string | null,
  ): Promise<ImportPreview | { error: string }> {
    const address = tools.urlOf(input);
    if ('error' in address) return address;
    const now = deps.clock();
    const fetched = await fetchAndPlan(
      group,
      address.url,
      venue,
      { etag: null, lastModified: null },
      now,
    );
    if (fetched.kind === 'failed') return { error: fetched.error };
    if (fetched.kind === 'not-modified') return { error: 'The calendar answered with no content' };
    const today = londonDateOf(now);
    return {
      url: address.url,
      sessions: fetched.plan.sessions.map((s) => ({
        sourceKey: s.sourceKey,
        title: s.title,
        venue: s.venue,
        startDate: s.startDate,
        startTime: s.startTime,
        endTime: s.endTime,
        when: describePlanned(s, today),
        cancelledDates: s.exceptions.filter((e) => e.kind === 'cancelled').map((e) => e.date),
        expandedFrom: s.expandedFrom,
      })),
      skipped: fetched.plan.skipped.map((s) => ({ ...s })),
      expanded: fetched.plan.expanded.map((e) => ({ ...e })),
      cancelledSeries: [...fetched.plan.cancelledSeries],
    };
  }

  async function importOne(
    link: StoredLink,
    trigger: 'scheduled' | 'manual',
    by: { id: number } | null,
    now: Date,
  ): Promise<ImportRun | null> {
    const runId = startRun(db, link.id, trigger, by?.id ?? null, now.toISOString());
    const none: RunCounts = { added: 0, updated: 0, archived: 0, skipped: 0, expanded: 0 };
    let outcome: 'imported' | 'not-modified' | 'failed';
    let counts = none;
    let report: ImportReportLine[] = [];
    let error: string | null = null;
    try {
      const fetched = await fetchAndPlan(
        link.group,
        link.url,
        link.venue,
        { etag: link.etag, lastModified: link.lastModified },
        now,
      );
      // The link as it is now: it may have been unlinked while the fetch was under way.
      const current = getLink(db, link.id);
      if (current === null) throw new Error('The calendar was unlinked during the import');
      if (fetched.kind === 'failed') {
        outcome = 'failed';
        error = fetched.error;
        recordAttempt(db, current, { kind: 'failed', error }, now, settings.intervalMinutes);
      } else if (fetched.kind === 'not-modified') {
        outcome = 'not-modified';
        recordAttempt(db, current, fetched, now, settings.intervalMinutes);
      } else {
        ({ counts, report } = applyPlan(deps, current, fetched.plan, {
          by,
          defaults: fetched.defaults,
          today: londonDateOf(now),
          windowDays: IMPORT_WINDOW_DAYS,
        }));
        outcome = 'imported';
        recordAttempt(
          db,
          current,
          { kind: 'changed', etag: fetched.etag, lastModified: fetched.lastModified },
          now,
          settings.intervalMinutes,
        );
      }
    } catch (thrown) {
      outcome = 'failed';
      counts = none;
      report = [];
      error = `The import stopped: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
      const current = getLink(db, link.id);
      if (current !== null) {
        recordAttempt(db, current, { kind: 'failed', error }, now, settings.intervalMinutes);
      }
    }
    if (getLink(db, link.id) !== null) {
      finishRun(db, runId, outcome, counts, report, error, now.toISOString());
    }
    return getRun(db, runId);
  }

  return {
    settings,
    tools,
    preview,
    importLink(linkId, trigger, by) {
      return oneAtATime(async () => {
        const link = getLink(db, linkId);
        const run = link === null ? null : await importOne(link, trigger, by, deps.clock());
        if (run === null) throw notFound('linked calendar with that id');
        return run;
      });
    },
    runDueImports(now) {
      return oneAtATime(async () => {
        const runs: ImportRun[] = [];
        for (const due of listDueLinks(db, now.toISOString())) {
          const link = getLink(db, due.id);
          const run = link === null ? null : await importOne(link, 'scheduled', null, now);
          if (run !== null) runs.push(run);
        }
        return runs;
      });
    },
  };
}
