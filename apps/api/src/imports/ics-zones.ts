// Time zones as calendars name them (IANA names, the Windows names Outlook writes, a feed's own
// VTIMEZONE, UTC, floating) turned into instants and London wall-clock dates and times.

import { londonWallTimeOf, toEpochMs } from '@fiveways/shared';
import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import { findIana } from 'windows-iana';

export type Zone =
  | { kind: 'london' }
  | { kind: 'utc' }
  | { kind: 'iana'; name: string }
  | { kind: 'custom'; zone: ICAL.Timezone };

export const LONDON: Zone = { kind: 'london' };
export const UTC: Zone = { kind: 'utc' };

/** Zones that have kept London's clock since 1996: their wall time is ours as it stands. */
const LONDON_NAMES = new Set([
  'europe/london',
  'gb',
  'gb-eire',
  'europe/belfast',
  'europe/jersey',
  'europe/guernsey',
  'europe/isle_of_man',
]);
const UTC_NAMES = new Set(['utc', 'etc/utc', 'z', 'gmt', 'etc/gmt', 'universal', 'zulu']);

/** A wall-clock reading in some zone, as a property gives it. */
export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A moment in London terms: the instant, and its London date and 'HH:MM'. */
export interface LondonMoment {
  ms: number;
  date: string;
  time: string;
}

function ianaZone(name: string): Zone | null {
  const lower = name.toLowerCase();
  if (LONDON_NAMES.has(lower)) return LONDON;
  if (UTC_NAMES.has(lower)) return UTC;
  return IANAZone.isValidZone(name) ? { kind: 'iana', name } : null;
}

/**
 * The zone a TZID names: an IANA name (also behind a "/mozilla.org/…/" style prefix), a Windows
 * name ("GMT Standard Time"), or the feed's own VTIMEZONE of that TZID (its X-LIC-LOCATION first);
 * null when none of them knows it.
 */
export function resolveZone(tzid: string, zones: ReadonlyMap<string, ICAL.Timezone>): Zone | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const direct = ianaZone(name);
  if (direct !== null) return direct;
  const tail = /([A-Za-z_]+\/[A-Za-z_+\-0-9]+(?:\/[A-Za-z_+\-0-9]+)?)$/.exec(name)?.[1];
  if (tail !== undefined) {
    const zone = ianaZone(tail);
    if (zone !== null) return zone;
  }
  const windows = findIana(name)[0];
  if (windows !== undefined) {
    const zone = ianaZone(windows);
    if (zone !== null) return zone;
  }
  const own = zones.get(tzid) ?? zones.get(name);
  if (own !== undefined) {
    const location: unknown = own.location;
    if (typeof location === 'string') {
      const zone = ianaZone(location.trim());
      if (zone !== null) return zone;
    }
    return { kind: 'custom', zone: own };
  }
  return null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** True when the reading names a real date and time (no 30 February, no 25:00). */
export function isRealWall(w: Wall): boolean {
  if (w.year < 1900 || w.year > 2200 || w.hour > 23 || w.minute > 59 || w.second > 60) return false;
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return d.getUTCMonth() === w.month - 1 && d.getUTCDate() === w.day;
}

/** The instant of a wall-clock reading in a zone, in ms since the epoch; null when it has none. */
export function instantOf(w: Wall, zone: Zone): number | null {
  if (!isRealWall(w)) return null;
  const seconds = Math.min(w.second, 59) * 1000;
  switch (zone.kind) {
    case 'london':
      return (
        toEpochMs(
          `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`,
          `${pad(w.hour)}:${pad(w.minute)}`,
        ) + seconds
      );
    case 'utc':
      return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, Math.min(w.second, 59));
    case 'iana': {
      const dt = DateTime.fromObject(
        {
          year: w.year,
          month: w.month,
          day: w.day,
          hour: w.hour,
          minute: w.minute,
          second: Math.min(w.second, 59),
        },
        { zone: zone.name },
      );
      return dt.isValid ? dt.toMillis() : null;
    }
    case 'custom': {
      try {
        const time = ICAL.Time.fromData({ ...w, second: Math.min(w.second, 59), isDate: false });
        const offset = zone.zone.utcOffset(time);
        if (!Number.isFinite(offset)) return null;
        return (
          Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, Math.min(w.second, 59)) -
          offset * 1000
        );
      } catch {
        return null;
      }
    }
  }
}

/** London date and time of an instant. */
export function londonMomentOf(ms: number): LondonMoment {
  const { date, time } = londonWallTimeOf(new Date(ms));
  return { ms, date, time };
}

/** The wall-clock reading of an ical.js time (its own fields; the zone is applied separately). */
export function wallOf(t: ICAL.Time): Wall {
  return {
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.hour,
    minute: t.minute,
    second: t.second,
  };
}
