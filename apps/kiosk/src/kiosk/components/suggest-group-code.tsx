import { QrCode } from '../../components/qr-code.tsx';
import { languageQuery } from '../../common/feed-links.ts';
import type { Language } from '../../i18n/names.ts';
import { useKiosk } from '../kiosk-context.ts';
import './suggest-group-code.css';

/** The suggest-a-group form on the service's public address, in the kiosk's language. */
export function suggestPageUrl(publicUrl: string, language: Language): string {
  return new URL(`/suggest${languageQuery(language)}`, publicUrl).href;
}

/**
 * "Know a group we're missing?": the kiosk has no keyboard, so the form is a code to scan and
 * fill in on a phone.
 */
export function SuggestGroupCode() {
  const { t, language, directory } = useKiosk();
  if (directory === null) return null;
  const title = t('suggestGroupQr');
  return (
    <section class="panel qr-panel suggest-group-code" aria-labelledby="suggest-group">
      <QrCode value={suggestPageUrl(directory.meta.publicUrl, language)} label={title} size={160} />
      <div>
        <h2 id="suggest-group">{title}</h2>
        <p class="qr-hint">{t('suggestGroupQrHint')}</p>
      </div>
    </section>
  );
}
