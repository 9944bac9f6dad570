import type { LocalOccurrence, Session, Venue } from '@fiveways/shared';
import { wallDateOf, wallTimeOf } from '@fiveways/shared/london-time';
import { nextNotEnded } from '@fiveways/shared/ended';
import { costDetail } from '@fiveways/shared/labels';
import { useState } from 'preact/hooks';
import type { Directory } from '../directory/types.ts';
import { QrCode } from '../../components/qr-code.tsx';
import { contentAttrs, ENGLISH_CONTENT as EN, sessionContent } from '../../common/content-text.ts';
import { useKiosk } from '../kiosk-context.ts';
import { TopBar } from '../components/top-bar.tsx';
import { NavIcon, WayIcon } from '../components/icons.tsx';
import { websiteQrValue } from '../website-qr.ts';
import { labelDay } from '../day-label.ts';
import type { Translator } from '../../i18n/index.ts';

/** Cost details worth showing: not just the word "Free" again. */
export function showCostText(cost: Session['cost']): boolean {
  return costDetail(cost) !== '';
}

/** The cost in a few words: "Free", the charge as staff wrote it, or "Ask about cost". */
export function describeCostTag(t: Translator['t'], cost: Session['cost']): string {
  if (cost.free) return t('free');
  const detail = costDetail(cost);
  return detail === '' ? t('askCost') : detail;
}

/** The cancelled-date sentence, with its reason when staff gave one. */
export function describeCancelled(t: Translator['t'], reason: string | null | undefined): string {
  const why = (reason ?? '').trim().replace(/[.\s]+$/, '');
  return why === '' ? t('thisOneCancelled') : t('thisOneCancelledReason', { reason: why });
}

/** Dates to list for a session: the next ones that have not ended, by the shared rule. */
export function upcomingDates(
  directory: Pick<Directory, 'nextOccurrences'>,
  session: Session,
  nowMs: number,
  n: number,
): LocalOccurrence[] {
  return nextNotEnded(directory.nextOccurrences, session, nowMs, n);
}

/** A date's day and times as the API and the kiosk's lists give them (clock-change days too). */
export function shownTimes(
  directory: Pick<Directory, 'occurrenceSpan'>,
  occurrence: LocalOccurrence,
): { date: string; start: string; end: string } {
  const span = directory.occurrenceSpan(occurrence);
  return { date: wallDateOf(span.start), start: wallTimeOf(span.start), end: wallTimeOf(span.end) };
}

export function findSession(id: number, sessions: readonly Session[] | undefined) {
  return sessions?.find((s) => s.id === id) ?? null;
}

/** Step-free, hearing loop and the rest, as words (never icons alone). */
export function VenueAccess({ venue }: { venue: Venue }) {
  const { t } = useKiosk();
  const a = venue.accessibility;
  const items = [
    a.stepFree ? t('stepFree') : null,
    a.hearingLoop ? t('hearingLoop') : null,
    a.accessibleToilet ? t('accessibleToilet') : null,
    a.parking ? t('parking') : null,
    a.babyChange ? t('babyChange') : null,
  ].filter((x): x is string => x !== null);
  if (items.length === 0 && !a.notes) return null;
  return (
    <>
      <h3>{t('access')}</h3>
      <ul class="ticks">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
      {a.notes ? <p {...EN}>{a.notes}</p> : null}
    </>
  );
}

export function ContactDetails({ contact }: { contact: Session['contact'] }) {
  const { t } = useKiosk();
  const website = websiteQrValue(contact.website);
  if (!contact.name && !contact.phone && !contact.email && website === null) return null;
  return (
    <section class="panel">
      <h2>{t('contact')}</h2>
      {contact.name ? <p {...EN}>{contact.name}</p> : null}
      {contact.phone ? <p>{t('phone', { value: contact.phone })}</p> : null}
      {contact.email ? <p>{t('email', { value: contact.email })}</p> : null}
      {website !== null ? (
        <div class="qr-inline">
          <QrCode value={website} label={t('websiteQr')} size={160} />
          <p>{t('websiteQr')}</p>
        </div>
      ) : null}
    </section>
  );
}

