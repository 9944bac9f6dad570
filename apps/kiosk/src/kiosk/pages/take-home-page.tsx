import type { Session } from '@fiveways/shared';
import { QrCode } from '../../components/qr-code.tsx';
import { calendarFileUrl, followPageUrl, sessionPageUrl } from '../../common/feed-links.ts';
import { contentAttrs, sessionContent } from '../../common/content-text.ts';
import type { Language } from '../../i18n/names.ts';
import { useState } from 'preact/hooks';
import { useKiosk } from '../kiosk-context.ts';
import { TopBar } from '../components/top-bar.tsx';
import { NavIcon } from '../components/icons.tsx';
import { findSession, shownTimes, upcomingDates } from './session-detail-page.tsx';

export interface TakeHomeCode {
  key: string;
  title: string;
  /** What scanning it gives, in a sentence: tells "add" (once) and "follow" (updates) apart. */
  hint: string;
  url: string;
}

export interface TakeHomeLabels {
  calendar: string;
  calendarHint: string;
  follow: string;
  followHint: string;
  phone: string;
  phoneHint: string;
  way: string;
  hub: string;
  feedHint: string;
}

/**
 * The links a resident can carry away, made here so they work with no connection, all on the
 * service's public address (never the address the kiosk was opened at) and in the visitor's
 * language. Calendars to follow lead to their https follow page, never to a bare webcal://.
 */
export function takeHomeCodes(
  session: Session,
  hubName: string | null,
  publicUrl: string,
  language: Language,
  label: TakeHomeLabels,
): TakeHomeCode[] {
  const sessionKey = { kind: 'sessions', key: String(session.id) } as const;
  const codes: TakeHomeCode[] = [
    {
      key: 'calendar',
      title: label.calendar,
      hint: label.calendarHint,
      url: calendarFileUrl(publicUrl, session.id),
    },
    {
      key: 'follow',
      title: label.follow,
      hint: label.followHint,
      url: followPageUrl(publicUrl, sessionKey, language),
    },
    {
      key: 'phone',
      title: label.phone,
      hint: label.phoneHint,
      url: sessionPageUrl(publicUrl, session.id, language),
    },
  ];
  const way = session.ways[0];
  if (way) {
    codes.push({
      key: 'way',
      title: label.way,
      hint: label.feedHint,
      url: followPageUrl(publicUrl, { kind: 'ways', key: way }, language),
    });
  }
  if (hubName !== null) {
    codes.push({
      key: 'hub',
      title: label.hub,
      hint: label.feedHint,
      url: followPageUrl(publicUrl, { kind: 'venues', key: session.venue.slug }, language),
    });
  }
  return codes;
}

/** Summary beside each code: day, time, place, contact. */
export function SessionSummary({ session, date }: { session: Session; date: string | null }) {
  const { t, directory, longDay, language } = useKiosk();
  const words = sessionContent(session, language);
  // The next dates that have not ended: never one that finished earlier today.
  const next = directory ? upcomingDates(directory, session, Date.now(), 8) : [];
  const chosen =
    next.find((o) => o.date === date) ?? next.find((o) => o.status === 'scheduled') ?? next[0];
  const shown = chosen && directory ? shownTimes(directory, chosen) : null;
  const phone = session.contact.phone;
  return (
    <div class="summary">
      <p class="summary-title" {...contentAttrs(words.titleLang)}>
        {words.title}
      </p>
      {chosen && shown ? (
        <p data-occurrence={`${session.id}|${chosen.date}`}>
          {longDay(shown.date)}, {t('timeRange', { start: shown.start, end: shown.end })}
          {chosen.status === 'cancelled' ? ` · ${t('cancelled')}` : ''}
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

/**
 * One code to scan, the session's phone page (which then offers the calendar choices), and the
 * others (add once, follow, the way, the hub) behind "More ways", each said in one sentence.
 */
export function TakeHomePage({ id, date }: { id: number; date: string | null }) {
  const { t, language, directory } = useKiosk();
  const [more, setMore] = useState(false);
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
    directory.meta.publicUrl,
    language,
    {
      calendar: t('qrCalendar'),
      calendarHint: t('qrCalendarHint'),
      follow: t('qrFollow'),
      followHint: t('qrFollowHint'),
      phone: t('qrPhone'),
      phoneHint: t('qrPhoneLead'),
      way: way ? t('qrWay', { way: t(`way.${way}`) }) : '',
      hub: t('qrHub', { venue: venue?.name ?? '' }),
      feedHint: t('qrFeedHint'),
    },
  );
  const phone = codes.find((c) => c.key === 'phone');
  const others = codes.filter((c) => c.key !== 'phone');
  return (
    <>
      <TopBar title={t('takeHomeHeading')} />
      <main class="screen take-home" id="main" tabIndex={0}>
        <div class="take-home-main">
          {phone ? (
            <section class="panel qr-panel qr-recommended" aria-labelledby="qr-phone">
              <p class="qr-badge">{t('recommended')}</p>
              <h2 id="qr-phone">{phone.title}</h2>
              <QrCode value={phone.url} label={phone.title} size={240} />
              <p class="qr-hint">{phone.hint}</p>
            </section>
          ) : null}
          <div class="take-home-side">
            <p class="lead">{t('scanHint')}</p>
            <SessionSummary session={session} date={date} />
            <button
              type="button"
              class="secondary"
              aria-expanded={more}
              aria-controls={more ? 'more-ways' : undefined}
              onClick={() => {
                setMore((m) => !m);
                // The codes open below: bring the first into view so the tap visibly did something.
                requestAnimationFrame(() =>
                  document.getElementById('more-ways')?.scrollIntoView({ block: 'nearest' }),
                );
              }}
            >
              <NavIcon name="qr" />
              {more ? t('fewerWays') : t('moreWays')}
            </button>
          </div>
        </div>
        {more ? (
          <div class="qr-grid" id="more-ways">
            {others.map((c) => (
              <section key={c.key} class="panel qr-panel" aria-labelledby={`qr-${c.key}`}>
                <h2 id={`qr-${c.key}`}>{c.title}</h2>
                <QrCode value={c.url} label={c.title} size={200} />
                <p class="qr-hint">{c.hint}</p>
              </section>
            ))}
          </div>
        ) : null}
      </main>
    </>
  );
}
