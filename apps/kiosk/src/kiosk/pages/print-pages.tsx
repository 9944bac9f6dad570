import { wallDateOf, wallTimeOf } from '@fiveways/shared/london-time';
import { costDetail } from '@fiveways/shared/labels';
import { useKiosk } from '../kiosk-context.ts';
import { TopBar } from '../components/top-bar.tsx';
import { NavIcon } from '../components/icons.tsx';
import { filterOccurrences, NO_FILTERS, weekDays } from '../filters.ts';
import {
  describeCostTag,
  findSession,
  shownTimes,
  upcomingDates,
  VenueAccess,
} from './session-detail-page.tsx';
import { plainRule, writtenAddress } from './upcoming-dates.ts';
import { QrCode } from '../../components/qr-code.tsx';
import { sessionPageUrl } from '../../common/feed-links.ts';
import { contentAttrs, ENGLISH_CONTENT as EN, sessionContent } from '../../common/content-text.ts';

function PrintButton() {
  const { t } = useKiosk();
  return (
    <div class="actions no-print">
      <button type="button" class="primary" onClick={() => window.print()}>
        <NavIcon name="print" />
        {t('printNow')}
      </button>
    </div>
  );
}

/**
 * A one-page sheet for a session: the service's name, the title once, when it repeats, the next
 * dates that have not ended, where, and a code for the phone page with its address written out.
 */
export function PrintSessionPage({ id }: { id: number }) {
  const { t, directory, today, longDay, language } = useKiosk();
  const session = findSession(id, directory?.sessions);
  if (!directory || !session) {
    return (
      <>
        <TopBar title={t('sorry')} />
        <main class="screen" id="main" tabIndex={0}>
          <p>{t('notFound')}</p>
        </main>
      </>
    );
  }
  const venue = directory.venues.find((v) => v.slug === session.venue.slug);
  const url = sessionPageUrl(directory.meta.publicUrl, session.id, language);
  const dates = upcomingDates(directory, session, Date.now(), 4);
  const phone = session.contact.phone;
  const words = sessionContent(session, language);
  return (
    <>
      <TopBar title={t('printHeading')} />
      <main class="screen print-sheet" id="main" tabIndex={0}>
        <article class="sheet">
          <p class="sheet-service">{t('brand')}</p>
          {directory.meta.sampleData ? <p class="notice notice-sample">{t('sampleData')}</p> : null}
          <h2 {...contentAttrs(words.titleLang)}>{words.title}</h2>
          <p class="sheet-rule" lang="en" dir="ltr">
            {plainRule(directory.describeRecurrence(session, { today }))}
          </p>
          <p>
            <strong>{session.venue.name}</strong>
            {venue ? `, ${venue.address}${venue.postcode ? `, ${venue.postcode}` : ''}` : ''}
          </p>
          {dates.length > 0 ? (
            <>
              <h3>{t('nextDates')}</h3>
              <ul class="sheet-dates">
                {dates.map((o) => {
                  const shown = shownTimes(directory, o);
                  return (
                    <li key={o.date} data-occurrence={`${session.id}|${o.date}`}>
                      {longDay(shown.date)},{' '}
                      {t('timeRange', { start: shown.start, end: shown.end })}
                      {o.status === 'cancelled' ? ` · ${t('cancelled').toUpperCase()}` : ''}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
          {words.summary ? <p {...contentAttrs(words.summaryLang)}>{words.summary}</p> : null}
          {words.someEnglish ? <p class="content-note">{t('detailsInEnglish')}</p> : null}
          {venue ? <VenueAccess venue={venue} /> : null}
          <p>
            {describeCostTag(t, session.cost)}
            {session.cost.free && costDetail(session.cost)
              ? ` · ${costDetail(session.cost)}`
              : ''}{' '}
            · {session.booking === 'drop-in' ? t('dropIn') : t('bookFirst')}
          </p>
          {session.whatToExpect ? (
            <>
              <h3>{t('whatToExpect')}</h3>
              <p {...EN}>{session.whatToExpect}</p>
            </>
          ) : null}
          {session.contact.name || phone ? (
            <p>
              {t('contact')}: {[session.contact.name, phone].filter(Boolean).join(', ')}
            </p>
          ) : null}
          <div class="qr-inline sheet-qr">
            <QrCode value={url} label={t('qrPhone')} size={140} />
            <p>
              <strong>{t('qrPhone')}</strong>
              <br />
              {t('typeAddress')}{' '}
              <span class="sheet-address" dir="ltr">
                {writtenAddress(url)}
              </span>
            </p>
          </div>
        </article>
      </main>
      <PrintButton />
    </>
  );
}

/** "This week at this hub", day by day, for the venue printer. */
export function PrintWeekPage({ venue: slug }: { venue: string }) {
  const { t, directory, today, longDay } = useKiosk();
  const venue = directory?.venues.find((v) => v.slug === slug);
  const week = directory
    ? filterOccurrences(directory.occurrences, { ...NO_FILTERS, venue: slug }, today, Date.now())
    : [];
  const name = venue?.name ?? slug;
  return (
    <>
      <TopBar title={t('weekAt', { venue: name })} />
      <main class="screen print-sheet" id="main" tabIndex={0}>
        <article class="sheet">
          <h2>{t('weekAt', { venue: name })}</h2>
          {weekDays(today).map((d) => {
            const onDay = week.filter((o) => wallDateOf(o.start) === d);
            if (onDay.length === 0) return null;
            return (
              <section key={d} class="sheet-day">
                <h3>{longDay(d)}</h3>
                <ul>
                  {onDay.map((o) => (
                    <li
                      key={`${o.sessionId}-${o.date}`}
                      data-occurrence={`${o.sessionId}|${o.date}`}
                    >
                      <strong>
                        {t('timeRange', { start: wallTimeOf(o.start), end: wallTimeOf(o.end) })}
                      </strong>{' '}
                      {o.title}
                      {o.status === 'cancelled' ? ` · ${t('cancelled').toUpperCase()}` : ''}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          {week.length === 0 ? <p>{t('noResults')}</p> : null}
        </article>
      </main>
      <PrintButton />
    </>
  );
}
