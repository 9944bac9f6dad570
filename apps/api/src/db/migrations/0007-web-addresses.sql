-- Websites stored before addresses were checked: keep http(s) ones, turn a bare host such as
-- www.example.org into https://www.example.org, and clear anything else (javascript:, WIFI:…),
-- so old records can be edited without a 400 on contact.website and nothing else is linked.
-- is_web_address() is the same check as on input (registered by migrate.ts). Only groups and
-- sessions store a web address; rows changed move updated_at (feeds show the website).

CREATE TEMP TABLE web_address_fix (old TEXT PRIMARY KEY, new TEXT NOT NULL);

INSERT OR IGNORE INTO web_address_fix (old, new)
SELECT website,
  CASE
    WHEN instr(host, '.') > 1 AND instr(host, ':') = 0 AND instr(host, '@') = 0
      AND length('https://' || website) <= 300 AND is_web_address('https://' || website)
    THEN 'https://' || website
    ELSE ''
  END
FROM (
  SELECT website, substr(website, 1, instr(website || '/', '/') - 1) AS host
  FROM (
    SELECT json_extract(contact, '$.website') AS website FROM groups
    WHERE json_type(contact, '$.website') = 'text'
    UNION
    SELECT json_extract(contact, '$.website') FROM sessions
    WHERE json_type(contact, '$.website') = 'text'
  )
)
WHERE website <> '' AND NOT is_web_address(website);

UPDATE groups
SET contact = json_set(contact, '$.website',
      (SELECT new FROM web_address_fix WHERE old = json_extract(groups.contact, '$.website'))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.website') = 'text'
  AND json_extract(contact, '$.website') IN (SELECT old FROM web_address_fix);

UPDATE sessions
SET contact = json_set(contact, '$.website',
      (SELECT new FROM web_address_fix WHERE old = json_extract(sessions.contact, '$.website'))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.website') = 'text'
  AND json_extract(contact, '$.website') IN (SELECT old FROM web_address_fix);

DROP TABLE web_address_fix;
