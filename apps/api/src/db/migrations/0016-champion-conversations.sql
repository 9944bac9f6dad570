-- migrate: rebuilds tables
-- The Community Champion role, the conversations Champions log at clinics and hubs, and the
-- contacts residents give with explicit consent (kept apart, admin-only, deletable on request).

-- users again, with 'champion' in the role CHECK; ids, the id sequence and every column are kept.
CREATE TABLE users_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'champion')),
  password_hash TEXT,                     -- scrypt$N$r$p$salt$hash; NULL until an invite is accepted
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  password_changed_at TEXT
) STRICT;
INSERT INTO users_new (id, email, name, role, password_hash, disabled, created_at, password_changed_at)
  SELECT id, email, name, role, password_hash, disabled, created_at, password_changed_at FROM users;
UPDATE sqlite_sequence
  SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'users'), 0))
  WHERE name = 'users_new';
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'users_new', seq FROM sqlite_sequence WHERE name = 'users'
    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'users_new');
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

CREATE TABLE champion_conversations (
  id INTEGER PRIMARY KEY,
  logged_by INTEGER NOT NULL,         -- users.id
  day TEXT NOT NULL,                  -- London local date
  place_kind TEXT NOT NULL,           -- 'clinic' | 'hub' | 'other'
  venue TEXT,                         -- venue slug when at a known venue
  ways TEXT NOT NULL,                 -- JSON array of way slugs that came up
  promoted TEXT NOT NULL,             -- JSON array of {kind:'group'|'session', key} promoted
  took_home INTEGER NOT NULL,         -- how many of those the resident took home (count)
  interest_volunteering INTEGER NOT NULL, interest_champion INTEGER NOT NULL,
  interest_panel INTEGER NOT NULL,    -- 0/1 each
  created_at TEXT NOT NULL) STRICT;
-- A Champion's own day, and the findings by day and place.
CREATE INDEX champion_conversations_logged_by ON champion_conversations (logged_by, day);
CREATE INDEX champion_conversations_day ON champion_conversations (day, venue);

CREATE TABLE champion_contacts (      -- only with explicit consent; admin-only; deletable
  id INTEGER PRIMARY KEY, conversation_id INTEGER REFERENCES champion_conversations(id) ON DELETE SET NULL,
  name TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL, interested_in TEXT NOT NULL,
  consent_wording TEXT NOT NULL, consented_at TEXT NOT NULL, created_by INTEGER NOT NULL) STRICT;
CREATE INDEX champion_contacts_conversation ON champion_contacts (conversation_id);
