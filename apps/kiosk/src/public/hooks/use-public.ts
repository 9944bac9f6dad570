// What every phone page needs: its language (from ?lang=, so a kiosk visit in Urdu hands the phone
// an Urdu page), the words for it, and the service's facts, public address included.
import type { Meta } from '@fiveways/shared';
import { createContext } from 'preact';
import { useContext, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { loadServiceMeta } from '../../common/service-meta.ts';
import { RTL_LANGUAGES, type Language } from '../../i18n/names.ts';
import { ENGLISH, loadPublicTranslator, type PublicTranslator } from '../../i18n/public/index.ts';
import { chooseLanguage, readRememberedLanguage, rememberLanguage } from './choose-language.ts';

export interface PublicState {
  t: PublicTranslator;
  /** Null until /api/meta answers (or when it cannot). */
  meta: Meta | null;
}

export const PublicContext = createContext<PublicState>({ t: ENGLISH, meta: null });

export function usePublic(): PublicState {
  return useContext(PublicContext);
}

/** This page's language: `?lang=`, else this visit's earlier choice, else the phone's languages. */
export function languageOf(search: string): Language {
  rememberLanguage(search);
  return chooseLanguage(search, readRememberedLanguage(), navigator.languages);
}

/**
 * The page's words in its language (null while a language other than English loads), with
 * `html[lang]` and `dir` following it; and the service's facts once they arrive.
 */
export function usePublicState(): PublicState | null {
  const [language] = useState(() => languageOf(location.search));
  const [t, setT] = useState<PublicTranslator | null>(language === 'en' ? ENGLISH : null);
  const [meta, setMeta] = useState<Meta | null>(null);

  useEffect(() => {
    if (language === 'en') return;
    loadPublicTranslator(language).then(setT, (error: unknown) => {
      console.error('Could not load the language; showing English', error);
      setT(ENGLISH);
    });
  }, [language]);

  useEffect(() => {
    let live = true;
    loadServiceMeta().then(
      (m) => live && setMeta(m),
      (error: unknown) => console.warn('No service facts', error),
    );
    return () => {
      live = false;
    };
  }, []);

  useLayoutEffect(() => {
    if (t === null) return;
    document.documentElement.lang = t.language;
    document.documentElement.dir = RTL_LANGUAGES.has(t.language) ? 'rtl' : 'ltr';
  }, [t]);

  return t === null ? null : { t, meta };
}
