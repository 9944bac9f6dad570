import { useDocumentTitle } from '../../common/use-document-title.ts';
import { pageIn, PublicLayout } from '../components/public-layout.tsx';
import { usePublic } from '../hooks/use-public.ts';

/** Any address that is none of the app's pages (the server answers it with a 404). */
export function NotFoundPage() {
  return (
    <PublicLayout>
      <NotFoundContent />
    </PublicLayout>
  );
}

function NotFoundContent() {
  const { t } = usePublic();
  useDocumentTitle(t.t('pageNotFound'), t.t('siteName'));
  return (
    <>
      <h1>{t.t('pageNotFound')}</h1>
      <p class="pub-lead">{t.t('pageNotFoundLead')}</p>
      <p>
        <a class="pub-button" href={pageIn(t, '/subscribe')}>
          {t.t('seeCalendars')}
        </a>
      </p>
    </>
  );
}
