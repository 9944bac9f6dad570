-- Who runs what, and venue addresses in parts: what Open Referral UK publishes needs both.
-- Organisations keep their integer id for ever (AUTOINCREMENT: never reused), so the UUID the
-- open data derives from it always names the same organisation. Worcester Community Trust runs
-- the hubs and is where every group starts out; staff move a group to its own organisation.

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',        -- empty, or an http(s) address
  email TEXT NOT NULL DEFAULT '',
  charity_number TEXT NOT NULL DEFAULT '', -- Charity Commission for England and Wales
  updated_at TEXT NOT NULL
) STRICT;

INSERT INTO organisations (id, name, description, website, email, charity_number, updated_at)
VALUES (1, 'Worcester Community Trust',
  'Runs the community hubs of east and west Worcester and keeps the Five Ways directory.',
  'https://www.worcestercommunitytrust.org.uk', '', '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

ALTER TABLE groups ADD COLUMN organisation_id INTEGER REFERENCES organisations (id);
UPDATE groups SET organisation_id = 1;
CREATE INDEX groups_organisation ON groups (organisation_id);

-- The one-line address stays what calendars and pages show; the parts are what open data needs.
-- Today's addresses read "street, locality, town": the part after the last comma is the town,
-- everything before it the first line; with no comma the whole is the first line and the town
-- is Worcester. A postcode typed into the address is taken out (it has its own field).
ALTER TABLE venues ADD COLUMN address_1 TEXT NOT NULL DEFAULT '';
ALTER TABLE venues ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE venues ADD COLUMN state_province TEXT NOT NULL DEFAULT '';
ALTER TABLE venues ADD COLUMN country TEXT NOT NULL DEFAULT 'GB';

UPDATE venues SET
  address_1 = trim(CASE WHEN postcode <> '' THEN replace(address, postcode, '') ELSE address END, ' ,'),
  city = 'Worcester',
  state_province = 'Worcestershire';

WITH RECURSIVE commas (slug, line, pos) AS (
  SELECT slug, address_1, instr(address_1, ',') FROM venues WHERE instr(address_1, ',') > 0
  UNION ALL
  SELECT slug, line, pos + instr(substr(line, pos + 1), ',') FROM commas
  WHERE instr(substr(line, pos + 1), ',') > 0
),
last_comma (slug, pos) AS (SELECT slug, max(pos) FROM commas GROUP BY slug)
UPDATE venues SET
  city = trim(substr(address_1, (SELECT pos FROM last_comma l WHERE l.slug = venues.slug) + 1)),
  address_1 = trim(substr(address_1, 1, (SELECT pos FROM last_comma l WHERE l.slug = venues.slug) - 1))
WHERE slug IN (SELECT slug FROM last_comma);

UPDATE venues SET city = 'Worcester' WHERE city = '';
UPDATE venues SET address_1 = address WHERE address_1 = '';
