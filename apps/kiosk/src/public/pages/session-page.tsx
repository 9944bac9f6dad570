import {
  AUDIENCES,
  londonDateOf,
  nextOccurrences,
  type Group,
  type Session,
  type Venue,
  type Way,
} from '@fiveways/shared';
import { nextNotEnded } from '@fiveways/shared/ended';
import { ACCESSIBILITY_FEATURES } from '@fiveways/shared/labels';
import { ApiError, getParsed } from '../../common/api-client.ts';
import { contentAttrs, ENGLISH_CONTENT as EN, sessionContent } from '../../common/content-text.ts';
import { useDocumentTitle } from '../../common/use-document-title.ts';
import { useLoad } from '../../common/use-load.ts';
import { findGroupAges } from '../../kiosk/stated-ages.ts';
import { CalendarChoices } from '../components/calendar-choices.tsx';
import { pageIn, PublicLayout } from '../components/public-layout.tsx';
import { SubscribeRow } from '../components/subscribe-row.tsx';
import { usePublic } from '../hooks/use-public.ts';
import {
  bookingLabel,
  buildMapLink,
  costLabel,
  describeOccurrenceLine,
  describeRule,
} from '../session-details.ts';

const NEXT_DATES = 6;

interface SessionView {
  session: Session;
  /** Every venue, for the session's own address and the names of venues occurrences move to. */
  venues: Venue[];
  ways: Way[];
  /** The session's group, for the ages it is for; null when it has none or it did not load. */
  group: Group | null;
}

async function loadSessionView(id: string, signal: AbortSignal): Promise<SessionView> {
  // Only whole numbers name a session; anything else cannot exist.
  if (!/^\d{1,12}$/.test(id)) throw new ApiError(404, 'not_found', 'There is no such session');
  // The session alone is worth showing: venues and way names only add detail.
  const [session, venues, ways] = await Promise.all([
    getParsed(`/api/sessions/${id}`, (s) => s.SessionSchema, signal),
    getParsed('/api/venues', (s) => s.VenueListSchema, signal).catch(() => []),
    getParsed('/api/ways', (s) => s.WayListSchema, signal).catch(() => []),
  ]);
  const slug = session.group;
  const group =
    slug === null
      ? null
      : await getParsed(
          `/api/groups/${encodeURIComponent(slug)}`,
          (s) => s.GroupSchema,
          signal,
        ).catch(() => null);
  return { session, venues, ways, group };
}

/** /sessions/:id — everything a first-timer needs, opened from a kiosk QR code or a feed. */
export function SessionPage({ id }: { id: string }) {
  return (
    <PublicLayout>
      <SessionContent id={id} />
    </PublicLayout>
  );
}

function SessionContent({ id }: { id: string }) {
  const { t } = usePublic();
  const [view] = useLoad((signal) => loadSessionView(id, signal), id);
  useDocumentTitle(
    view.status === 'ready'
      ? sessionContent(view.data.session, t.language).title
      : view.status === 'not-found'
        ? t.t('sessionNotFound')
        : '',
    t.t('siteName'),
  );
  if (view.status === 'loading') {
    return (
      <p role="status" class="pub-status">
        {t.t('loading')}
      </p>
    );
  }
  if (view.status === 'not-found') return <SessionNotFound />;
  if (view.status === 'error') {
    return (
      <>
        <h1>{t.t('sessionLoadFailed')}</h1>
        <p role="alert" class="pub-status pub-status-error">
          {t.t('loadFailed')}{' '}
          <a href={pageIn(t, `/sessions/${encodeURIComponent(id)}`)}>{t.t('tryAgain')}</a>
        </p>
      </>
    );
  }
  return <SessionDetails {...view.data} />;
}

function SessionNotFound() {
  const { t } = usePublic();
  return (
    <>
      <h1>{t.t('sessionNotFound')}</h1>
      <p class="pub-lead">{t.t('sessionNotFoundLead')}</p>
      <p>
        <a class="pub-button" href={pageIn(t, '/subscribe')}>
          {t.t('seeCalendars')}
        </a>
      </p>
    </>
  );
}

