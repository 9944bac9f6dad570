import { areaRoutes } from './areas/areas.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { recentChangeRoutes } from './audit/recent-changes.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { closureRoutes } from './closures/closures.routes.ts';
import { conversationRoutes } from './conversations/conversations.routes.ts';
import { SCRYPT_PASSWORDS, type PasswordHasher } from './auth/password.ts';
import { createGroupStore, type GroupStore } from './cache/group-store.ts';
import { createReadCache, type ReadCache } from './cache/read-cache.ts';
import { createSessionStore, type SessionStore } from './cache/session-store.ts';
import type { Db } from './db/open-db.ts';
import { exportRoutes } from './exports/exports.routes.ts';
import { feedRoutes } from './feeds/feeds.routes.ts';
import { groupRoutes } from './groups/groups.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { insightRoutes } from './insights/insights.routes.ts';
import { createImporter, type Importer } from './imports/importer.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { limitBodySize } from './http/body-limit.ts';
import { answerNothingHere, errorHandler } from './http/errors.ts';
import { noStoreForPrivate } from './http/no-store.ts';
import { createRouter } from './http/router.ts';
import { sameOrigin } from './http/same-origin.ts';
import { securityHeaders } from './http/security-headers.ts';
import { trustedProxySet } from './http/client-address.ts';
import { DEFAULT_STATIC_ROOT, isApiPath, serveFrontEnd } from './http/static.ts';
import { metaRoutes } from './meta/meta.routes.ts';
import { occurrenceRoutes } from './occurrences/occurrences.routes.ts';
import { openApiRoutes } from './openapi/openapi.routes.ts';
import {
  DEFAULT_OPEN_DATA_LICENCE,
  type OpenDataLicence,
} from './openreferral/open-data-licence.ts';
import { openReferralRootRoutes, openReferralRoutes } from './openreferral/openreferral.routes.ts';
import { printRoutes } from './print/print.routes.ts';
import { organisationRoutes } from './organisations/organisations.routes.ts';
import { createPageAnswers } from './pages/page-answers.ts';
import { silentLogger, type Logger } from './ops/logger.ts';
import { requestLogger } from './ops/request-logger.ts';
import { createFeedReach, type FeedReach } from './reach/feed-reach.ts';
import { reachRoutes } from './reach/reach.routes.ts';
import { schoolHolidayRoutes } from './school-holidays/school-holidays.routes.ts';
import { sessionRoutes } from './sessions/sessions.routes.ts';
import { shortLinkRedirects } from './short-links/short-links.routes.ts';
import { createMemoryMailer, type Mailer } from './suggestions/mailer.ts';
import type { RateLimit } from './suggestions/rate-limit.ts';
import { DEFAULT_SUGGESTIONS_PER_DAY } from './suggestions/suggestion-settings.ts';
import { suggestionRoutes } from './suggestions/suggestions.routes.ts';
import { userRoutes } from './users/users.routes.ts';
import { venueRoutes } from './venues/venues.routes.ts';
import { wayRoutes } from './ways/ways.routes.ts';

export interface AppDeps {
  db: Db;
  /** The current time; tests pass a fixed one. */
  clock: () => Date;
  /** The service's own origin, e.g. https://fiveways.example.org (no trailing slash). */
  publicUrl: string;
  /** Rendered read-side output; every write says what it changed. */
  cache?: ReadCache;
  /** Active sessions in memory for feeds and occurrences; made over `db` and `cache` if not given. */
  sessionStore?: SessionStore;
  /** Groups in memory for their list; made over `db` and `cache` if not given. */
  groupStore?: GroupStore;
  /** The built front end; defaults to apps/kiosk/dist. */
  staticRoot?: string;
  /** Where request and error log lines go; silent unless given (the server passes its logger). */
  log?: Logger;
  /** Session ids per chunk of a feed (see feeds/feed-assembler.ts); tests make it small. */
  feedChunkIds?: number | undefined;
  /** Render every session's calendar events in the background from the start (the server does). */
  warmFeeds?: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (TRUSTED_PROXY); none by default. */
  trustedProxies?: readonly string[];
  /** How passwords are hashed and checked; scrypt unless a test counts the checks. */
  passwords?: PasswordHasher;
  /** The licence the open data is offered under (OPEN_DATA_LICENCE); the OGL v3 by default. */
  openDataLicence?: OpenDataLicence;
  /** Imports groups' own calendars; one over this app's database with default settings if not given. */
  importer?: Importer;
  /** Counts feed requests towards each feed's daily reach; the server flushes it to the database. */
  feedReach?: FeedReach;
  /** Months reach counts are kept (REACH_RETENTION_MONTHS), for the privacy notice. */
  reachRetentionMonths?: number;
  /** Suggest a group: where outcome emails go (kept in memory unless given), and its limits. */
  suggestions?: {
    mailer?: Mailer;
    formSecret?: string | null;
    perDay?: number;
    rate?: RateLimit;
  };
}

