import { useEffect } from 'preact/hooks';
import { LANGUAGE_NAMES, LANGUAGES, TOUCH_TO_START, type Language } from '../../i18n/index.ts';

/** Between visits: "Touch to start" in every language; a touch anywhere opens Home. */
export function AttractScreen({ onStart }: { onStart: (language: Language) => void }) {
  // The Urdu line needs letters most system fonts lack; the font comes from the offline cache.
  useEffect(() => {
    import('@fontsource/noto-naskh-arabic/arabic-400.css').catch(() => undefined);
  }, []);
  return (
    <main class="attract" onClick={() => onStart('en')}>
      <h1 class="attract-title">
        <span class="attract-ways" aria-hidden="true">
          <span class="dot way-connect" />
          <span class="dot way-be-active" />
          <span class="dot way-take-notice" />
          <span class="dot way-keep-learning" />
          <span class="dot way-give" />
        </span>
        Five Ways to Wellbeing
        <span class="attract-sub">What's on in Worcester</span>
      </h1>
      <ul class="attract-touch">
        {LANGUAGES.map((l) => (
          <li key={l} lang={l} dir={l === 'ur' ? 'rtl' : 'ltr'}>
            {TOUCH_TO_START[l]}
          </li>
        ))}
      </ul>
      <div class="attract-languages">
        {LANGUAGES.map((l) => (
          <button
            key={l}
            type="button"
            class="primary"
            lang={l}
            onClick={(e) => {
              e.stopPropagation();
              onStart(l);
            }}
          >
            {LANGUAGE_NAMES[l]}
          </button>
        ))}
      </div>
    </main>
  );
}
