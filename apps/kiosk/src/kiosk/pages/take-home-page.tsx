import type { Session } from '@fiveways/shared';
import { QrCode } from '../../components/qr-code.tsx';
import { useKiosk } from '../kiosk-context.ts';
import { TopBar } from '../components/top-bar.tsx';
import { findSession } from './session-detail-page.tsx';

export interface TakeHomeCode {
  key: string;
  title: string;
  url: string;
}

/** The links a resident can carry away, made here so they work with no connection. */
export function takeHomeCodes(
  session: Session,
  hubName: string | null,
  origin: string,
  host: string,
  label: { calendar: string; phone: string; way: string; hub: string },
): TakeHomeCode[] {
  const codes: TakeHomeCode[] = [
    { key: 'calendar', title: label.calendar, url: `${origin}/feeds/sessions/${session.id}.ics` },
    { key: 'phone', title: label.phone, url: `${origin}/sessions/${session.id}` },
  ];
  const way = session.ways[0];
  if (way)
    codes.push({ key: 'way', title: label.way, url: `webcal://${host}/feeds/ways/${way}.ics` });
  if (hubName !== null) {
    codes.push({
      key: 'hub',
      title: label.hub,
      url: `webcal://${host}/feeds/venues/${session.venue.slug}.ics`,
    });
  }
  return codes;
}

/** Summary beside each code: day, time, place, contact. */
export function SessionSummary({ session, date }: { session: Session; date: string | null }) {
  const { t, directory, today, longDay } = useKiosk();
  const next = directory?.nextOccurrences(session, today, 8) ?? [];
  const shown =
    next.find((o) => o.date === date) ?? next.find((o) => o.status === 'scheduled') ?? next[0];
  const phone = session.contact.phone;
  return (
    <div class="summary">
      <p class="summary-title">{session.title}</p>
      {shown ? (
        <p>
          {longDay(shown.startDate)},{' '}
          {t('timeRange', { start: shown.startTime, end: shown.endTime })}
          {shown.status === 'cancelled' ? ` · ${t('cancelled')}` : ''}
        </p>
      ) : null}
      <p>{session.venue.name}</p>
      {session.contact.name || phone ? (
        <p>
          {t('contact')}: {[session.contact.name, phone].filter(Boolean).join(', ')}
        </p>
      ) : null}
    </div>
  );
}

/** QR codes for the calendar, the phone page and the way or hub feed, each with a summary. */
export function TakeHomePage({ id, date }: { id: number; date: string | null }) {
  const { t, directory } = useKiosk();
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
  const way = session.ways[0];
  const codes = takeHomeCodes(
    session,
    venue?.isHub ? venue.name : null,
    location.origin,
    location.host,
    {
      calendar: t('qrCalendar'),
      phone: t('qrPhone'),
      way: way ? t('qrWay', { way: t(`way.${way}`) }) : '',
      hub: t('qrHub', { venue: venue?.name ?? '' }),
    },
  );
  return (
    <>
      <TopBar title={t('takeHomeHeading')} />
      <main class="screen take-home" id="main" tabIndex={0}>
        <p class="lead">{t('scanHint')}</p>
        <SessionSummary session={session} date={date} />
        <div class="qr-grid">
          {codes.map((c) => (
            <section key={c.key} class="panel qr-panel">
              <h2>{c.title}</h2>
              <QrCode value={c.url} label={c.title} size={220} />
            </section>
          ))}
        </div>
      </main>
    </>
  );
}
