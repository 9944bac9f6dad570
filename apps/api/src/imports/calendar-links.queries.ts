import {
  calendarWarning,
  ImportReportLineSchema,
  type CalendarLink,
  type ImportReportLine,
  type ImportRun,
} from '@fiveways/shared';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';
import { parseJsonColumn } from '../db/json-column.ts';
import { getGroup } from '../groups/groups.queries.ts';

interface LinkRow {
  id: number;
  group_slug: string;
  url: string;
  venue_slug: string | null;
  etag: string | null;
  last_modified: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_changed_at: string | null;
  last_error: string | null;
  failing_since: string | null;
  consecutive_failures: number;
  next_attempt_at: string | null;
  created_by: number | null;
  created_at: string;
}

interface RunRow {
  id: number;
  link_id: number;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  outcome: string;
  added: number;
  updated: number;
  archived: number;
  skipped: number;
  expanded: number;
  error: string | null;
  report: string;
}

/** A link as stored, with the validators the next fetch sends back. */
export interface StoredLink {
  id: number;
  group: string;
  url: string;
  venue: string | null;
  etag: string | null;
  lastModified: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastChangedAt: string | null;
  lastError: string | null;
  failingSince: string | null;
  consecutiveFailures: number;
  nextAttemptAt: string | null;
  createdAt: string;
}

function rowToLink(row: LinkRow): StoredLink {
  return {
    id: row.id,
    group: row.group_slug,
    url: row.url,
    venue: row.venue_slug,
    etag: row.etag,
    lastModified: row.last_modified,
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    lastChangedAt: row.last_changed_at,
    lastError: row.last_error,
    failingSince: row.failing_since,
    consecutiveFailures: row.consecutive_failures,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
  };
}

const TriggerSchema = z.enum(['scheduled', 'manual']);
const OutcomeSchema = z.enum(['running', 'imported', 'not-modified', 'failed']);

function rowToRun(row: RunRow): ImportRun {
  return {
    id: row.id,
    linkId: row.link_id,
    trigger: TriggerSchema.parse(row.trigger),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: OutcomeSchema.parse(row.outcome),
    added: row.added,
    updated: row.updated,
    archived: row.archived,
    skipped: row.skipped,
    expanded: row.expanded,
    error: row.error,
    report: parseJsonColumn(z.array(ImportReportLineSchema), row.report, 'import_runs.report'),
  };
}

export function getLink(db: Db, id: number): StoredLink | null {
  const row = db.prepare('SELECT * FROM calendar_links WHERE id = ?').get(id) as
    LinkRow | undefined;
  return row ? rowToLink(row) : null;
}

/** A group's linked calendars, oldest first. */
export function listLinksOfGroup(db: Db, group: string): StoredLink[] {
  const rows = db
    .prepare('SELECT * FROM calendar_links WHERE group_slug = ? ORDER BY id')
    .all(group) as LinkRow[];
  return rows.map(rowToLink);
}

/** Every linked calendar of a group that is not archived, by group then id. */
export function listAllLinks(db: Db): StoredLink[] {
  const rows = db
    .prepare(
      `SELECT l.* FROM calendar_links l JOIN groups g ON g.slug = l.group_slug
       WHERE g.archived = 0 ORDER BY l.group_slug, l.id`,
    )
    .all() as LinkRow[];
  return rows.map(rowToLink);
}

/** Links due a fetch at `now`, the longest-waiting first. */
export function listDueLinks(db: Db, now: string): StoredLink[] {
  const rows = db
    .prepare(
      `SELECT l.* FROM calendar_links l JOIN groups g ON g.slug = l.group_slug
       WHERE g.archived = 0 AND (l.next_attempt_at IS NULL OR l.next_attempt_at <= ?)
       ORDER BY l.next_attempt_at IS NOT NULL, l.next_attempt_at, l.id`,
    )
    .all(now) as LinkRow[];
  return rows.map(rowToLink);
}

export function insertLink(
  db: Db,
  link: { group: string; url: string; venue: string | null; createdBy: number | null },
  now: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO calendar_links (group_slug, url, venue_slug, created_by, created_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(link.group, link.url, link.venue, link.createdBy, now, now).lastInsertRowid,
  );
}

export function findLinkByUrl(db: Db, group: string, url: string): StoredLink | null {
  const row = db
    .prepare('SELECT * FROM calendar_links WHERE group_slug = ? AND url = ?')
    .get(group, url) as LinkRow | undefined;
  return row ? rowToLink(row) : null;
}

/** Unlinks a calendar; its sessions stay as ordinary ones, owned by staff from now on. */
export function deleteLink(db: Db, id: number): void {
  db.prepare(
    "UPDATE sessions SET import_link_id = NULL, import_source_key = NULL, import_owned = '[]' WHERE import_link_id = ?",
  ).run(id);
  db.prepare('DELETE FROM calendar_links WHERE id = ?').run(id);
}

