-- Closures: a venue shut for a date range, every occurrence there cancelled with one reason and
-- undone as a whole. And the school holidays a session may skip, kept as data staff update.

CREATE TABLE closures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  venue_slug TEXT NOT NULL REFERENCES venues (slug) ON UPDATE CASCADE,
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  undone_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  undone_at TEXT,                         -- NULL while the closure stands
  CHECK (from_date <= to_date)
) STRICT;
CREATE INDEX closures_venue ON closures (venue_slug);

-- Exactly the occurrences a closure cancelled (by the date the rule gives them), as they were shown
-- then, and the exception each had before (JSON, NULL when none), so undoing it puts back only
-- what it changed.
CREATE TABLE closure_occurrences (
  closure_id INTEGER NOT NULL REFERENCES closures (id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  title TEXT NOT NULL,
  start TEXT NOT NULL,                    -- ISO 8601 with the UK offset, as the occurrence showed
  end TEXT NOT NULL,
  previous TEXT,
  PRIMARY KEY (closure_id, session_id, date)
) STRICT;
CREATE INDEX closure_occurrences_session ON closure_occurrences (session_id, date);

-- School holidays (Worcestershire's maintained schools), inclusive local dates. Staff check and
-- update these in the staff area each year: the council publishes them, and academies may differ.
CREATE TABLE school_holidays (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (from_date <= to_date)
) STRICT;
CREATE INDEX school_holidays_dates ON school_holidays (from_date, to_date);

ALTER TABLE sessions ADD COLUMN skip_school_holidays INTEGER NOT NULL DEFAULT 0
  CHECK (skip_school_holidays IN (0, 1));

-- Worcestershire's published pattern for 2026/27, as best known when this was written; staff
-- should check them against the council's term dates page and correct them in the staff area.
INSERT INTO school_holidays (name, from_date, to_date, updated_at) VALUES
  ('Summer holiday 2026', '2026-07-22', '2026-09-02', '2026-12-01T00:00:00.000Z'),
  ('Autumn half-term 2026', '2026-10-26', '2026-10-30', '2026-12-01T00:00:00.000Z'),
  ('Christmas holiday 2026', '2026-12-21', '2027-01-01', '2026-12-01T00:00:00.000Z'),
  ('February half-term 2027', '2027-02-15', '2027-02-19', '2026-12-01T00:00:00.000Z'),
  ('Easter holiday 2027', '2027-03-29', '2027-04-09', '2026-12-01T00:00:00.000Z'),
  ('May half-term 2027', '2027-05-31', '2027-06-04', '2026-12-01T00:00:00.000Z'),
  ('Summer holiday 2027', '2027-07-22', '2027-09-01', '2026-12-01T00:00:00.000Z');
