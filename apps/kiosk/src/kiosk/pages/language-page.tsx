import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/index.ts';
import { useKiosk } from '../kiosk-context.ts';
import { TopBar } from '../components/top-bar.tsx';

/** Each language named in itself; choosing one goes straight back. */
export function LanguagePage() {
  const { t, nav, language, setLanguage } = useKiosk();
  return (
    <>
      <TopBar title={t('chooseLanguage')} />
      <main class="screen languages" id="main" tabIndex={0}>
        <div class="language-list">
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              class="primary language-choice"
              lang={l}
              aria-pressed={l === language}
              onClick={() => {
                setLanguage(l);
                nav.back();
              }}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
      </main>
    </>
  );
}
