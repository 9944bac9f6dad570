-- Groups and activities residents or Community Champions tell us the directory is missing. Nothing
-- here is published: staff approve a suggestion into a new group, merge it into an existing one, or
-- decline it. The suggester's email is kept only until they have been told the outcome.
CREATE TABLE group_suggestions (
  id INTEGER PRIMARY KEY,
  received_at TEXT NOT NULL,          -- ISO instant
  source TEXT NOT NULL,               -- 'public' | 'champion'
  language TEXT NOT NULL,             -- 'en' | 'pl' | 'ro' | 'ur'
  name TEXT NOT NULL, what TEXT NOT NULL, where_text TEXT NOT NULL, when_text TEXT NOT NULL,
  ways TEXT NOT NULL,                 -- JSON array of way slugs
  group_contact TEXT NOT NULL,        -- a contact the group agreed to share ('' if none)
  reply_email TEXT,                   -- suggester's email; NULL once answered or when not given
  status TEXT NOT NULL,               -- 'new' | 'approved' | 'merged' | 'declined'
  decided_at TEXT, decided_by INTEGER,  -- users.id
  group_slug TEXT,                    -- the group it became or was merged into
  decline_reason TEXT,
  created_by INTEGER,                 -- users.id for a Champion's suggestion, NULL for public
  reply_error TEXT,                   -- why the outcome email could not be sent; NULL otherwise
  updated_at TEXT,                    -- ISO instant of the last edit before a decision
  form_nonce TEXT                     -- the public form's one-time token, so a replay is refused
) STRICT;
-- The queue lists new ones first, oldest first; the daily cap counts what arrived today.
CREATE INDEX group_suggestions_status ON group_suggestions (status, received_at);
CREATE INDEX group_suggestions_received ON group_suggestions (received_at);
CREATE UNIQUE INDEX group_suggestions_form_nonce ON group_suggestions (form_nonce);
