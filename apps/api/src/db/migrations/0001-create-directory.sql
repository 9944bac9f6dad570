-- Areas, venues, groups and sessions: the directory and its timetable.
-- Times are Europe/London wall-clock values (HH:MM) and dates are local (YYYY-MM-DD); never UTC instants.

CREATE TABLE areas (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE venues (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  area_slug TEXT NOT NULL REFERENCES areas (slug) ON UPDATE CASCADE,
  is_hub INTEGER NOT NULL DEFAULT 0 CHECK (is_hub IN (0, 1)),
  address TEXT NOT NULL,
  postcode TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL,
  phone TEXT NOT NULL DEFAULT '',
  step_free INTEGER NOT NULL DEFAULT 0 CHECK (step_free IN (0, 1)),
  hearing_loop INTEGER NOT NULL DEFAULT 0 CHECK (hearing_loop IN (0, 1)),
  accessible_toilet INTEGER NOT NULL DEFAULT 0 CHECK (accessible_toilet IN (0, 1)),
  parking INTEGER NOT NULL DEFAULT 0 CHECK (parking IN (0, 1)),
  baby_change INTEGER NOT NULL DEFAULT 0 CHECK (baby_change IN (0, 1)),
  accessibility_notes TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX venues_area ON venues (area_slug);

CREATE TABLE groups (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  ways TEXT NOT NULL DEFAULT '[]',        -- JSON array of way slugs
  area_slugs TEXT NOT NULL DEFAULT '[]',  -- JSON array of area slugs
  audiences TEXT NOT NULL DEFAULT '[]',   -- JSON array of audience slugs
  cost_free INTEGER NOT NULL DEFAULT 1 CHECK (cost_free IN (0, 1)),
  cost_text TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '{}',     -- JSON {name, phone, email, website}
  languages TEXT NOT NULL DEFAULT '["English"]',
  accessibility TEXT NOT NULL DEFAULT '',
  venue_slug TEXT REFERENCES venues (slug) ON UPDATE CASCADE,
  checked_at TEXT,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,   -- AUTOINCREMENT: ids (and so calendar UIDs) are never reused
  uid TEXT NOT NULL UNIQUE,               -- iCalendar UID, set once at insert, never changed
  title TEXT NOT NULL,
  venue_slug TEXT NOT NULL REFERENCES venues (slug) ON UPDATE CASCADE,
  group_slug TEXT REFERENCES groups (slug) ON UPDATE CASCADE,
  ways TEXT NOT NULL,                     -- JSON array of way slugs
  kind TEXT NOT NULL,
  start_date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  repeat TEXT,                            -- JSON Repeat, NULL for a one-off
  until_date TEXT,
  count INTEGER,
  skip_bank_holidays INTEGER NOT NULL DEFAULT 0 CHECK (skip_bank_holidays IN (0, 1)),
  booking TEXT NOT NULL,
  booking_info TEXT NOT NULL DEFAULT '',
  cost_free INTEGER NOT NULL DEFAULT 1 CHECK (cost_free IN (0, 1)),
  cost_text TEXT NOT NULL DEFAULT '',
  audiences TEXT NOT NULL DEFAULT '[]',
  description TEXT NOT NULL DEFAULT '',
  what_to_expect TEXT NOT NULL DEFAULT '',
  accessibility TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  sequence INTEGER NOT NULL DEFAULT 0,    -- iCalendar SEQUENCE: raised on every change to time, rule, exceptions or status
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL                -- UTC ISO instant of the last change: DTSTAMP and LAST-MODIFIED
) STRICT;
CREATE INDEX sessions_venue ON sessions (venue_slug);
CREATE INDEX sessions_group ON sessions (group_slug);

-- One row per occurrence that differs from the rule, keyed by the date the rule gives it.
CREATE TABLE session_exceptions (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cancelled', 'changed')),
  reason TEXT NOT NULL DEFAULT '',
  new_date TEXT,
  start_time TEXT,
  end_time TEXT,
  venue_slug TEXT REFERENCES venues (slug) ON UPDATE CASCADE,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (session_id, date)
) STRICT;
CREATE INDEX session_exceptions_venue ON session_exceptions (venue_slug);
