import {
  AUDIENCES,
  describeRecurrence,
  londonDateOf,
  nextOccurrences,
  type Session,
  type Venue,
  type Way,
} from '@fiveways/shared';
import { describeCost, KIND_LABELS, listAccessibilityFeatures } from '@fiveways/shared/labels';
import { ApiError, getParsed } from '../../common/api-client.ts';
import { useDocumentTitle } from '../../common/use-document-title.ts';
import { useLoad } from '../../common/use-load.ts';
import { PublicLayout } from '../components/public-layout.tsx';
import { SubscribeRow } from '../components/subscribe-row.tsx';
import { buildFeedLinks, feedPaths } from '../feed-links.ts';
import { bookingLabel, buildMapLink, describeOccurrenceLine } from '../session-details.ts';

const NEXT_DATES = 6;

interface SessionView {
  session: Session;
  /** Every venue, for the session's own address and the names of venues occurrences move to. */
  venues: Venue[];
  ways: Way[];
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
  return { session, venues, ways };
}

/** /sessions/:id — everything a first-timer needs, opened from a kiosk QR code or a feed. */
export function SessionPage({ id }: { id: string }) {
  const [view] = useLoad((signal) => loadSessionView(id, signal), id);
  useDocumentTitle(
    view.status === 'ready'
      ? view.data.session.title
      : view.status === 'not-found'
        ? 'Session not found'
        : 'Session',
  );
  return (
    <PublicLayout>
      {view.status === 'loading' && (
        <p role="status" class="pub-status">
          Loading the session…
        </p>
      )}
      {view.status === 'not-found' && <SessionNotFound />}
      {view.status === 'error' && (
        <>
          <h1>Sorry, this session could not be loaded</h1>
          <p role="alert" class="pub-status pub-status-error">
            Check your connection and <a href={`/sessions/${encodeURIComponent(id)}`}>try again</a>.
          </p>
        </>
      )}
      {view.status === 'ready' && <SessionDetails {...view.data} />}
    </PublicLayout>
  );
}

function SessionNotFound() {
  return (
    <>
      <h1>We can’t find that session</h1>
      <p class="pub-lead">
        It may have finished, or the link may be mistyped. Sessions change from time to time.
      </p>
      <p>
        <a class="pub-button" href="/subscribe">
          See all the calendars you can subscribe to
        </a>
      </p>
    </>
  );
}

