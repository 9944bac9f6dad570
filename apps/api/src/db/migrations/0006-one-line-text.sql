-- Text a calendar can hold: one-line fields (titles, names, addresses, cost details, reasons,
-- contact details, languages) no longer take line breaks or tabs. Values stored before that rule
-- have each line break (CRLF, CR, LF, NEL, U+2028, U+2029) and tab turned into a space and their
-- ends trimmed, so every answer meets the contract again and no feed's name or summary is split.
-- A row that changes moves its updated_at, so caches and calendars see the change.

UPDATE sessions
SET title = trim(replace(replace(replace(replace(replace(replace(replace(title, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE title <> trim(replace(replace(replace(replace(replace(replace(replace(title, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE sessions
SET cost_text = trim(replace(replace(replace(replace(replace(replace(replace(cost_text, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE cost_text <> trim(replace(replace(replace(replace(replace(replace(replace(cost_text, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE venues
SET name = trim(replace(replace(replace(replace(replace(replace(replace(name, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE name <> trim(replace(replace(replace(replace(replace(replace(replace(name, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE venues
SET address = trim(replace(replace(replace(replace(replace(replace(replace(address, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE address <> trim(replace(replace(replace(replace(replace(replace(replace(address, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE venues
SET postcode = trim(replace(replace(replace(replace(replace(replace(replace(postcode, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE postcode <> trim(replace(replace(replace(replace(replace(replace(replace(postcode, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE venues
SET phone = trim(replace(replace(replace(replace(replace(replace(replace(phone, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE phone <> trim(replace(replace(replace(replace(replace(replace(replace(phone, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE areas
SET name = trim(replace(replace(replace(replace(replace(replace(replace(name, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE name <> trim(replace(replace(replace(replace(replace(replace(replace(name, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE groups
SET name = trim(replace(replace(replace(replace(replace(replace(replace(name, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE name <> trim(replace(replace(replace(replace(replace(replace(replace(name, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE groups
SET cost_text = trim(replace(replace(replace(replace(replace(replace(replace(cost_text, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE cost_text <> trim(replace(replace(replace(replace(replace(replace(replace(cost_text, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE session_exceptions
SET reason = trim(replace(replace(replace(replace(replace(replace(replace(reason, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE reason <> trim(replace(replace(replace(replace(replace(replace(replace(reason, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE users
SET name = trim(replace(replace(replace(replace(replace(replace(replace(name, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))
WHERE name <> trim(replace(replace(replace(replace(replace(replace(replace(name, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE sessions
SET contact = json_set(contact, '$.name', trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.name'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.name') = 'text'
  AND json_extract(contact, '$.name') <> trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.name'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE sessions
SET contact = json_set(contact, '$.phone', trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.phone'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.phone') = 'text'
  AND json_extract(contact, '$.phone') <> trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.phone'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE sessions
SET contact = json_set(contact, '$.email', trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.email'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.email') = 'text'
  AND json_extract(contact, '$.email') <> trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.email'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE sessions
SET contact = json_set(contact, '$.website', trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.website'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.website') = 'text'
  AND json_extract(contact, '$.website') <> trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.website'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE groups
SET contact = json_set(contact, '$.name', trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.name'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.name') = 'text'
  AND json_extract(contact, '$.name') <> trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.name'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE groups
SET contact = json_set(contact, '$.phone', trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.phone'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.phone') = 'text'
  AND json_extract(contact, '$.phone') <> trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.phone'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE groups
SET contact = json_set(contact, '$.email', trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.email'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.email') = 'text'
  AND json_extract(contact, '$.email') <> trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.email'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE groups
SET contact = json_set(contact, '$.website', trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.website'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE json_type(contact, '$.website') = 'text'
  AND json_extract(contact, '$.website') <> trim(replace(replace(replace(replace(replace(replace(replace(json_extract(contact, '$.website'), char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '));

UPDATE groups
SET languages = (SELECT json_group_array(trim(replace(replace(replace(replace(replace(replace(replace(value, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' '))) FROM json_each(groups.languages)),
  updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE EXISTS (SELECT 1 FROM json_each(groups.languages) WHERE value <> trim(replace(replace(replace(replace(replace(replace(replace(value, char(13, 10), ' '), char(13), ' '), char(10), ' '), char(9), ' '), char(133), ' '), char(8232), ' '), char(8233), ' ')));
