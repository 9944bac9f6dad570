// Open Referral UK 3.0 (HSDS-UK) read API under /openreferral: the directory as services,
// organisations, locations and the Five Ways taxonomy, for link workers' and councils' systems.
// Public, open to every origin, cached like every other read (the answers are memos every write
// drops, keyed by the London day too, since schedules start from today).
import { londonDateOf } from '@fiveways/shared';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { sendCachedJson } from '../http/compressed-body.ts';
import { fieldError, notFound } from '../http/errors.ts';
import { booleanParam } from '../http/params.ts';
import { createRouter, type RouterDeps, validQuery } from '../http/router.ts';
import { buildOrukDirectory, type OrukDirectory } from './oruk-directory.ts';
import { licenceLink, type OpenDataLicence } from './open-data-licence.ts';
import { distanceMetres, placePostcode } from './oruk-postcodes.ts';

/** What GET /openreferral/ says this API is. */
export const ORUK_PROFILE = 'https://openreferraluk.org/specifications/3.0/';
export const ORUK_OPENAPI_URL = 'https://openreferraluk.org/specifications/3.0/openapi.json';
export const ORUK_VERSION = '3.0';

const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 1000;

function wholeNumber(name: string, min: number, max: number) {
  const error = `Give ${name} as a whole number from ${min} to ${max}`;
  return z
    .string({ error })
    .regex(/^\d{1,9}$/, { error })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error });
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuidParam(name: string) {
  return z
    .string()
    .regex(UUID_RE, {
      error: `Give ${name} as a UUID, for example 3f7b145d-84af-42d7-8fae-eaca714b02b2`,
    })
    .transform((s) => s.toLowerCase());
}

const PageFields = {
  page: wholeNumber('page', 1, 10_000_000).optional(),
  per_page: wholeNumber('per_page', 1, MAX_PER_PAGE).optional(),
  format: z.enum(['json'], { error: 'Give format as json (the only format offered)' }).optional(),
};
const SearchFields = {
  text: z.string().max(200, { error: 'Give text of at most 200 characters' }).optional(),
  search: z.string().max(200, { error: 'Give search of at most 200 characters' }).optional(),
};
const FilterFields = {
  taxonomy_term_id: uuidParam('taxonomy_term_id').optional(),
  taxonomy_id: uuidParam('taxonomy_id').optional(),
  organization_id: uuidParam('organization_id').optional(),
  modified_after: z
    .string()
    .refine(
      (s) =>
        /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) &&
        !Number.isNaN(Date.parse(s)),
      {
        error: 'Give modified_after as a date and time, for example 2026-11-01T00:00:00Z',
      },
    )
    .transform((s) => new Date(s).toISOString())
    .optional(),
  full: booleanParam('full').optional(),
  postcode: z
    .string()
    .max(10, { error: 'Give postcode as a UK postcode, for example WR5 1PQ' })
    .optional(),
  proximity: z
    .string()
    .regex(/^\d{1,7}(\.\d+)?$/, {
      error: 'Give proximity as a distance in metres, for example 2000',
    })
    .transform(Number)
    .optional(),
};
const ServiceQuerySchema = z.object({
  ...PageFields,
  ...SearchFields,
  ...FilterFields,
  minimal: booleanParam('minimal').optional(),
});
type ServiceQuery = z.infer<typeof ServiceQuerySchema>;
const ServiceAtLocationQuerySchema = z.object({ ...PageFields, ...SearchFields, ...FilterFields });
const OrganizationQuerySchema = z.object({
  ...PageFields,
  ...SearchFields,
  full: booleanParam('full').optional(),
  full_service: booleanParam('full_service').optional(),
});
const TaxonomyQuerySchema = z.object({ ...PageFields, ...SearchFields });
const TaxonomyTermQuerySchema = z.object({
  ...PageFields,
  ...SearchFields,
  taxonomy_id: uuidParam('taxonomy_id').optional(),
  top_only: booleanParam('top_only').optional(),
  parent_id: uuidParam('parent_id').optional(),
});

interface Paging {
  page?: number | undefined;
  per_page?: number | undefined;
}