function SessionDetails({ session, venues, ways }: SessionView) {
  const today = londonDateOf(new Date());
  const venue = venues.find((v) => v.slug === session.venue.slug);
  const venueNames = new Map(venues.map((v) => [v.slug, v.name]));
  const wayNames = new Map(ways.map((w) => [w.slug, w.name]));
  const sessionWays = session.ways.map((slug) => ({ slug, name: wayNames.get(slug) ?? slug }));
  const archived = session.status === 'archived';
  const lines = archived
    ? []
    : nextOccurrences(session, today, NEXT_DATES).map((o) =>
        describeOccurrenceLine(o, session, venueNames),
      );
  const audiences = AUDIENCES.filter((a) => session.audiences.includes(a.slug)).map((a) => a.name);
  const calendarFile = buildFeedLinks(location.origin, feedPaths.session(session.id));
  const features = venue === undefined ? [] : listAccessibilityFeatures(venue.accessibility);
  const accessibilityNotes = [venue?.accessibility.notes ?? '', session.accessibility].filter(
    (s) => s !== '',
  );
  const contact = session.contact;
  // "Hub" only for Worcester Community Trust hubs; any other place is a venue.
  const place = venue?.isHub === true ? 'hub' : 'venue';

  return (
    <article class="pub-session" aria-labelledby="session-title">
      <p class="pub-ways">
        <span class="pub-visually-hidden">Ways to wellbeing: </span>
        {sessionWays.map((w) => (
          <span key={w.slug} class={`pub-way pub-way-${w.slug}`}>
            {w.name}
          </span>
        ))}
      </p>
      <h1 id="session-title">{session.title}</h1>
      <p class="pub-kind">{KIND_LABELS[session.kind]}</p>
      {session.description !== '' && <p class="pub-lead">{session.description}</p>}
      {archived && (
        <p role="note" class="pub-status pub-status-error">
          This session no longer runs.
        </p>
      )}

      <dl class="pub-facts">
        <div>
          <dt>When</dt>
          <dd>{describeRecurrence(session, { today })}</dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{session.venue.name}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{describeCost(session.cost)}</dd>
        </div>
        <div>
          <dt>Booking</dt>
          <dd>{bookingLabel(session.booking)}</dd>
        </div>
        {audiences.length > 0 && (
          <div>
            <dt>Who it’s for</dt>
            <dd>{audiences.join(', ')}</dd>
          </div>
        )}
      </dl>

      {!archived && (
        <p class="pub-primary-actions">
          <a class="pub-button" href={calendarFile.https}>
            Add to my calendar
          </a>
          <a class="pub-button pub-button-secondary" href={calendarFile.webcal}>
            Get updates to this session
          </a>
        </p>
      )}

      <section class="pub-section" aria-labelledby="next-dates">
        <h2 id="next-dates">Next dates</h2>
        {lines.length === 0 ? (
          <p>No more dates are planned.</p>
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
        <h2 id="where">Where</h2>
        <address class="pub-venue">
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
            <a href={buildMapLink(venue)}>Open {venue.name} in maps</a>
          </p>
        )}
        {(features.length > 0 || accessibilityNotes.length > 0) && (
          <>
            <h3>Access</h3>
            {features.length > 0 && (
              <ul class="pub-features">
                {features.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
            {accessibilityNotes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </>
        )}
      </section>

      {session.whatToExpect !== '' && (
        <section class="pub-section" aria-labelledby="first-time">
          <h2 id="first-time">Your first time</h2>
          <p class="pub-prose">{session.whatToExpect}</p>
        </section>
      )}

      {session.bookingInfo !== '' && (
        <section class="pub-section" aria-labelledby="booking">
          <h2 id="booking">{session.booking === 'book' ? 'How to book' : 'Booking'}</h2>
          <p class="pub-prose">{session.bookingInfo}</p>
        </section>
      )}

      {(contact.name !== '' ||
        contact.phone !== '' ||
        contact.email !== '' ||
        contact.website !== '') && (
        <section class="pub-section" aria-labelledby="contact">
          <h2 id="contact">Contact</h2>
          <ul class="pub-contact">
            {contact.name !== '' && <li>{contact.name}</li>}
            {contact.phone !== '' && (
              <li>
                Phone: <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
              </li>
            )}
            {contact.email !== '' && (
              <li>
                Email: <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </li>
            )}
            {/^https?:\/\//.test(contact.website) && (
              <li>
                Website: <a href={contact.website}>{contact.website.replace(/^https?:\/\//, '')}</a>
              </li>
            )}
          </ul>
        </section>
      )}

      <section class="pub-section" aria-labelledby="keep-up">
        <h2 id="keep-up">Never miss a session</h2>
        <p>
          Subscribe once, and new dates, changes and cancellations reach your calendar by
          themselves. <strong>Subscribe</strong> works on iPhone, iPad, Mac and Outlook; on Android,
          use Google Calendar.
        </p>
        <ul class="pub-subscribe-list">
          <SubscribeRow
            name={session.venue.name}
            hint={`Every session at this ${place}`}
            action={`Subscribe to this ${place}`}
            path={feedPaths.venue(session.venue.slug)}
          />
          {sessionWays.map((w) => (
            <SubscribeRow
              key={w.slug}
              name={w.name}
              hint={`Every ${w.name} session, everywhere`}
              action="Subscribe to this way"
              path={feedPaths.way(w.slug)}
            />
          ))}
        </ul>
        <p>
          <a href="/subscribe">More calendars: by area, or everything</a>
        </p>
      </section>
    </article>
  );
}
