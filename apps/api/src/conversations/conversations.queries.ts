// Conversations Champions log, and the contacts residents give with consent (kept apart).
import {
  INTERESTS,
  PromotedItemSchema,
  WaySlugSchema,
  type ChampionContact,
  type Conversation,
  type Interest,
  type Interests,
  type PlaceKind,
  type PromotedItem,
  type WaySlug,
} from '@fiveways/shared';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';

interface ConversationRow {
  id: number;
  logged_by: number;
  day: string;
  place_kind: string;
  venue: string | null;
  ways: string;
  promoted: string;
  took_home: number;
  interest_volunteering: number;
  interest_champion: number;
  interest_panel: number;
  created_at: string;
  contact_kept: number;
}

/** What a conversation holds, as stored. */
export interface ConversationFields {
  placeKind: PlaceKind;
  venue: string | null;
  ways: readonly WaySlug[];
  promoted: readonly PromotedItem[];
  tookHome: number;
  interests: Interests;
}

const StoredWaysSchema = z.array(WaySlugSchema).catch([]);
const StoredPromotedSchema = z.array(PromotedItemSchema).catch([]);

function placeKindOf(value: string): PlaceKind {
  return value === 'clinic' || value === 'hub' ? value : 'other';
}

function rowToConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    loggedBy: row.logged_by,
    day: row.day,
    placeKind: placeKindOf(row.place_kind),
    venue: row.venue,
    ways: StoredWaysSchema.parse(JSON.parse(row.ways)),
    promoted: StoredPromotedSchema.parse(JSON.parse(row.promoted)),
    tookHome: row.took_home,
    interests: {
      volunteering: row.interest_volunteering === 1,
      champion: row.interest_champion === 1,
      panel: row.interest_panel === 1,
    },
    contactKept: row.contact_kept === 1,
    createdAt: row.created_at,
  };
}

const SELECT_CONVERSATION = `SELECT c.*, EXISTS (
    SELECT 1 FROM champion_contacts k WHERE k.conversation_id = c.id) AS contact_kept
  FROM champion_conversations c`;

export function getConversation(db: Db, id: number): Conversation | null {
  const row = db.prepare(`${SELECT_CONVERSATION} WHERE c.id = ?`).get(id) as
    ConversationRow | undefined;
  return row ? rowToConversation(row) : null;
}

/** One person's conversations on one day, oldest first. */
export function listOwnConversations(db: Db, userId: number, day: string): Conversation[] {
  const rows = db
    .prepare(`${SELECT_CONVERSATION} WHERE c.logged_by = ? AND c.day = ? ORDER BY c.id`)
    .all(userId, day) as ConversationRow[];
  return rows.map(rowToConversation);
}

function columnsOf(fields: ConversationFields) {
  return {
    place_kind: fields.placeKind,
    venue: fields.venue,
    ways: JSON.stringify(fields.ways),
    promoted: JSON.stringify(fields.promoted),
    took_home: fields.tookHome,
    interest_volunteering: fields.interests.volunteering ? 1 : 0,
    interest_champion: fields.interests.champion ? 1 : 0,
    interest_panel: fields.interests.panel ? 1 : 0,
  };
}

export function insertConversation(
  db: Db,
  conversation: ConversationFields & { loggedBy: number; day: string },
  at: string,
): number {
  const result = db
    .prepare(
      `INSERT INTO champion_conversations (logged_by, day, place_kind, venue, ways, promoted,
         took_home, interest_volunteering, interest_champion, interest_panel, created_at)
       VALUES (@logged_by, @day, @place_kind, @venue, @ways, @promoted, @took_home,
         @interest_volunteering, @interest_champion, @interest_panel, @created_at)`,
    )
    .run({
      ...columnsOf(conversation),
      logged_by: conversation.loggedBy,
      day: conversation.day,
      created_at: at,
    });
  return Number(result.lastInsertRowid);
}

export function updateConversation(db: Db, id: number, fields: ConversationFields): void {
  db.prepare(
    `UPDATE champion_conversations SET place_kind = @place_kind, venue = @venue, ways = @ways,
       promoted = @promoted, took_home = @took_home, interest_volunteering = @interest_volunteering,
       interest_champion = @interest_champion, interest_panel = @interest_panel
     WHERE id = @id`,
  ).run({ ...columnsOf(fields), id });
}

/** A contact with consent; `wording` is the text the resident was shown. */
export function insertContact(
  db: Db,
  contact: {
    conversationId: number;
    name: string;
    phone: string;
    email: string;
    interestedIn: readonly Interest[];
    wording: string;
    createdBy: number;
  },
  at: string,
): number {
  const result = db
    .prepare(
      `INSERT INTO champion_contacts (conversation_id, name, phone, email, interested_in,
         consent_wording, consented_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      contact.conversationId,
      contact.name,
      contact.phone,
      contact.email,
      JSON.stringify(contact.interestedIn),
      contact.wording,
      at,
      contact.createdBy,
    );
  return Number(result.lastInsertRowid);
}

interface ContactRow {
  id: number;
  conversation_id: number | null;
  name: string;
  phone: string;
  email: string;
  interested_in: string;
  consent_wording: string;
  consented_at: string;
  created_by: number;
  creator_name: string | null;
}

const StoredInterestsSchema = z.array(z.enum(INTERESTS)).catch([]);

/** Every contact kept, newest first, with who took it (null once that account is gone). */
export function listContacts(db: Db): ChampionContact[] {
  const rows = db
    .prepare(
      `SELECT k.*, u.name AS creator_name FROM champion_contacts k
       LEFT JOIN users u ON u.id = k.created_by ORDER BY k.id DESC`,
    )
    .all() as ContactRow[];
  return rows.map((row) => ({
    id: row.id,
    conversationId: row.conversation_id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    interestedIn: StoredInterestsSchema.parse(JSON.parse(row.interested_in)),
    consentWording: row.consent_wording,
    consentedAt: row.consented_at,
    createdBy: row.creator_name === null ? null : { id: row.created_by, name: row.creator_name },
  }));
}

/** What the audit log may keep of a contact: that it existed, never who it was. */
export interface ContactTrace {
  id: number;
  conversationId: number | null;
  consentedAt: string;
}

export function getContactTrace(db: Db, id: number): ContactTrace | null {
  const row = db
    .prepare('SELECT id, conversation_id, consented_at FROM champion_contacts WHERE id = ?')
    .get(id) as Pick<ContactRow, 'id' | 'conversation_id' | 'consented_at'> | undefined;
  return row
    ? { id: row.id, conversationId: row.conversation_id, consentedAt: row.consented_at }
    : null;
}

/** Deletes a contact and overwrites its bytes, so no copy of the file still holds them. */
export function deleteContact(db: Db, id: number): void {
  const was: unknown = db.pragma('secure_delete', { simple: true });
  db.pragma('secure_delete = ON');
  try {
    db.prepare('DELETE FROM champion_contacts WHERE id = ?').run(id);
  } finally {
    db.pragma(`secure_delete = ${was === 1 ? 'ON' : 'OFF'}`);
  }
}
