// The three ways to reach one calendar feed: webcal (Apple, Outlook desktop), https (Outlook on the
// web, copy and paste) and Google Calendar's "add by URL" link.

export interface FeedLinks {
  /** https://host/feeds/….ics: the feed itself. */
  https: string;
  /** webcal://host/feeds/….ics: asks the phone's calendar app to subscribe. */
  webcal: string;
  /** Opens Google Calendar's "add this calendar?" prompt. */
  google: string;
}

/** The feed path for everything, a way, a venue (hub), an area, a group or a session. */
export const feedPaths = {
  all: () => '/feeds/all.ics',
  way: (slug: string) => `/feeds/ways/${encodeURIComponent(slug)}.ics`,
  venue: (slug: string) => `/feeds/venues/${encodeURIComponent(slug)}.ics`,
  area: (slug: string) => `/feeds/areas/${encodeURIComponent(slug)}.ics`,
  group: (slug: string) => `/feeds/groups/${encodeURIComponent(slug)}.ics`,
  session: (id: string | number) => `/feeds/sessions/${encodeURIComponent(String(id))}.ics`,
};

/**
 * Builds the links for a feed path on the service's public origin (e.g. https://fiveways.example).
 * webcal:// replaces the scheme and keeps host and path; a plain-http origin (a local test server)
 * gets webcal:// too, since calendar apps fetch webcal over http or https as the server allows.
 * Google wants the whole webcal URL percent-encoded in `cid`: left raw, a query string in the feed
 * URL would be read as Google's own parameters.
 */
export function buildFeedLinks(origin: string, path: string): FeedLinks {
  const https = new URL(path, origin).href;
  const webcal = https.replace(/^https?:\/\//, 'webcal://');
  const google = `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`;
  return { https, webcal, google };
}
