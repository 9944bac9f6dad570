import { useEffect, useState } from 'preact/hooks';
import { useDocumentTitle } from '../../common/use-document-title.ts';
import { PublicLayout } from '../components/public-layout.tsx';
import { usePublic } from '../hooks/use-public.ts';

/** What the service keeps by default; the page asks the server for the setting in force. */
const DEFAULT_RETENTION_MONTHS = 13;

/** The privacy notice for residents: what is counted, how long it is kept, why it names no one. */
export function PrivacyPage() {
  return (
    <PublicLayout>
      <PrivacyContent />
    </PublicLayout>
  );
}

function useRetentionMonths(): number {
  const [months, setMonths] = useState(DEFAULT_RETENTION_MONTHS);
  useEffect(() => {
    fetch('/api/reach/retention')
      .then((r) => (r.ok ? (r.json() as Promise<unknown>) : null))
      .then((body) => {
        if (typeof body === 'object' && body !== null && 'months' in body) {
          const value = body.months;
          if (typeof value === 'number' && Number.isInteger(value)) setMonths(value);
        }
      })
      .catch(() => undefined);
  }, []);
  return months;
}

function PrivacyContent() {
  const { t } = usePublic();
  useDocumentTitle(t.t('privacyTitle'), t.t('siteName'));
  const months = useRetentionMonths();
  return (
    <>
      <h1>{t.t('privacyTitle')}</h1>
      <p class="pub-lead">{t.t('privacyLead')}</p>

      <section class="pub-section" aria-labelledby="privacy-counted">
        <h2 id="privacy-counted">{t.t('privacyCountedHeading')}</h2>
        <ul>
          <li>{t.t('privacyCountedCalendars')}</li>
          <li>{t.t('privacyCountedLinks')}</li>
          <li>{t.t('privacyCountedKiosk')}</li>
        </ul>
      </section>

      <section class="pub-section" aria-labelledby="privacy-not-kept">
        <h2 id="privacy-not-kept">{t.t('privacyNotKeptHeading')}</h2>
        <p>{t.t('privacyNotKept')}</p>
      </section>

      <section class="pub-section" aria-labelledby="privacy-how">
        <h2 id="privacy-how">{t.t('privacyHowHeading')}</h2>
        <p>{t.t('privacyHowCalendars')}</p>
        <p>{t.t('privacyHowKiosk')}</p>
      </section>

      <section class="pub-section" aria-labelledby="privacy-kept">
        <h2 id="privacy-kept">{t.t('privacyKeptHeading')}</h2>
        <p>{t.t('privacyKept', { months })}</p>
      </section>

      <p>{t.t('privacyQuestions')}</p>
    </>
  );
}
