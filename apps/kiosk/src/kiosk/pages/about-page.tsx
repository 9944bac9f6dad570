import { PAGE_PATHS } from '@fiveways/shared/pages';
import { languageQuery } from '../../common/feed-links.ts';
import { QrCode } from '../../components/qr-code.tsx';
import { TopBar } from '../components/top-bar.tsx';
import { useKiosk } from '../kiosk-context.ts';

/** About this screen: what it counts and why that names no one, with the full notice to scan. */
export function AboutPage() {
  const { t, language, directory } = useKiosk();
  const origin = directory?.meta.publicUrl ?? location.origin;
  const privacyUrl = new URL(`${PAGE_PATHS.privacy}${languageQuery(language)}`, origin).href;
  return (
    <>
      <TopBar title={t('aboutKiosk')} />
      <main class="screen about" id="main" tabIndex={0}>
        <p class="lead">{t('aboutKioskLead')}</p>
        <p>{t('aboutKioskCounts')}</p>
        <section class="panel qr-panel" aria-labelledby="about-privacy">
          <h2 id="about-privacy">{t('aboutKioskQr')}</h2>
          <QrCode value={privacyUrl} label={t('aboutKioskQr')} size={220} />
        </section>
      </main>
    </>
  );
}
