// What a suggestion may hold, without zod: the public form checks these as the person types,
// and the API's schema (suggestion.ts) enforces the same.

/** The most each field of a suggestion may hold, and the most web links it may carry. */
export const SUGGESTION_LIMITS = {
  name: 120,
  what: 1500,
  where: 300,
  when: 300,
  groupContact: 300,
  replyEmail: 254,
  /** Web links in any one field. */
  linksPerField: 2,
  /** Web links in the whole suggestion. */
  links: 3,
} as const;

const LINK = /\bhttps?:\/\/|\bwww\./gi;

/** How many web links a piece of text holds (http://, https:// or www.). */
export function countLinks(value: string): number {
  return value.match(LINK)?.length ?? 0;
}

/** An email address as the form takes it: something@somewhere.tld, no spaces. */
export const SUGGESTION_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