function SessionDetails({ session, venues, ways, group }: SessionView) {
  const { t } = usePublic();
  const today = londonDateOf(new Date());
  const venue = venues.find((v) => v.slug === session.venue.slug);
  const venueNames = new Map(venues.map((v) => [v.slug, v.name]));
  const known = new Set(ways.map((w) => w.slug));
  const sessionWays = session.ways.map((slug) => ({
    slug,
    name: known.has(slug) || ways.length === 0 ? t.t(`way.${slug}`) : slug,
  }));
  const words = sessionContent(session, t.language);
  const archived = session.status === 'archived';
  const lines = archived
    ? []
    : nextNotEnded(nextOccurrences, session, Date.now(), NEXT_DATES).map((o) =>
        describeOccurrenceLine(t, o, session, venueNames),
      );
  const ages = group === null ? null : findGroupAges(group);
  // The group's own range first: the bands are only a rough guide.
  const audiences = [
    ...(ages === null ? [] : [t.t('ages', { min: ages.min, max: ages.max })]),
    ...AUDIENCES.filter((a) => session.audiences.includes(a.slug)).map((a) =>
      t.t(`audience.${a.slug}`),
    ),
  ];
  const features =
    venue === undefined ? [] : ACCESSIBILITY_FEATURES.filter((f) => venue.accessibility[f]);
  const accessibilityNotes = [venue?.accessibility.notes ?? '', session.accessibility].filter(
    (s) => s !== '',
  );
  const contact = session.contact;
  // "Hub" only for Worcester Community Trust hubs; any other place is a venue.
  const isHub = venue?.isHub === true;

  return (
    <article class="pub-session" aria-labelledby="session-title">
      <p class="pub-ways">
        <span class="pub-visually-hidden">{t.t('waysLabel')} </span>
        {sessionWays.map((w) => (
          <span key={w.slug} class={`pub-way pub-way-${w.slug}`}>
            {w.name}
          </span>
        ))}
      </p>
      {/* Staff words keep their own language and direction on a right-to-left page. */}
      <h1 id="session-title" {...contentAttrs(words.titleLang)}>
        {words.title}
      </h1>
      {session.kind !== 'drop-in' && <p class="pub-kind">{t.t(`kind.${session.kind}`)}</p>}
      {words.summary !== '' && (
        <p class="pub-lead pub-prose" {...contentAttrs(words.summaryLang)}>
          {words.summary}
        </p>
      )}
      {words.someEnglish && <p class="content-note">{t.t('detailsInEnglish')}</p>}
      {archived && (
        <p role="note" class="pub-status pub-status-error">
          {t.t('noLongerRuns')}
        </p>
      )}

      <dl class="pub-facts">
        <div>
          <dt>{t.t('when')}</dt>
          <dd>{describeRule(t, session, today)}</dd>
        </div>
        <div>
          <dt>{t.t('where')}</dt>
          <dd {...EN}>{session.venue.name}</dd>
        </div>
        <div>
          <dt>{t.t('cost')}</dt>
          <dd dir="auto">{costLabel(t, session.cost)}</dd>
        </div>
        <div>
          <dt>{t.t('booking')}</dt>
          <dd>{bookingLabel(t, session.booking)}</dd>
        </div>
        {audiences.length > 0 && (
          <div>
            <dt>{t.t('filterAudience')}</dt>
            <dd>{audiences.join(t.t('partSeparator'))}</dd>
          </div>
        )}
      </dl>

      {!archived && (
        <section class="pub-calendar" aria-labelledby="in-calendar">
          <h2 id="in-calendar">{t.t('calendarHeading')}</h2>
          <CalendarChoices sessionId={session.id} />
        </section>
      )}

      <section class="pub-section" aria-labelledby="next-dates">
        <h2 id="next-dates">{t.t('nextDates')}</h2>
        {lines.length === 0 ? (
          <p>{t.t('noMoreDatesPlanned')}</p>
        ) : (
          <ul class="pub-dates">
            {lines.map((line) => (
              <li
                key={line.key}
                class={line.cancelled ? 'pub-date pub-date-cancelled' : 'pub-date'}
              >
                <span class="pub-date-when">{line.when}</span>
                {line.note !== null && (
                  <span class={line.cancelled ? 'pub-badge pub-badge-cancelled' : 'pub-badge'}>
                    {line.note}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="pub-section" aria-labelledby="where">
        <h2 id="where">{t.t('where')}</h2>
        <address class="pub-venue" {...EN}>
          <strong>{session.venue.name}</strong>
          {venue !== undefined && (
            <>
              <br />
              {venue.address}
              {venue.postcode !== '' && (
                <>
                  <br />
                  {venue.postcode}
                </>
              )}
            </>
          )}
        </address>
        {venue !== undefined && (
          <p>
            <a href={buildMapLink(venue)}>{t.t('openInMaps', { venue: venue.name })}</a>
          </p>
        )}
        {(features.length > 0 || accessibilityNotes.length > 0) && (
          <>
            <h3>{t.t('access')}</h3>
            {features.length > 0 && (
              <ul class="pub-features">
                {features.map((f) => (
                  <li key={f}>{t.t(f)}</li>
                ))}
              </ul>
            )}
            {accessibilityNotes.map((note) => (
              <p key={note} class="pub-prose" {...EN}>
                {note}
              </p>
            ))}
          </>
        )}
      </section>

      {session.whatToExpect !== '' && (
        <section class="pub-section" aria-labelledby="first-time">
          <h2 id="first-time">{t.t('firstTime')}</h2>
          <p class="pub-prose" {...EN}>
            {session.whatToExpect}
          </p>
        </section>
      )}

      {session.bookingInfo !== '' && (
        <section class="pub-section" aria-labelledby="booking">
          <h2 id="booking">{session.booking === 'book' ? t.t('howToBook') : t.t('booking')}</h2>
          <p class="pub-prose" {...EN}>
            {session.bookingInfo}
          </p>
        </section>
      )}

      {(contact.name !== '' ||
        contact.phone !== '' ||
        contact.email !== '' ||
        contact.website !== '') && (
        <section class="pub-section" aria-labelledby="contact">
          <h2 id="contact">{t.t('contact')}</h2>
          <ul class="pub-contact">
            {contact.name !== '' && <li {...EN}>{contact.name}</li>}
            {contact.phone !== '' && (
              <li>
                {t.t('phoneLabel')}{' '}
                <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                  {contact.phone}
                </a>
              </li>
            )}
            {contact.email !== '' && (
              <li>
                {t.t('emailLabel')}{' '}
                <a href={`mailto:${contact.email}`} dir="ltr">
                  {contact.email}
                </a>
              </li>
            )}
            {/^https?:\/\//.test(contact.website) && (
              <li>
                {t.t('websiteLabel')}{' '}
                <a href={contact.website} dir="ltr">
                  {contact.website.replace(/^https?:\/\//, '')}
                </a>
              </li>
            )}
          </ul>
        </section>
      )}

      <section class="pub-section" aria-labelledby="keep-up">
        <h2 id="keep-up">{t.t('neverMiss')}</h2>
        <p>{t.t('neverMissLead')}</p>
        <ul class="pub-subscribe-list">
          <SubscribeRow
            name={session.venue.name}
            hint={isHub ? t.t('everyAtHub') : t.t('everyAtVenue')}
            action={isHub ? t.t('followHub') : t.t('followVenue')}
            target={{ kind: 'venues', key: session.venue.slug }}
          />
          {sessionWays.map((w) => (
            <SubscribeRow
              key={w.slug}
              name={w.name}
              hint={t.t('everyWayEverywhere', { way: w.name })}
              action={t.t('followWay')}
              target={{ kind: 'ways', key: w.slug }}
            />
          ))}
        </ul>
        <p>
          <a href={pageIn(t, '/subscribe')}>{t.t('moreCalendars')}</a>
        </p>
      </section>
    </article>
  );
}
