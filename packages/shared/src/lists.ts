// The fixed lists behind the schemas, free of zod: the recurrence rules and the kiosk's offline
// path import these without pulling the validation library. way.ts, audience.ts and session.ts
// re-export them, so every name is still where it always was.

/** The five ways to wellbeing, in their fixed order. */
export const WAYS = [
  { slug: 'connect', name: 'Connect', meaning: 'Spend time with people around you' },
  { slug: 'be-active', name: 'Be Active', meaning: 'Move in a way you enjoy' },
  {
    slug: 'take-notice',
    name: 'Take Notice',
    meaning: 'Slow down and notice the world and how you feel',
  },
  {
    slug: 'keep-learning',
    name: 'Keep Learning',
    meaning: 'Try something new or pick up an old interest',
  },
  { slug: 'give', name: 'Give', meaning: 'Do something for someone else; volunteer' },
] as const;

export const WAY_SLUGS = ['connect', 'be-active', 'take-notice', 'keep-learning', 'give'] as const;

/**
 * Who a group or session is for; the collaborative's priority groups plus adults. The bands follow
 * how the groups state their ages (babies to 11; 11–18, 13–19, 16–19); a group that states its own
 * range shows that.
 */
export const AUDIENCES = [
  { slug: 'children-families', name: 'Children (up to 11) and families' },
  { slug: 'young-people', name: 'Young people (11–19)' },
  { slug: 'adults', name: 'Adults' },
  { slug: 'older-people', name: 'Older people' },
] as const;

export const AUDIENCE_SLUGS = [
  'children-families',
  'young-people',
  'adults',
  'older-people',
] as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
