// A suggestion as the first draft of a new group: what staff would otherwise copy across by
// hand. They read and change all of it before the group is saved.
import type { GroupSuggestion } from '@fiveways/shared';
import { slugFrom } from './slug.ts';

export interface GroupDraft {
  slug: string;
  name: string;
  description: string;
  ways: string[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  contactWebsite: string;
}

const EMAIL = /[^\s,;<>()]+@[^\s,;<>()]+\.[^\s,;<>()]+/;
const WEBSITE = /\bhttps?:\/\/[^\s,;]+/i;
const PHONE = /(?:\+44\s?|\b0)\d[\d\s-]{7,12}\d\b/;

/**
 * The group contact the suggester typed ("Pat, 07700 900123, pat@example.org") split into the
 * group's contact fields: an email, a web address and a UK phone number where they can be seen;
 * whatever is left is taken as the name.
 */
export function splitContact(contact: string): {
  name: string;
  phone: string;
  email: string;
  website: string;
} {
  let rest = contact;
  const take = (pattern: RegExp): string => {
    const found = pattern.exec(rest)?.[0] ?? '';
    if (found !== '') rest = rest.replace(found, ' ');
    return found.trim();
  };
  const website = take(WEBSITE);
  const email = take(EMAIL);
  const phone = take(PHONE);
  const name = rest
    .replace(/\s*[,;]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { name, phone, email, website };
}

/** The new group's fields from a suggestion: the description says what, when and where. */
export function draftFromSuggestion(s: GroupSuggestion): GroupDraft {
  const contact = splitContact(s.groupContact);
  const description = [s.what, `When: ${s.when}`, `Where: ${s.where}`]
    .filter((part) => part.trim() !== '')
    .join('\n\n');
  return {
    slug: slugFrom(s.name),
    name: s.name,
    description,
    ways: [...s.ways],
    contactName: contact.name,
    contactPhone: contact.phone,
    contactEmail: contact.email,
    contactWebsite: contact.website,
  };
}
