// Reads the counting tables for a range of London dates. Only counts and codes are read: nothing
// from champion_contacts, and from group_suggestions only when, where from and what became of each.
import { londonDateOf } from '@fiveways/shared/london-time';
import type { Db } from '../db/open-db.ts';
import type { Fact } from './build-table.ts';
import type { Names } from './insight-labels.ts';

export interface LinkVisit {
  target: string;
  source: string;
}
export interface FeedReach {
  feed: string;
}
export interface KioskEvent {
  venue: string;
  event: string;
  detail: string;
}

export function listLinkVisits(db: Db, from: string, to: string): Fact<LinkVisit>[] {
  const rows = db
    .prepare<[string, string], { day: string; target: string; source: string; visits: number }>(
      `SELECT day, target, source, visits FROM short_link_visits WHERE day BETWEEN ? AND ?`,
    )
    .all(from, to);
  return rows.map((r) => ({
    day: r.day,
    dims: { target: r.target, source: r.source },
    value: r.visits,
  }));
}

export function listFeedReach(db: Db, from: string, to: string): Fact<FeedReach>[] {
  const rows = db
    .prepare<[string, string], { day: string; feed: string; clients: number }>(
      `SELECT day, feed, clients FROM feed_reach_daily WHERE day BETWEEN ? AND ?`,
    )
    .all(from, to);
  return rows.map((r) => ({ day: r.day, dims: { feed: r.feed }, value: r.clients }));
}

export function listKioskEvents(db: Db, from: string, to: string): Fact<KioskEvent>[] {
  const rows = db
    .prepare<
      [string, string],
      { day: string; venue: string; event: string; detail: string; count: number }
    >(`SELECT day, venue, event, detail, count FROM kiosk_daily WHERE day BETWEEN ? AND ?`)
    .all(from, to);
  return rows.map((r) => ({
    day: r.day,
    dims: { venue: r.venue, event: r.event, detail: r.detail },
    value: r.count,
  }));
}

/** One conversation the Champion logged, without who logged it. */
export interface Conversation {
  day: string;
  placeKind: string;
  venue: string;
  ways: string[];
  promoted: { kind: string; key: string }[];
  tookHome: number;
  volunteering: boolean;
  champion: boolean;
  panel: boolean;
}

function jsonArray(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

export function listConversations(db: Db, from: string, to: string): Conversation[] {
  const rows = db
    .prepare<
      [string, string],
      {
        day: string;
        place_kind: string;
        venue: string | null;
        ways: string;
        promoted: string;
        took_home: number;
        interest_volunteering: number;
        interest_champion: number;
        interest_panel: number;
      }
    >(
      `SELECT day, place_kind, venue, ways, promoted, took_home, interest_volunteering,
              interest_champion, interest_panel
         FROM champion_conversations WHERE day BETWEEN ? AND ?`,
    )
    .all(from, to);
  return rows.map((r) => ({
    day: r.day,
    placeKind: r.place_kind,
    venue: r.venue ?? '',
    ways: jsonArray(r.ways).filter((w): w is string => typeof w === 'string'),
    promoted: jsonArray(r.promoted).flatMap((p) =>
      typeof p === 'object' && p !== null && 'kind' in p && 'key' in p
        ? [{ kind: String(p.kind), key: String(p.key) }]
        : [],
    ),
    tookHome: r.took_home,
    volunteering: r.interest_volunteering === 1,
    champion: r.interest_champion === 1,
    panel: r.interest_panel === 1,
  }));
}

export interface SuggestionOutcome {
  day: string;
  source: string;
  status: string;
}

export function listSuggestionOutcomes(db: Db, from: string, to: string): SuggestionOutcome[] {
  // Filtered by London date here rather than in SQL, so any way of writing the instant is read right.
  const rows = db
    .prepare<[], { received_at: string; source: string; status: string }>(
      `SELECT received_at, source, status FROM group_suggestions`,
    )
    .all();
  return rows.flatMap((r) => {
    const at = new Date(r.received_at);
    if (Number.isNaN(at.getTime())) return [];
    const day = londonDateOf(at);
    return day >= from && day <= to ? [{ day, source: r.source, status: r.status }] : [];
  });
}

export function loadNames(db: Db): Names {
  const pairs = (sql: string) =>
    new Map(
      db
        .prepare<[], { key: string; name: string }>(sql)
        .all()
        .map((r) => [r.key, r.name]),
    );
  return {
    venues: pairs('SELECT slug AS key, name FROM venues'),
    areas: pairs('SELECT slug AS key, name FROM areas'),
    groups: pairs('SELECT slug AS key, name FROM groups'),
    sessions: pairs('SELECT CAST(id AS TEXT) AS key, title AS name FROM sessions'),
  };
}