export function createApp({
  db,
  clock,
  publicUrl,
  cache = createReadCache(),
  sessionStore = createSessionStore(db, cache),
  groupStore = createGroupStore(db, cache),
  staticRoot,
  log = silentLogger,
  feedChunkIds,
  warmFeeds = false,
  trustedProxies = [],
  passwords = SCRYPT_PASSWORDS,
  openDataLicence = DEFAULT_OPEN_DATA_LICENCE,
  importer,
  feedReach = createFeedReach({ db, clock }),
  reachRetentionMonths,
  suggestions = {},
}: AppDeps) {
  const deps = { db, cache, clock };
  const calendarImporter = importer ?? createImporter(deps);
  // Every request is logged and every answer, errors and refusals included, gets the security
  // headers (so they are mounted before anything that can refuse); private answers are not kept
  // by caches; every state-changing /api request must come from our own origin and stay under the
  // body limit, before any route reads it. Each entity's router answers its reads and its staff
  // writes below /api.
  const app = createRouter()
    .use('*', requestLogger({ log }))
    .use('*', securityHeaders({ https: publicUrl.startsWith('https:') }))
    .use('/api/*', noStoreForPrivate())
    .use('/api/*', limitBodySize())
    .use('/api/*', sameOrigin(publicUrl))
    .route('/api/health', healthRoutes(db))
    .route('/api/ways', wayRoutes())
    .route('/api/meta', metaRoutes({ db, cache, clock, publicUrl }))
    .route('/api/occurrences', occurrenceRoutes({ db, cache, sessionStore }))
    .route('/api', areaRoutes(deps))
    .route('/api', venueRoutes(deps))
    .route('/api', organisationRoutes(deps))
    .route('/api', groupRoutes({ ...deps, groupStore, sessionStore }))
    .route('/api', sessionRoutes({ ...deps, sessionStore }))
    .route('/api', userRoutes({ ...deps, publicUrl }))
    .route('/api', authRoutes({ ...deps, publicUrl, trustedProxies, passwords }))
    .route('/api', auditRoutes(deps))
    .route('/api', closureRoutes(deps))
    .route('/api', schoolHolidayRoutes(deps))
    .route('/api', recentChangeRoutes(deps))
    .route('/api', conversationRoutes(deps))
    .route('/api', importRoutes({ ...deps, importer: calendarImporter }))
    .route('/api', exportRoutes({ ...deps, licence: openDataLicence }))
    .route(
      '/api',
      reachRoutes({
        ...deps,
        trustedProxies,
        ...(reachRetentionMonths === undefined ? {} : { retentionMonths: reachRetentionMonths }),
      }),
    )
    .route(
      '/api',
      suggestionRoutes({
        ...deps,
        publicUrl,
        trustedProxies,
        mailer: suggestions.mailer ?? createMemoryMailer().mailer,
        formSecret: suggestions.formSecret ?? null,
        perDay: suggestions.perDay ?? DEFAULT_SUGGESTIONS_PER_DAY,
        ...(suggestions.rate ? { rate: suggestions.rate } : {}),
      }),
    )
    .route('/api', insightRoutes(deps))
    .route('/api', openApiRoutes({ publicUrl }))
    .route('/api', printRoutes({ ...deps, sessionStore, publicUrl }));

  // Open Referral UK open data (/openreferral/…) and calendar feeds (/feeds/…) mount before the
  // front end's catch-all.
  app.route('/openreferral/', openReferralRootRoutes(openDataLicence));
  app.route('/openreferral', openReferralRoutes({ ...deps, publicUrl, licence: openDataLicence }));
  app.route(
    '/',
    feedRoutes({
      db,
      cache,
      sessionStore,
      publicUrl,
      clock,
      chunkIds: feedChunkIds,
      reach: feedReach,
      trustedProxies: trustedProxySet(trustedProxies),
      onWarm: warmFeeds
        ? ({ sessions, ms }) => log.info('feeds warmed', { sessions, ms })
        : undefined,
    }),
  );

  // Short addresses from posters and flyers (/w/be-active/p …) redirect before the front end.
  app.use('*', shortLinkRedirects({ db, sessionStore, clock }));

  // The front end's pages: 200 for the app's addresses (a session's with its Event JSON-LD), and
  // the same shell with a 404 for any other, so the app draws its not-found page.
  const frontEnd = serveFrontEnd(
    staticRoot ?? DEFAULT_STATIC_ROOT,
    createPageAnswers({ db, sessionStore, publicUrl, clock }),
  );
  app.get('*', (c) => (isApiPath(c.req.path) ? c.notFound() : frontEnd(c)));

  app.notFound(answerNothingHere);
  app.onError(errorHandler(log));
  return app;
}

export type App = ReturnType<typeof createApp>;
