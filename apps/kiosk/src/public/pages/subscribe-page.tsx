import type { Area, Venue, Way } from '@fiveways/shared';
import { getParsed } from '../../common/api-client.ts';
import { useDocumentTitle } from '../../common/use-document-title.ts';
import { useLoad } from '../../common/use-load.ts';
import { FeedActions } from '../components/feed-actions.tsx';
import { FeedPanel } from '../components/feed-panel.tsx';
import { PublicLayout } from '../components/public-layout.tsx';
import { SubscribeHelp } from '../components/subscribe-help.tsx';
import { feedPaths } from '../feed-links.ts';

interface Directory {
  ways: Way[];
  hubs: Venue[];
  areas: Area[];
}

async function loadDirectory(signal: AbortSignal): Promise<Directory> {
  const [ways, venues, areas] = await Promise.all([
    getParsed('/api/ways', (s) => s.WayListSchema, signal),
    getParsed('/api/venues', (s) => s.VenueListSchema, signal),
    getParsed('/api/areas', (s) => s.AreaListSchema, signal),
  ]);
  return { ways, hubs: venues.filter((v) => v.isHub), areas };
}

/** /subscribe: every calendar a resident can subscribe to, with steps for each kind of phone. */
export function SubscribePage() {
  useDocumentTitle('Subscribe to a calendar');
  const [directory] = useLoad(loadDirectory, 'directory');
  return (
    <PublicLayout>
      <h1>Get local sessions in your calendar</h1>
      <p class="pub-lead">
        Subscribe once and new sessions, changes and cancellations appear in your calendar by
        themselves. Pick everything, one of the five ways to wellbeing, your nearest hub or your
        area.
      </p>

      <SubscribeHelp />

      <section class="pub-section" aria-labelledby="everything">
        <h2 id="everything">Everything</h2>
        <div class="pub-card">
          <p>Every session at every hub and group, in one calendar.</p>
          <FeedActions name="Everything" path={feedPaths.all()} />
        </div>
      </section>

      {directory.status === 'loading' && (
        <p role="status" class="pub-status">
          Loading the calendars…
        </p>
      )}
      {(directory.status === 'error' || directory.status === 'not-found') && (
        <p role="alert" class="pub-status pub-status-error">
          Sorry, the list of calendars could not be loaded. Check your connection and{' '}
          <a href="/subscribe">try again</a>.
        </p>
      )}
      {directory.status === 'ready' && (
        <>
          <section class="pub-section" aria-labelledby="by-way">
            <h2 id="by-way">By way to wellbeing</h2>
            {directory.data.ways.map((way) => (
              <FeedPanel
                key={way.slug}
                name={way.name}
                hint={way.meaning}
                path={feedPaths.way(way.slug)}
              />
            ))}
          </section>
          <section class="pub-section" aria-labelledby="by-hub">
            <h2 id="by-hub">By hub</h2>
            {directory.data.hubs.map((hub) => (
              <FeedPanel
                key={hub.slug}
                name={hub.name}
                hint={[hub.address, hub.postcode].filter((s) => s !== '').join(', ')}
                path={feedPaths.venue(hub.slug)}
              />
            ))}
          </section>
          <section class="pub-section" aria-labelledby="by-area">
            <h2 id="by-area">By area</h2>
            {directory.data.areas.map((area) => (
              <FeedPanel
                key={area.slug}
                name={area.name}
                hint={`Every session in ${area.name}`}
                path={feedPaths.area(area.slug)}
              />
            ))}
          </section>
        </>
      )}
    </PublicLayout>
  );
}
