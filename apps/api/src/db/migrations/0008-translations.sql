-- Optional translations of a session's title and description and a group's name and description,
-- as JSON by language: {"pl": {"title": "…", "summary": "…"}, "ur": {…}}. Empty for none.
ALTER TABLE sessions ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
ALTER TABLE groups ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
