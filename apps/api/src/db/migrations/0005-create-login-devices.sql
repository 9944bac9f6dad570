-- Browsers that have logged in to an account before ("known browsers"). A login attempt from one
-- is counted on its own, so other people's failed guesses cannot lock the account's owner out.
-- id is the SHA-256 (hex) of the cookie's token: a copy of the table names no browser.
CREATE TABLE login_devices (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL
) STRICT;
CREATE INDEX login_devices_user ON login_devices (user_id);
