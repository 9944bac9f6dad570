import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/index.ts';
import { useKiosk } from '../kiosk-context.ts';
import { NavIcon } from './icons.tsx';

/** Home, Back, Start again, Language and Bigger text: at the bottom of every screen, within reach. */
export function NavBar() {
  const { t, nav, bigText, toggleBigText, listen } = useKiosk();
  return (
    <nav class="nav-bar">
      <button type="button" class="nav-button" onClick={nav.home}>
        <NavIcon name="home" />
        <span>{t('home')}</span>
      </button>
      <button type="button" class="nav-button" onClick={nav.back}>
        <NavIcon name="back" />
        <span>{t('back')}</span>
      </button>
      <button type="button" class="nav-button" onClick={nav.startAgain}>
        <NavIcon name="again" />
        <span>{t('startAgain')}</span>
      </button>
      <button
        type="button"
        class="nav-button nav-language"
        onClick={() => nav.open({ name: 'language' })}
      >
        <NavIcon name="language" />
        <span>
          {t('language')}
          <span class="language-names">
            {LANGUAGES.map((l) => (
              <span key={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </span>
            ))}
          </span>
        </span>
      </button>
      <button type="button" class="nav-button" aria-pressed={bigText} onClick={toggleBigText}>
        <NavIcon name="text" />
        <span>{t('biggerText')}</span>
      </button>
      {listen ? (
        <button
          type="button"
          class={listen.speaking ? 'nav-button nav-listen speaking' : 'nav-button nav-listen'}
          onClick={listen.toggle}
        >
          <NavIcon name={listen.speaking ? 'stop' : 'listen'} />
          <span>{listen.speaking ? t('stopListening') : t('listen')}</span>
        </button>
      ) : null}
    </nav>
  );
}
