-- Groups' own calendars (ICS feeds) linked to a group, the runs that import them, and on each
-- imported session the link it came from, its key in the source and the fields the source owns.
-- Instants are UTC ISO strings from the service clock, so they sort as text.

CREATE TABLE calendar_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  group_slug TEXT NOT NULL REFERENCES groups (slug) ON UPDATE CASCADE ON DELETE CASCADE,
  url TEXT NOT NULL,                      -- http(s) address; webcal:// is rewritten when linked
  venue_slug TEXT REFERENCES venues (slug) ON UPDATE CASCADE,  -- default venue when the group has none
  etag TEXT,                              -- validators from the last changed response, sent back
  last_modified TEXT,
  last_attempt_at TEXT,
  last_success_at TEXT,                   -- the last fetch that answered (changed or not modified)
  last_changed_at TEXT,                   -- the last fetch that brought a different calendar
  last_error TEXT,                        -- plain English, for staff; NULL after a success
  failing_since TEXT,                     -- first failure of the current run of failures
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,                   -- when the scheduler next fetches it
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  UNIQUE (group_slug, url)
) STRICT;
CREATE INDEX calendar_links_due ON calendar_links (next_attempt_at);

CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  link_id INTEGER NOT NULL REFERENCES calendar_links (id) ON DELETE CASCADE,
  trigger TEXT NOT NULL CHECK (trigger IN ('scheduled', 'manual')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('running', 'imported', 'not-modified', 'failed')),
  added INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  expanded INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  report TEXT NOT NULL DEFAULT '[]',      -- JSON array of {kind, title, text} lines in plain English
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL  -- who pressed "Import now"
) STRICT;
CREATE INDEX import_runs_link ON import_runs (link_id, started_at);

ALTER TABLE sessions ADD COLUMN import_link_id INTEGER REFERENCES calendar_links (id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN import_source_key TEXT;  -- the event's UID (or UID|date for an expanded piece)
ALTER TABLE sessions ADD COLUMN import_owned TEXT NOT NULL DEFAULT '[]';  -- JSON array of field names
CREATE UNIQUE INDEX sessions_import_source ON sessions (import_link_id, import_source_key)
  WHERE import_link_id IS NOT NULL;

-- Exceptions the source wrote are replaced on every import; ones staff made (0) are kept.
ALTER TABLE session_exceptions ADD COLUMN from_source INTEGER NOT NULL DEFAULT 0
  CHECK (from_source IN (0, 1));