/** A page of a list with the header every ORUK list carries. */
function pageOf<T>(items: readonly T[], q: Paging) {
  const perPage = q.per_page ?? DEFAULT_PER_PAGE;
  const page = q.page ?? 1;
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((page - 1) * perPage, page * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

function searchTermOf(q: { text?: string | undefined; search?: string | undefined }) {
  const term = (q.text ?? q.search ?? '').trim().toLowerCase();
  return term === '' ? null : term;
}

function matches(haystack: string, term: string | null): boolean {
  return term === null || haystack.includes(term);
}

/**
 * Every origin may read the open data (the UK profile asks for it on every answer), and every
 * answer names the licence it is offered under.
 */
function openToAll(licence: OpenDataLicence) {
  const link = licenceLink(licence);
  return createMiddleware(async (c, next) => {
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Link', link);
  });
}

/** The whole query, in a fixed order, for a cache key. */
function keyOf(c: Context, q: object): string {
  return `oruk:${c.req.path}:${JSON.stringify(Object.entries(q).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/** The services a list query keeps, nearest first when a postcode is given. */
function filterServices(
  dir: OrukDirectory,
  q: ServiceQuery | z.infer<typeof ServiceAtLocationQuerySchema>,
) {
  if (q.proximity !== undefined && q.postcode === undefined) {
    throw fieldError(
      'postcode',
      'Give a postcode with proximity: the distance is measured from it',
    );
  }
  const term = searchTermOf(q);
  const taxonomyOk = q.taxonomy_id === undefined || q.taxonomy_id === dir.taxonomy.id;
  const place = q.postcode === undefined ? null : placePostcode(dir, q.postcode);
  const kept = dir.services.filter(
    (s) =>
      taxonomyOk &&
      (q.taxonomy_id === undefined || s.termIds.size > 0) &&
      (q.taxonomy_term_id === undefined || s.termIds.has(q.taxonomy_term_id)) &&
      (q.organization_id === undefined || s.organizationId === q.organization_id) &&
      (q.modified_after === undefined || s.lastModified >= q.modified_after) &&
      matches(s.searchText, term),
  );
  return { kept, place };
}

/** GET /openreferral/ (with or without the slash): what this API is (api_details.json). */
function answerApiDetails(c: Context): Response {
  return c.json({ version: ORUK_VERSION, profile: ORUK_PROFILE, openapi_url: ORUK_OPENAPI_URL });
}

/** GET /openreferral/, the root with its slash as partners write it (mounted at '/openreferral/'). */
export function openReferralRootRoutes(licence: OpenDataLicence) {
  return createRouter().use('*', openToAll(licence)).get('/', answerApiDetails);
}

export function openReferralRoutes(
  deps: RouterDeps & { publicUrl: string; licence: OpenDataLicence },
) {
  const { db, cache, clock, publicUrl, licence } = deps;

  function directory(): OrukDirectory {
    const now = clock();
    return cache.memo(
      `oruk:directory:${londonDateOf(now)}`,
      () => buildOrukDirectory(db, now, publicUrl),
      (dir) => dir.approxBytes,
    );
  }

  /** The answer for this query, built once per version of the data and London day. */
  function answer(c: Context, q: object, build: (dir: OrukDirectory) => unknown) {
    const day = londonDateOf(clock());
    return sendCachedJson(c, cache, `${day}:${keyOf(c, q)}`, () => build(directory()));
  }

  return (
    createRouter()
      .use('*', openToAll(licence))
      .get('/', answerApiDetails)
      // The root with its slash, as partners write it: /openreferral/
      .get('//', answerApiDetails)

      .get('/services', validQuery(ServiceQuerySchema), (c) => {
        const q = c.req.valid('query');
        return answer(c, q, (dir) => {
          const { kept, place } = filterServices(dir, q);
          let list = kept;
          if (place !== null) {
            const near = kept.map((s) => ({
              s,
              d: Math.min(...s.venues.map((v) => distanceMetres(place, v))),
            }));
            list = near
              .filter(({ d }) => q.proximity === undefined || d <= q.proximity)
              .sort((a, b) => a.d - b.d)
              .map(({ s }) => s);
          }
          if (q.minimal === true) {
            return pageOf(
              list.map((s) => ({
                id: s.id,
                name: s.brief.name,
                status: s.brief.status,
                last_modified: s.brief.last_modified,
              })),
              q,
            );
          }
          return pageOf(
            list.map((s) => (q.full === true ? s.full : s.brief)),
            q,
          );
        });
      })

      .get('/services/:id', (c) => {
        const id = c.req.param('id').toLowerCase();
        return answer(c, { id }, (dir) => {
          const service = dir.services.find((s) => s.id === id);
          if (service === undefined) throw notFound('service with that id');
          return service.full;
        });
      })

      .get('/service_at_locations', validQuery(ServiceAtLocationQuerySchema), (c) => {
        const q = c.req.valid('query');
        return answer(c, q, (dir) => {
          const { kept, place } = filterServices(dir, q);
          const services = new Set(kept);
          let list = dir.serviceAtLocations.filter((sal) => services.has(sal.service));
          if (place !== null) {
            list = list
              .map((sal) => ({ sal, d: distanceMetres(place, sal.venue) }))
              .filter(({ d }) => q.proximity === undefined || d <= q.proximity)
              .sort((a, b) => a.d - b.d)
              .map(({ sal }) => sal);
          }
          return pageOf(
            list.map((sal) => (q.full === true ? sal.full : sal.brief)),
            q,
          );
        });
      })

      .get('/service_at_locations/:id', (c) => {
        const id = c.req.param('id').toLowerCase();
        return answer(c, { id }, (dir) => {
          const sal = dir.serviceAtLocations.find((s) => s.id === id);
          if (sal === undefined) throw notFound('service at a location with that id');
          return sal.full;
        });
      })

      .get('/organizations', validQuery(OrganizationQuerySchema), (c) => {
        const q = c.req.valid('query');
        return answer(c, q, (dir) => {
          const term = searchTermOf(q);
          const list = dir.organizations.filter((o) =>
            matches(`${o.name}\n${o.description}`.toLowerCase(), term),
          );
          // organization_list.json has no paging header: a page of the list is all it holds.
          const perPage = q.per_page ?? MAX_PER_PAGE;
          const page = q.page ?? 1;
          return {
            contents: list
              .slice((page - 1) * perPage, page * perPage)
              .map(({ organization_identifiers: _, ...o }) => o),
          };
        });
      })

      .get('/organizations/:id', (c) => {
        const id = c.req.param('id').toLowerCase();
        return answer(c, { id }, (dir) => {
          const org = dir.organizations.find((o) => o.id === id);
          if (org === undefined) throw notFound('organization with that id');
          return org;
        });
      })

      .get('/taxonomies', validQuery(TaxonomyQuerySchema), (c) => {
        const q = c.req.valid('query');
        return answer(c, q, (dir) => {
          const term = searchTermOf(q);
          const text = `${String(dir.taxonomy.name)}\n${String(dir.taxonomy.description)}`;
          return pageOf(matches(text.toLowerCase(), term) ? [dir.taxonomy] : [], q);
        });
      })

      .get('/taxonomies/:id', (c) => {
        const id = c.req.param('id').toLowerCase();
        return answer(c, { id }, (dir) => {
          if (id !== dir.taxonomy.id) throw notFound('taxonomy with that id');
          return { ...dir.taxonomy, taxonomy_terms: dir.terms };
        });
      })

      .get('/taxonomy_terms', validQuery(TaxonomyTermQuerySchema), (c) => {
        const q = c.req.valid('query');
        return answer(c, q, (dir) => {
          const term = searchTermOf(q);
          const list = dir.terms.filter(
            (t) =>
              (q.taxonomy_id === undefined || q.taxonomy_id === t.taxonomy_id) &&
              // The five ways are one level: no term has a parent.
              q.parent_id === undefined &&
              matches(`${t.name}\n${t.description}`.toLowerCase(), term),
          );
          return pageOf(list, q);
        });
      })

      .get('/taxonomy_terms/:id', (c) => {
        const id = c.req.param('id').toLowerCase();
        return answer(c, { id }, (dir) => {
          const found = dir.terms.find((t) => t.id === id);
          if (found === undefined) throw notFound('taxonomy term with that id');
          return found;
        });
      })

      .all('*', () => {
        throw notFound('open data record at that address');
      })
  );
}
