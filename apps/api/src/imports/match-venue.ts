// Which of our venues an event's LOCATION names: by postcode first, then by the venue's name,
// ignoring case, spaces and punctuation; a postcode outside Worcester (not WR) rules it out.

export interface VenueRef {
  slug: string;
  name: string;
  postcode: string;
}

export type VenueMatch =
  { kind: 'venue'; slug: string } | { kind: 'default' } | { kind: 'outside'; postcode: string };

// A UK postcode: outward code (area letters, district) and inward code (sector digit, unit letters).
const POSTCODE = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b/i;

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The postcode in a piece of text, upper case with one space, or null. */
export function postcodeIn(text: string): string | null {
  const m = POSTCODE.exec(text);
  return m === null ? null : `${(m[1] ?? '').toUpperCase()} ${(m[2] ?? '').toUpperCase()}`;
}

/** The venue a LOCATION names, 'default' when none does, 'outside' for a non-Worcester postcode. */
export function matchVenue(location: string, venues: readonly VenueRef[]): VenueMatch {
  const text = location.trim();
  if (text === '') return { kind: 'default' };
  const postcode = postcodeIn(text);
  const byName = (candidates: readonly VenueRef[]) => {
    const place = squash(text);
    let best: VenueRef | null = null;
    for (const v of candidates) {
      const name = squash(v.name);
      if (name.length < 3 || !place.includes(name)) continue;
      if (best === null || name.length > squash(best.name).length) best = v;
    }
    return best;
  };
  if (postcode !== null) {
    const same = venues.filter((v) => squash(v.postcode) === squash(postcode));
    const named = byName(same);
    if (named !== null) return { kind: 'venue', slug: named.slug };
    const only = same[0];
    if (only !== undefined) return { kind: 'venue', slug: only.slug };
    if (!postcode.startsWith('WR')) return { kind: 'outside', postcode };
  }
  const named = byName(venues);
  return named === null ? { kind: 'default' } : { kind: 'venue', slug: named.slug };
}
