import type { ComponentChildren } from 'preact';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../i18n/names.ts';
import { PublicContext, usePublic, usePublicState } from '../hooks/use-public.ts';
import '../public.css';

/**
 * This page's address in another language (`?lang=` set, everything else kept). English is
 * named too, so it wins over a language chosen earlier in the visit.
 */
function addressIn(language: Language): string {
  const params = new URLSearchParams(location.search);
  params.set('lang', language);
  const query = params.toString();
  return `${location.pathname}${query === '' ? '' : `?${query}`}`;
}

/** The languages, each named in itself; the page reloads in the one chosen. */
function LanguageChoice() {
  const { t } = usePublic();
  return (
    <nav class="pub-languages" aria-label={t.t('chooseLanguage')}>
      <ul>
        {LANGUAGES.map((language) => (
          <li key={language}>
            <a
              href={addressIn(language)}
              lang={language}
              hreflang={language}
              aria-current={language === t.language ? 'true' : undefined}
            >
              {LANGUAGE_NAMES[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Frame({ children }: { children: ComponentChildren }) {
  const { t, meta } = usePublic();
  return (
    <div class="pub">
      <a class="pub-skip" href="#main">
        {t.t('skipToContent')}
      </a>
      <header class="pub-header">
        <div class="pub-wrap pub-header-bar">
          <a
            class="pub-brand"
            href={t.language === 'en' ? '/subscribe' : `/subscribe?lang=${t.language}`}
          >
            {t.t('siteName')}
          </a>
          <p class="pub-tagline">{t.t('tagline')}</p>
          <LanguageChoice />
        </div>
        {meta?.sampleData === true && (
          <p class="pub-sample">
            <strong>{t.t('sampleDataLabel')}</strong> {t.t('sampleDataText')}
          </p>
        )}
      </header>
      <main id="main" class="pub-main pub-wrap" tabIndex={-1}>
        {children}
      </main>
      <footer class="pub-footer">
        <div class="pub-wrap">
          <p>{t.t('footerAbout')}</p>
          <p>
            <a href={t.language === 'en' ? '/subscribe' : `/subscribe?lang=${t.language}`}>
              {t.t('footerFollow')}
            </a>
          </p>
          <p>
            <a href={t.language === 'en' ? '/privacy' : `/privacy?lang=${t.language}`}>
              {t.t('footerPrivacy')}
            </a>
          </p>
        </div>
      </footer>
    </div>
  );
}

/**
 * The frame of every phone page: skip link, site name, languages, sample-data notice, main,
 * footer. Its words follow `?lang=`; nothing is drawn until they have loaded.
 */
export function PublicLayout({ children }: { children: ComponentChildren }) {
  const state = usePublicState();
  if (state === null) return <p class="pub-waiting" role="status" aria-label="Loading" />;
  return (
    <PublicContext.Provider value={state}>
      <Frame>{children}</Frame>
    </PublicContext.Provider>
  );
}

/** A link to another phone page, in this page's language. */
export function pageIn(t: { language: Language }, path: string): string {
  if (t.language === 'en') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=${t.language}`;
}
