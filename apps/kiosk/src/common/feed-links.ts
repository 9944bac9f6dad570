// Every address the front end hands a phone, built on the service's public address (PUBLIC_URL,
// from /api/meta), never on the address this page was opened at: a kiosk at 127.0.0.1 must still
// give a phone a link it can reach. A calendar to follow is reached through its https follow page,
// which offers the right action for each phone; webcal:// is only ever a button on that page.
import { feedPathOf, followPathOf, type FollowTarget } from '@fiveways/shared/pages';
import type { Language } from '../i18n/names.ts';

/** The ways to reach one calendar feed from a calendar app. */
export interface FeedLinks {
  /** https://host/feeds/….ics: the feed itself, to copy into any app. */
  https: string;
  /** webcal://host/feeds/….ics: Apple Calendar and Outlook on a computer subscribe to it. */
  webcal: string;
  /** Opens Google Calendar's "add this calendar?" prompt (Android has no webcal handler). */
  google: string;
  /** Opens Outlook on the web's "subscribe from web" with the address filled in. */
  outlook: string;
}

/**
 * The links for a feed path on the public address. webcal:// replaces the scheme and keeps host
 * and path (a plain-http address, a local test server, gets webcal:// too: calendar apps fetch it
 * over http or https as the server allows). Google wants the whole webcal address
 * percent-encoded in `cid`: left raw, a query string in the feed's address would be read as
 * Google's own parameters; Outlook takes the https address and the calendar's name.
 */
export function buildFeedLinks(publicUrl: string, path: string, name: string): FeedLinks {
  const https = new URL(path, publicUrl).href;
  const webcal = https.replace(/^https?:\/\//, 'webcal://');
  const google = `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`;
  const outlook = `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(https)}&name=${encodeURIComponent(name)}`;
  return { https, webcal, google, outlook };
}

/**
 * `?lang=ur` for any language but English, so the phone opens in the visitor's language. The
 * language is required of every caller: a kiosk link that forgot it would hand an Urdu reader an
 * English page. English adds nothing (the phone's own languages then decide, English first).
 */
export function languageQuery(language: Language): string {
  return language === 'en' ? '' : `?lang=${language}`;
}

/** The https page for following a calendar: where every "follow" link and QR code leads. */
export function followPageUrl(publicUrl: string, target: FollowTarget, language: Language): string {
  return new URL(`${followPathOf(target)}${languageQuery(language)}`, publicUrl).href;
}

/** A session's public page, for opening on a phone. */
export function sessionPageUrl(publicUrl: string, id: number, language: Language): string {
  return new URL(`/sessions/${id}${languageQuery(language)}`, publicUrl).href;
}

/** A session's calendar file: "Add to my calendar", a one-off copy that never updates. */
export function calendarFileUrl(publicUrl: string, id: number): string {
  return new URL(feedPathOf({ kind: 'sessions', key: String(id) }), publicUrl).href;
}
