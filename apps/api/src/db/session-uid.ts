// Calendar UIDs of sessions. A UID carries the service's domain, so two deployments (a test
// server and the live one, or two towns) never give subscribers clashing events; and it never
// changes once written, so nobody's calendar sees an event vanish and come back as a new one.
//
// The domain is the host of PUBLIC_URL when this database was first served (meta uid_domain),
// kept from then on: moving the service to a new address later leaves every UID as it was. A
// database that held sessions before domains were recorded keeps their stored UIDs
// ('fiveways-worcester-session-<id>'); only sessions created after it get 'session-<id>@<host>'.

import { readMeta } from '../meta/meta.queries.ts';
import type { Db } from './open-db.ts';

const UID_DOMAIN = 'uid_domain';

/** Records the host of `publicUrl` as this database's UID domain, unless one is recorded. */
export function recordUidDomain(db: Db, publicUrl: string): void {
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(
    UID_DOMAIN,
    new URL(publicUrl).host.toLowerCase(),
  );
}

/** The calendar UID for a new session's id: stable for its whole life, never reused (ids never are). */
export function sessionUid(db: Db, id: number): string {
  const domain = readMeta(db, UID_DOMAIN);
  return domain === null ? `fiveways-worcester-session-${id}` : `session-${id}@${domain}`;
}
