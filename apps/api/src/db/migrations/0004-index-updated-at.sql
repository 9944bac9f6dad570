-- Feeds' Last-Modified and the kiosk's "last updated" read the latest write to anything they show.
-- Indexes make each max(updated_at) one index step instead of a scan of the table (about 30 ms
-- for all four at 50,000 sessions, on every first read after a write).
-- Areas get an updated_at too, so renaming one moves Last-Modified like any other change.

ALTER TABLE areas ADD COLUMN updated_at TEXT;

CREATE INDEX areas_updated_at ON areas (updated_at);
CREATE INDEX venues_updated_at ON venues (updated_at);
CREATE INDEX groups_updated_at ON groups (updated_at);
CREATE INDEX sessions_updated_at ON sessions (updated_at);
CREATE INDEX session_exceptions_updated_at ON session_exceptions (updated_at);