/** Everything about one session: next dates, where, access, cost, booking, what to expect, contact. */
export function SessionDetailPage({ id, date }: { id: number; date: string | null }) {
  const kiosk = useKiosk();
  const { t, nav, directory, language } = kiosk;
  const [now] = useState(() => Date.now());
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
  const venue = directory.venues.find((v) => v.slug === session.venue.slug) ?? null;
  const next = upcomingDates(directory, session, now, 6);
  const tapped =
    date !== null
      ? (directory.occurrences.find((o) => o.sessionId === id && o.date === date) ??
        next.find((o) => o.date === date))
      : undefined;
  const tappedCancelled = tapped?.status === 'cancelled';
  const tappedReason = tapped && 'cancelReason' in tapped ? tapped.cancelReason : tapped?.reason;
  const group = session.group ? directory.groups.find((g) => g.slug === session.group) : undefined;
  const words = sessionContent(session, language);
  const venueName = (slug: string | null) =>
    slug ? (directory.venues.find((v) => v.slug === slug)?.name ?? slug) : null;
  return (
    <>
      <TopBar title={words.title} titleLang={words.titleLang} />
      <main class="screen detail" id="main" tabIndex={0}>
        {tappedCancelled ? (
          <p class="cancelled-banner" role="status">
            <strong>{describeCancelled(t, tappedReason)}</strong>
          </p>
        ) : null}
        <div class="card-tags">
          {session.ways.map((w) => (
            <span key={w} class={`tag way-${w}`}>
              <WayIcon way={w} size={28} />
              {t(`way.${w}`)}
            </span>
          ))}
          {/* "Drop-in" would only repeat "Just drop in" beside it. */}
          {session.kind !== 'drop-in' ? <span class="tag">{t(`kind.${session.kind}`)}</span> : null}
          <span class="tag">{describeCostTag(t, session.cost)}</span>
          <span class="tag">{session.booking === 'drop-in' ? t('dropIn') : t('bookFirst')}</span>
        </div>
        {words.summary ? (
          <p class="lead" {...contentAttrs(words.summaryLang)}>
            {words.summary}
          </p>
        ) : null}
        {words.someEnglish ? <p class="content-note">{t('detailsInEnglish')}</p> : null}
        <div class="detail-grid">
          <section class="panel">
            <h2>{t('nextDates')}</h2>
            {next.length === 0 ? (
              <p>{t('noMoreDates')}</p>
            ) : (
              <ul class="dates">
                {next.map((o) => {
                  const shown = shownTimes(directory, o);
                  return (
                    <li
                      key={o.date}
                      class={o.status === 'cancelled' ? 'date-cancelled' : ''}
                      data-occurrence={`${session.id}|${o.date}`}
                    >
                      <span class="date-day">{labelDay(kiosk, shown.date)}</span>
                      <span>{t('timeRange', { start: shown.start, end: shown.end })}</span>
                      {o.status === 'cancelled' ? (
                        <span class="badge badge-cancelled">
                          {o.reason ? t('cancelledReason', { reason: o.reason }) : t('cancelled')}
                        </span>
                      ) : o.changed ? (
                        <span class="tag tag-moved">
                          {t('moved')}
                          {o.venueSlug ? ` · ${venueName(o.venueSlug)}` : ''}
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <section class="panel">
            <h2>{t('where')}</h2>
            <p {...EN}>
              <strong>{session.venue.name}</strong>
            </p>
            {venue ? (
              <p {...EN}>
                {venue.address}
                {venue.postcode ? `, ${venue.postcode}` : ''}
              </p>
            ) : null}
            {venue ? <VenueAccess venue={venue} /> : null}
            {session.accessibility ? <p {...EN}>{session.accessibility}</p> : null}
          </section>
          <section class="panel">
            <h2>{t('cost')}</h2>
            <p>{describeCostTag(t, session.cost)}</p>
            {session.cost.free && showCostText(session.cost) ? (
              <p {...EN}>{costDetail(session.cost)}</p>
            ) : null}
            <h2>{t('booking')}</h2>
            <p>{session.booking === 'drop-in' ? t('dropIn') : t('bookFirst')}</p>
            {session.bookingInfo ? <p {...EN}>{session.bookingInfo}</p> : null}
          </section>
          {session.whatToExpect ? (
            <section class="panel">
              <h2>{t('whatToExpect')}</h2>
              <p {...EN}>{session.whatToExpect}</p>
            </section>
          ) : null}
          <ContactDetails contact={session.contact} />
        </div>
      </main>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => nav.open({ name: 'take-home', id: session.id, date })}
        >
          <NavIcon name="qr" />
          {t('takeHome')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => nav.open({ name: 'print-session', id: session.id })}
        >
          <NavIcon name="print" />
          {t('print')}
        </button>
        {group ? (
          <button
            type="button"
            class="secondary"
            onClick={() => nav.open({ name: 'group', slug: group.slug })}
          >
            {t('aboutGroup')}
          </button>
        ) : null}
      </div>
    </>
  );
}
