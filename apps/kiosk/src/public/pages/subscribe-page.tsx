import type { Area, Venue, Way } from '@fiveways/shared';
import { getParsed } from '../../common/api-client.ts';
import { useDocumentTitle } from '../../common/use-document-title.ts';
import { useLoad } from '../../common/use-load.ts';
import { FeedPanel } from '../components/feed-panel.tsx';
import { FollowCode } from '../components/follow-code.tsx';
import { FollowOptions } from '../components/follow-options.tsx';
import { pageIn, PublicLayout } from '../components/public-layout.tsx';
import { usePublic } from '../hooks/use-public.ts';

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

/** /subscribe: every calendar a resident can follow, and what following is. */
export function SubscribePage() {
  return (
    <PublicLayout>
      <SubscribeContent />
    </PublicLayout>
  );
}

function SubscribeContent() {
  const { t } = usePublic();
  useDocumentTitle(t.t('subscribeTitle'), t.t('siteName'));
  const [directory] = useLoad(loadDirectory, 'directory');
  const everything = t.t('everything');
  return (
    <>
      <h1>{t.t('subscribeHeading')}</h1>
      <p class="pub-lead">{t.t('subscribeLead')}</p>

      <section class="pub-section" aria-labelledby="add-or-follow">
        <h2 id="add-or-follow">{t.t('addOrFollowHeading')}</h2>
        <dl class="pub-terms">
          <div>
            <dt>{t.t('followTerm')}</dt>
            <dd>{t.t('followTermHint')}</dd>
          </div>
          <div>
            <dt>{t.t('qrCalendar')}</dt>
            <dd>{t.t('addTermHint')}</dd>
          </div>
        </dl>
      </section>

      <section class="pub-section" aria-labelledby="everything">
        <h2 id="everything">{everything}</h2>
        <div class="pub-card">
          <p>{t.t('everythingHint')}</p>
          <div class="pub-feed-actions">
            <FollowOptions target={{ kind: 'all' }} name={everything} />
            <FollowCode target={{ kind: 'all' }} name={everything} />
          </div>
        </div>
      </section>

      {directory.status === 'loading' && (
        <p role="status" class="pub-status">
          {t.t('listLoading')}
        </p>
      )}
      {(directory.status === 'error' || directory.status === 'not-found') && (
        <p role="alert" class="pub-status pub-status-error">
          {t.t('listFailed')} <a href={pageIn(t, '/subscribe')}>{t.t('tryAgain')}</a>
        </p>
      )}
      {directory.status === 'ready' && (
        <>
          <section class="pub-section" aria-labelledby="by-way">
            <h2 id="by-way">{t.t('byWay')}</h2>
            {directory.data.ways.map((way) => (
              <FeedPanel
                key={way.slug}
                name={t.t(`way.${way.slug}`)}
                hint={t.t(`way.${way.slug}.meaning`)}
                target={{ kind: 'ways', key: way.slug }}
              />
            ))}
          </section>
          <section class="pub-section" aria-labelledby="by-hub">
            <h2 id="by-hub">{t.t('byHub')}</h2>
            {directory.data.hubs.map((hub) => (
              <FeedPanel
                key={hub.slug}
                name={hub.name}
                hint={[hub.address, hub.postcode].filter((s) => s !== '').join(', ')}
                target={{ kind: 'venues', key: hub.slug }}
              />
            ))}
          </section>
          <section class="pub-section" aria-labelledby="by-area">
            <h2 id="by-area">{t.t('byArea')}</h2>
            {directory.data.areas.map((area) => (
              <FeedPanel
                key={area.slug}
                name={area.name}
                hint={t.t('everyInArea', { area: area.name })}
                target={{ kind: 'areas', key: area.slug }}
              />
            ))}
          </section>
        </>
      )}
    </>
  );
}
