/** The feeds a session shows in through its own venue, area, ways and group: the ones a write to it must refresh. */
export function affectedFeeds(session: {
  id: number;
  venue: { slug: string; areaSlug: string };
  ways: readonly string[];
  group: string | null;
}): string[] {
  return [
    `/feeds/sessions/${session.id}.ics`,
    '/feeds/all.ics',
    `/feeds/venues/${session.venue.slug}.ics`,
    `/feeds/areas/${session.venue.areaSlug}.ics`,
    ...session.ways.map((w) => `/feeds/ways/${w}.ics`),
    ...(session.group === null ? [] : [`/feeds/groups/${session.group}.ics`]),
  ];
}