export type AttemptResult =
  | { kind: 'changed'; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified' }
  | { kind: 'failed'; error: string };

/** The longest the scheduler waits between tries of a failing calendar. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** When to try again: the interval after a success, doubled for each failure in a row (at most a day). */
export function nextAttemptAfter(now: Date, intervalMinutes: number, failures: number): string {
  const base = intervalMinutes * 60_000;
  const wait = Math.min(base * 2 ** Math.min(failures, 20), Math.max(MAX_BACKOFF_MS, base));
  return new Date(now.getTime() + wait).toISOString();
}

/** Records how a fetch went and when the next one is due. */
export function recordAttempt(
  db: Db,
  link: StoredLink,
  result: AttemptResult,
  now: Date,
  intervalMinutes: number,
): void {
  const at = now.toISOString();
  if (result.kind === 'failed') {
    const failures = link.consecutiveFailures + 1;
    db.prepare(
      `UPDATE calendar_links SET last_attempt_at = ?, last_error = ?, consecutive_failures = ?,
         failing_since = COALESCE(failing_since, ?), next_attempt_at = ? WHERE id = ?`,
    ).run(
      at,
      result.error,
      failures,
      at,
      nextAttemptAfter(now, intervalMinutes, failures),
      link.id,
    );
    return;
  }
  const next = nextAttemptAfter(now, intervalMinutes, 0);
  if (result.kind === 'changed') {
    db.prepare(
      `UPDATE calendar_links SET last_attempt_at = @at, last_success_at = @at, last_changed_at = @at,
         last_error = NULL, failing_since = NULL, consecutive_failures = 0, next_attempt_at = @next,
         etag = @etag, last_modified = @lastModified WHERE id = @id`,
    ).run({ at, next, etag: result.etag, lastModified: result.lastModified, id: link.id });
  } else {
    db.prepare(
      `UPDATE calendar_links SET last_attempt_at = @at, last_success_at = @at, last_error = NULL,
         failing_since = NULL, consecutive_failures = 0, next_attempt_at = @next WHERE id = @id`,
    ).run({ at, next, id: link.id });
  }
}

export interface RunCounts {
  added: number;
  updated: number;
  archived: number;
  skipped: number;
  expanded: number;
}

export function startRun(
  db: Db,
  linkId: number,
  trigger: 'scheduled' | 'manual',
  userId: number | null,
  now: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO import_runs (link_id, trigger, started_at, outcome, user_id)
         VALUES (?, ?, ?, 'running', ?)`,
      )
      .run(linkId, trigger, now, userId).lastInsertRowid,
  );
}

export function finishRun(
  db: Db,
  runId: number,
  outcome: 'imported' | 'not-modified' | 'failed',
  counts: RunCounts,
  report: readonly ImportReportLine[],
  error: string | null,
  now: string,
): void {
  db.prepare(
    `UPDATE import_runs SET finished_at = @now, outcome = @outcome, added = @added,
       updated = @updated, archived = @archived, skipped = @skipped, expanded = @expanded,
       error = @error, report = @report WHERE id = @id`,
  ).run({ ...counts, now, outcome, error, report: JSON.stringify(report), id: runId });
}

export function getRun(db: Db, id: number): ImportRun | null {
  const row = db.prepare('SELECT * FROM import_runs WHERE id = ?').get(id) as RunRow | undefined;
  return row ? rowToRun(row) : null;
}

/** A link's runs, newest first. */
export function listRuns(db: Db, linkId: number, limit: number): ImportRun[] {
  const rows = db
    .prepare('SELECT * FROM import_runs WHERE link_id = ? ORDER BY id DESC LIMIT ?')
    .all(linkId, limit) as RunRow[];
  return rows.map(rowToRun);
}

export function countRuns(db: Db, linkId: number): number {
  return db
    .prepare('SELECT count(*) FROM import_runs WHERE link_id = ?')
    .pluck()
    .get(linkId) as number;
}

/** A link as the API shows it: its state, what to look at, and its latest run. */
export function toCalendarLink(db: Db, link: StoredLink, now: Date): CalendarLink {
  return {
    id: link.id,
    group: link.group,
    groupName: getGroup(db, link.group)?.name ?? link.group,
    url: link.url,
    venue: link.venue,
    lastAttemptAt: link.lastAttemptAt,
    lastSuccessAt: link.lastSuccessAt,
    lastChangedAt: link.lastChangedAt,
    lastError: link.lastError,
    failingSince: link.failingSince,
    consecutiveFailures: link.consecutiveFailures,
    nextAttemptAt: link.nextAttemptAt,
    createdAt: link.createdAt,
    warning: calendarWarning(link, now),
    latestRun: listRuns(db, link.id, 1)[0] ?? null,
  };
}

/** The sessions a link imported, by source key, archived ones included. */
export function importedSessionIds(db: Db, linkId: number): Map<string, number> {
  const rows = db
    .prepare(
      'SELECT import_source_key AS key, id FROM sessions WHERE import_link_id = ? AND import_source_key IS NOT NULL',
    )
    .all(linkId) as { key: string; id: number }[];
  return new Map(rows.map((r) => [r.key, r.id]));
}
