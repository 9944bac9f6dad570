// Which language a phone page opens in: the one the link asked for (a kiosk's QR code carries the
// visitor's), else the one chosen earlier in this visit, else the phone's own languages in order.
import { LANGUAGES, type Language } from '../../i18n/names.ts';

const REMEMBERED = 'fiveways.phone-language';

function knownLanguage(value: string | null | undefined): Language | undefined {
  return LANGUAGES.find((l) => l === value);
}

/** The page's language from `?lang=`, the visit's choice, then `navigator.languages`. */
export function chooseLanguage(
  search: string,
  remembered: string | null,
  preferred: readonly string[],
): Language {
  const asked = knownLanguage(new URLSearchParams(search).get('lang'));
  if (asked !== undefined) return asked;
  const earlier = knownLanguage(remembered);
  if (earlier !== undefined) return earlier;
  for (const tag of preferred) {
    // "pl-PL" and "pl" both mean Polish; the first the phone lists that we have wins.
    const found = knownLanguage(tag.toLowerCase().split('-')[0]);
    if (found !== undefined) return found;
  }
  return 'en';
}

/** The language chosen earlier in this visit (this tab), if storage can be read. */
export function readRememberedLanguage(): string | null {
  try {
    return sessionStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

/** Keeps a language asked for by a link for the rest of the visit, so every page keeps it. */
export function rememberLanguage(search: string): void {
  const asked = knownLanguage(new URLSearchParams(search).get('lang'));
  if (asked === undefined) return;
  try {
    sessionStorage.setItem(REMEMBERED, asked);
  } catch {
    // Private modes may refuse storage: links on the page still carry the language.
  }
}
