// Venues as staff choose them: hubs first and marked as hubs, the person's own hub preferred.
import type { Me, Venue } from '@fiveways/shared';
import type { Option } from './components/form-fields.tsx';

export const HUBS_GROUP = 'Hubs';
export const OTHER_VENUES_GROUP = 'Other venues';

/** Hubs first, then the rest, each by name. */
export function sortVenues(venues: readonly Venue[]): Venue[] {
  return [...venues].sort(
    (a, b) => Number(b.isHub) - Number(a.isHub) || a.name.localeCompare(b.name, 'en-GB'),
  );
}

/** Options for a venue select (under "Hubs" and "Other venues") or tick boxes (hubs tagged). */
export function venueOptionsOf(venues: readonly Venue[]): Option[] {
  // The label stays the venue's name; the group (and a badge beside a tick box) marks a hub.
  return sortVenues(venues).map((v) =>
    v.isHub
      ? { value: v.slug, label: v.name, group: HUBS_GROUP, badge: 'Hub' }
      : { value: v.slug, label: v.name, group: OTHER_VENUES_GROUP },
  );
}

/**
 * The venue a new session starts at: the person's own hub (the first, if several), else their
 * only venue, else the first of theirs, else any hub, else the first venue; '' when there are none.
 */
export function defaultVenueOf(venues: readonly Venue[], me: Pick<Me, 'role' | 'venues'>): string {
  const sorted = sortVenues(venues);
  const mine = sorted.filter((v) => me.venues.includes(v.slug));
  const pick = mine.find((v) => v.isHub) ?? mine[0] ?? sorted.find((v) => v.isHub) ?? sorted[0];
  return pick?.slug ?? '';
}
