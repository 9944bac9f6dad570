-- Reach counts, aggregated by London day; nothing here identifies a person or a device.
-- A feed's estimated distinct calendar clients and requests per day; feed is named as a short-link
-- target: 'all', 'way:be-active', 'venue:<slug>', 'area:<slug>', 'group:<slug>', 'session:<id>'.
CREATE TABLE feed_reach_daily (
  day TEXT NOT NULL, feed TEXT NOT NULL,
  clients INTEGER NOT NULL,
  requests INTEGER NOT NULL,
  PRIMARY KEY (day, feed)) STRICT;
-- What residents did at each kiosk (by its home venue, '' when it has none), counted per day.
-- event: 'visit' | 'way' | 'filter' | 'session-opened' | 'take-home-shown' | 'zero-results'
-- detail: '' | way slug | 'day:<choice>' / 'area:<slug>' / 'audience:<slug>' |
--   zero-results: 'way=<slug|>;day=<choice|>;area=<slug|>;audience=<slug|>'
CREATE TABLE kiosk_daily (
  day TEXT NOT NULL,
  venue TEXT NOT NULL,
  event TEXT NOT NULL,
  detail TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, venue, event, detail)) STRICT;
