import { contentAttrs } from '../../common/content-text.ts';
import { useKiosk } from '../kiosk-context.ts';

const DAY_MS = 86_400_000;

/** Where the kiosk is, how fresh its information is, and whether it is sample data. */
export function TopBar({ title, titleLang }: { title: string; titleLang?: string }) {
  const { t, homeVenue } = useKiosk();
  return (
    <header class="top-bar">
      <p class="brand">
        {t('brand')}
        {homeVenue ? <span class="brand-venue"> · {homeVenue.name}</span> : null}
      </p>
      <h1 {...(titleLang === undefined ? {} : contentAttrs(titleLang))}>{title}</h1>
      <DataNotices />
      <p class="staff-help">{t('staffHelp')}</p>
    </header>
  );
}

export function DataNotices() {
  const { t, directory, dateTime } = useKiosk();
  if (!directory) return null;
  const age = Date.now() - Date.parse(directory.fetchedAt);
  const stale = age > DAY_MS;
  const veryStale = age > 7 * DAY_MS;
  return (
    <div class="notices">
      {directory.meta.sampleData ? <p class="notice notice-sample">{t('sampleData')}</p> : null}
      {directory.offline ? <p class="notice notice-offline">{t('offline')}</p> : null}
      <p class={stale ? 'notice notice-stale' : 'updated'} data-testid="last-updated">
        {t('updated', { when: dateTime(new Date(directory.fetchedAt)) })}
        {veryStale ? <strong> {t('updatedOld')}</strong> : null}
      </p>
    </div>
  );
}
