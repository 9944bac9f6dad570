export const SETTINGS_STORAGE_KEY = 'fiveways.kiosk.settings';
/** The day's counts not yet sent (reach-events.ts): numbers per day, nothing about a visit. */
export const REACH_STORAGE_KEY = 'fiveways.kiosk.reach';

/**
 * The only storage keys that outlive a visit: this kiosk's own settings and its unsent daily
 * counts. (The saved directory is kept in IndexedDB, which a visit never writes to; see
 * directory/saved-directory.ts.)
 */
export const KEPT_STORAGE_KEYS: readonly string[] = [SETTINGS_STORAGE_KEY, REACH_STORAGE_KEY];

export interface KioskSettings {
  /** The venue this kiosk stands in: "On here today" comes from it. */
  venue: string | null;
}

/** Reads the settings, taking the home venue from `?venue=<slug>` when the kiosk is installed. */
export function readSettings(search: string): KioskSettings {
  let saved: KioskSettings = { venue: null };
  try {
    const raw = localStorage.getItem(SETTINGS_STORAGE_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<KioskSettings>;
      saved = { venue: typeof parsed.venue === 'string' ? parsed.venue : null };
    }
  } catch {
    // Unreadable settings are the same as none.
  }
  const fromUrl = new URLSearchParams(search).get('venue');
  if (fromUrl && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(fromUrl) && fromUrl !== saved.venue) {
    saved = { venue: fromUrl };
    try {
      localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(saved));
    } catch {
      // Still used for this run even if it cannot be kept.
    }
  }
  return saved;
}

/** Wipes everything a visit could have left behind, keeping only the allow-listed keys. */
export function wipeVisitStorage(): void {
  try {
    sessionStorage.clear();
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key !== null && !KEPT_STORAGE_KEYS.includes(key)) localStorage.removeItem(key);
    }
  } catch {
    // Storage may be disabled; then there is nothing to wipe.
  }
}
