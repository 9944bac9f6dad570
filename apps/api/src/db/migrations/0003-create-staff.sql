-- Staff accounts, their venues, login sessions, one-time invite/reset links and the audit log.
-- Instants are UTC ISO strings from the service clock (YYYY-MM-DDTHH:MM:SS.sssZ), so they sort as text.

CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
  password_hash TEXT,                     -- scrypt$N$r$p$salt$hash; NULL until an invite is accepted
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  password_changed_at TEXT
) STRICT;

-- The venues a staff member looks after; admins need none.
CREATE TABLE user_venues (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  venue_slug TEXT NOT NULL REFERENCES venues (slug) ON UPDATE CASCADE ON DELETE CASCADE,
  PRIMARY KEY (user_id, venue_slug)
) STRICT;
CREATE INDEX user_venues_venue ON user_venues (venue_slug);

-- Logged-in browsers. id is the SHA-256 (hex) of the cookie's token: a copy of the table logs nobody in.
CREATE TABLE auth_sessions (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL                -- absolute limit; the idle limit is counted from last_seen_at
) STRICT;
CREATE INDEX auth_sessions_user ON auth_sessions (user_id);

-- One-time links an admin hands over (there is no mail server): set a first password, or a new one.
CREATE TABLE user_tokens (
  id TEXT PRIMARY KEY,                    -- SHA-256 (hex) of the token in the link
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE INDEX user_tokens_user ON user_tokens (user_id);

-- Every write by a person: who, what, when, and the record before and after (JSON, NULL when absent).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT,
  after TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
