import { WAY_SLUGS } from '@fiveways/shared';
import { followTargetOf, type FollowTarget } from '@fiveways/shared/pages';
import { ApiError, getParsed } from '../../common/api-client.ts';
import { groupContent, sessionContent } from '../../common/content-text.ts';
import { useDocumentTitle } from '../../common/use-document-title.ts';
import { useLoad } from '../../common/use-load.ts';
import { CalendarChoices } from '../components/calendar-choices.tsx';
import { FollowCode } from '../components/follow-code.tsx';
import { FollowOptions } from '../components/follow-options.tsx';
import { pageIn, PublicLayout } from '../components/public-layout.tsx';
import { usePublic, type PublicState } from '../hooks/use-public.ts';

interface Followed {
  /** What the calendar holds, in the page's words where it is a way or everything. */
  name: string;
  /** Set for a session that no longer runs. */
  archived: boolean;
}

function notFound(): ApiError {
  return new ApiError(404, 'not_found', 'There is no such calendar');
}

/** The name of what a calendar holds, from the API (a way's and everything's from the page's words). */
async function loadFollowed(
  target: FollowTarget | null,
  t: PublicState['t'],
  signal: AbortSignal,
): Promise<Followed> {
  if (target === null) throw notFound();
  const key = encodeURIComponent(target.kind === 'all' ? '' : target.key);
  switch (target.kind) {
    case 'all':
      return { name: t.t('allSessions'), archived: false };
    case 'ways': {
      const way = WAY_SLUGS.find((w) => w === target.key);
      if (way === undefined) throw notFound();
      return { name: t.t(`way.${way}`), archived: false };
    }
    case 'venues': {
      const venue = await getParsed(`/api/venues/${key}`, (s) => s.VenueSchema, signal);
      return { name: venue.name, archived: false };
    }
    case 'areas': {
      const areas = await getParsed('/api/areas', (s) => s.AreaListSchema, signal);
      const area = areas.find((a) => a.slug === target.key);
      if (area === undefined) throw notFound();
      return { name: area.name, archived: false };
    }
    case 'groups': {
      const group = await getParsed(`/api/groups/${key}`, (s) => s.GroupSchema, signal);
      return { name: groupContent(group, t.language).title, archived: false };
    }
    case 'sessions': {
      const session = await getParsed(`/api/sessions/${key}`, (s) => s.SessionSchema, signal);
      return {
        name: sessionContent(session, t.language).title,
        archived: session.status === 'archived',
      };
    }
  }
}

/**
 * /follow/all, /follow/<ways|venues|areas|groups|sessions>/<key>: where every "follow this
 * calendar" link and QR code leads. An https page a phone can always open, which offers the way
 * to follow that suits the device (Android has no webcal handler) and the others.
 */
export function FollowPage({ kind, slug }: { kind?: string; slug?: string }) {
  return (
    <PublicLayout>
      <FollowContent kind={kind ?? 'all'} slug={slug ?? ''} />
    </PublicLayout>
  );
}

function FollowContent({ kind, slug }: { kind: string; slug: string }) {
  const state = usePublic();
  const { t } = state;
  const target = kind === 'all' ? ({ kind: 'all' } as const) : followTargetOf(kind, slug);
  const [followed] = useLoad(
    (signal) => loadFollowed(target, t, signal),
    `${kind}/${slug}/${t.language}`,
  );
  useDocumentTitle(
    followed.status === 'ready'
      ? t.t('followHeading', { name: followed.data.name })
      : followed.status === 'not-found'
        ? t.t('followNotFound')
        : '',
    t.t('siteName'),
  );
  if (followed.status === 'loading') {
    return (
      <p role="status" class="pub-status">
        {t.t('loading')}
      </p>
    );
  }
  if (followed.status === 'not-found' || target === null) {
    return (
      <>
        <h1>{t.t('followNotFound')}</h1>
        <p class="pub-lead">{t.t('followNotFoundLead')}</p>
        <p>
          <a class="pub-button" href={pageIn(t, '/subscribe')}>
            {t.t('seeCalendars')}
          </a>
        </p>
      </>
    );
  }
  if (followed.status === 'error') {
    return (
      <p role="alert" class="pub-status pub-status-error">
        {t.t('loadFailed')} <a href={location.href}>{t.t('tryAgain')}</a>
      </p>
    );
  }
  const { name, archived } = followed.data;
  return (
    <>
      <h1>{t.t('followHeading', { name })}</h1>
      {archived && (
        <p role="note" class="pub-status pub-status-error">
          {t.t('noLongerRuns')}
        </p>
      )}
      <p class="pub-lead">
        {t.t('followLead')} {t.t('followLeadMore')}
      </p>
      <div class="pub-feed-actions pub-follow-page">
        <FollowOptions target={target} name={name} />
        <FollowCode target={target} name={name} />
      </div>
      {target.kind === 'sessions' && !archived && (
        <section class="pub-section" aria-labelledby="only-once">
          <h2 id="only-once">{t.t('onlyOnce')}</h2>
          <CalendarChoices sessionId={Number(target.key)} only="add" />
          <p>
            <a href={pageIn(t, `/sessions/${target.key}`)}>{name}</a>
          </p>
        </section>
      )}
    </>
  );
}
