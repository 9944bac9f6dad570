-- Visits through the short addresses printed on posters and flyers (/w/be-active/p …): counts only,
-- one row per London day, target and source; nothing about who visited.
CREATE TABLE short_link_visits (
  day TEXT NOT NULL,        -- London local date YYYY-MM-DD
  target TEXT NOT NULL,     -- 'all' | 'way:<slug>' | 'venue:<slug>' | 'area:<slug>' | 'group:<slug>' | 'session:<id>'
  source TEXT NOT NULL,     -- 'poster' | 'flyer' | 'sheet' | 'kiosk' | 'feed' | 'web' | 'unknown'
  visits INTEGER NOT NULL,
  PRIMARY KEY (day, target, source)) STRICT;
