import {
  SUGGESTION_LANGUAGES,
  SUGGESTION_SOURCES,
  SUGGESTION_STATUSES,
  WaySlugSchema,
  type GroupSuggestion,
  type SuggestionLanguage,
  type SuggestionSource,
  type SuggestionStatus,
  type WaySlug,
} from '@fiveways/shared';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';
import { parseJsonColumn } from '../db/json-column.ts';

interface SuggestionRow {
  id: number;
  received_at: string;
  source: string;
  language: string;
  name: string;
  what: string;
  where_text: string;
  when_text: string;
  ways: string;
  group_contact: string;
  reply_email: string | null;
  status: string;
  decided_at: string | null;
  decided_by: number | null;
  group_slug: string | null;
  decline_reason: string | null;
  created_by: number | null;
  reply_error: string | null;
  updated_at: string | null;
}

function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`Column ${column} holds an unknown value`);
  return found;
}

function rowToSuggestion(row: SuggestionRow): GroupSuggestion {
  return {
    id: row.id,
    receivedAt: row.received_at,
    source: oneOf(SUGGESTION_SOURCES, row.source, 'group_suggestions.source'),
    language: oneOf(SUGGESTION_LANGUAGES, row.language, 'group_suggestions.language'),
    name: row.name,
    what: row.what,
    where: row.where_text,
    when: row.when_text,
    ways: parseJsonColumn(z.array(WaySlugSchema), row.ways, 'group_suggestions.ways'),
    groupContact: row.group_contact,
    hasReplyEmail: row.reply_email !== null,
    replyError: row.reply_error,
    status: oneOf(SUGGESTION_STATUSES, row.status, 'group_suggestions.status'),
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    groupSlug: row.group_slug,
    declineReason: row.decline_reason,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

const COLUMNS = `id, received_at, source, language, name, what, where_text, when_text, ways,
  group_contact, reply_email, status, decided_at, decided_by, group_slug, decline_reason,
  created_by, reply_error, updated_at`;

/** A suggestion as staff see it (never with the suggester's email), or null. */
export function getSuggestion(db: Db, id: number): GroupSuggestion | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM group_suggestions WHERE id = ?`).get(id) as
    SuggestionRow | undefined;
  return row ? rowToSuggestion(row) : null;
}

/** The suggester's email, for the outcome message only. */
export function replyEmailOf(db: Db, id: number): string | null {
  const row = db.prepare('SELECT reply_email FROM group_suggestions WHERE id = ?').get(id) as
    { reply_email: string | null } | undefined;
  return row?.reply_email ?? null;
}

export interface SuggestionFilter {
  status?: SuggestionStatus | undefined;
  /** Only those this account made (a Champion's own). */
  createdBy?: number | undefined;
}

/** New ones first, oldest first (the order they are dealt with); then decided ones, newest first. */
export function listSuggestions(db: Db, filter: SuggestionFilter = {}): GroupSuggestion[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM group_suggestions
       WHERE (@status IS NULL OR status = @status)
         AND (@createdBy IS NULL OR created_by = @createdBy)
       ORDER BY status <> 'new',
         CASE WHEN status = 'new' THEN received_at END ASC,
         coalesce(decided_at, received_at) DESC, id DESC`,
    )
    .all({ status: filter.status ?? null, createdBy: filter.createdBy ?? null }) as SuggestionRow[];
  return rows.map(rowToSuggestion);
}

export function countNewSuggestions(db: Db, createdBy?: number): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM group_suggestions
       WHERE status = 'new' AND (@createdBy IS NULL OR created_by = @createdBy)`,
    )
    .get({ createdBy: createdBy ?? null }) as { n: number };
  return row.n;
}

/** Public suggestions received since `since` (ISO) that nobody has dealt with yet. */
export function countPendingPublicSince(db: Db, since: string): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM group_suggestions
       WHERE source = 'public' AND status = 'new' AND received_at >= ?`,
    )
    .get(since) as { n: number };
  return row.n;
}

export interface NewSuggestion {
  source: SuggestionSource;
  language: SuggestionLanguage;
  name: string;
  what: string;
  where: string;
  when: string;
  ways: WaySlug[];
  groupContact: string;
  replyEmail: string;
  createdBy: number | null;
  formNonce: string | null;
}

/** Keeps a suggestion as new; returns its id. */
export function insertSuggestion(db: Db, s: NewSuggestion, at: string): number {
  const result = db
    .prepare(
      `INSERT INTO group_suggestions (received_at, source, language, name, what, where_text,
         when_text, ways, group_contact, reply_email, status, created_by, form_nonce)
       VALUES (@at, @source, @language, @name, @what, @where, @when, @ways, @groupContact,
         @replyEmail, 'new', @createdBy, @formNonce)`,
    )
    .run({
      at,
      source: s.source,
      language: s.language,
      name: s.name,
      what: s.what,
      where: s.where,
      when: s.when,
      ways: JSON.stringify(s.ways),
      groupContact: s.groupContact,
      replyEmail: s.replyEmail === '' ? null : s.replyEmail,
      createdBy: s.createdBy,
      formNonce: s.formNonce,
    });
  return Number(result.lastInsertRowid);
}

/** Whether a form's one-time token has already brought a suggestion. */
export function formNonceUsed(db: Db, nonce: string): boolean {
  return (
    db.prepare('SELECT 1 FROM group_suggestions WHERE form_nonce = ?').get(nonce) !== undefined
  );
}

export interface SuggestionEdit {
  name: string;
  what: string;
  where: string;
  when: string;
  ways: WaySlug[];
  groupContact: string;
  /** undefined: leave the email as it is. */
  replyEmail?: string | undefined;
}

export function updateSuggestion(db: Db, id: number, edit: SuggestionEdit, at: string): void {
  db.prepare(
    `UPDATE group_suggestions SET name = @name, what = @what, where_text = @where,
       when_text = @when, ways = @ways, group_contact = @groupContact, updated_at = @at,
       reply_email = CASE WHEN @keepEmail = 1 THEN reply_email ELSE @replyEmail END
     WHERE id = @id`,
  ).run({
    id,
    at,
    name: edit.name,
    what: edit.what,
    where: edit.where,
    when: edit.when,
    ways: JSON.stringify(edit.ways),
    groupContact: edit.groupContact,
    keepEmail: edit.replyEmail === undefined ? 1 : 0,
    replyEmail: edit.replyEmail === undefined || edit.replyEmail === '' ? null : edit.replyEmail,
  });
}

export type Decision =
  { status: 'approved' | 'merged'; groupSlug: string } | { status: 'declined'; reason: string };

export function decideSuggestion(
  db: Db,
  id: number,
  decision: Decision,
  by: number,
  at: string,
): void {
  db.prepare(
    `UPDATE group_suggestions SET status = @status, decided_at = @at, decided_by = @by,
       group_slug = @groupSlug, decline_reason = @reason
     WHERE id = @id AND status = 'new'`,
  ).run({
    id,
    at,
    by,
    status: decision.status,
    groupSlug: decision.status === 'declined' ? null : decision.groupSlug,
    reason: decision.status === 'declined' ? decision.reason : null,
  });
}

/** The outcome email went: the address is deleted. */
export function forgetReplyEmail(db: Db, id: number): void {
  db.prepare(
    'UPDATE group_suggestions SET reply_email = NULL, reply_error = NULL WHERE id = ?',
  ).run(id);
}

/** The outcome email could not be sent: the address is kept to try again, and why is noted. */
export function noteReplyError(db: Db, id: number, error: string): void {
  db.prepare('UPDATE group_suggestions SET reply_error = ? WHERE id = ?').run(error, id);
}
