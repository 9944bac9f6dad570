// How a cost reads in a sentence, the same on every surface (feeds, public pages, kiosk, print).
// Staff often repeat the "free" tick in the cost text ("Free", "Free, donations welcome"), which
// a plain "Free (…)" would turn into "Free (Free)". Zod-free, for the kiosk's bundle.

/** What a session or group costs, as staff enter it. */
export interface CostFacts {
  free: boolean;
  text: string;
}

/** Text that only says it is free again, and what follows it. */
const SAYS_FREE = /^(?:free(?: of charge)?|no charge|no cost)\b[\s,;:.!-]*/i;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "Free", "Free, donations welcome", "Free (donations welcome)", "£2 a session", or null when
 * it is not free and staff gave no details (each surface says so in its own words). Never says
 * "free" twice, and never ends in a full stop, so callers can add their own.
 */
export function describeCost(cost: CostFacts): string | null {
  const text = cost.text.trim().replace(/[.\s]+$/, '');
  if (!cost.free) return text === '' ? null : text;
  if (text === '') return 'Free';
  if (/^free\b/i.test(text)) return capitalised(text);
  const restated = SAYS_FREE.exec(text);
  if (restated !== null) {
    const rest = text.slice(restated[0].length);
    return rest === '' ? 'Free' : `Free, ${rest}`;
  }
  return `Free (${text})`;
}
