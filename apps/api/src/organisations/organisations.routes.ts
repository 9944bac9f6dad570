import { OrganisationInputSchema, type Organisation } from '@fiveways/shared';
import { createMiddleware } from 'hono/factory';
import { adminOnly, loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { notFound, validationError } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import {
  createRouter,
  type RouterDeps,
  sentFields,
  validJson,
  validParams,
} from '../http/router.ts';
import { ORGANISATION } from './organisations.policy.ts';
import {
  getOrganisation,
  insertOrganisation,
  listOrganisations,
  updateOrganisation,
} from './organisations.queries.ts';

export const OrganisationCreateSchema = OrganisationInputSchema.strict();
export const OrganisationPatchSchema = OrganisationInputSchema.partial().strict();

/** The organisation the path names, for the route behind it; 404 when there is none. */
function namedOrganisation(db: Db) {
  return createMiddleware<{ Variables: { before: Organisation } }>(
    async function namedOrganisation(c, next) {
      const parsed = IdParamSchema.safeParse({ id: c.req.param('id') });
      if (!parsed.success) throw validationError(parsed.error, 'path');
      const organisation = getOrganisation(db, parsed.data.id);
      if (organisation === null) throw notFound('organisation with that id');
      c.set('before', organisation);
      await next();
    },
  );
}

/** Organisations that run groups: anyone reads them; admins add and change them. */
export function organisationRoutes(deps: RouterDeps) {
  const { db, cache } = deps;
  const { requireAdmin } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);

  return createRouter()
    .get('/organisations', (c) =>
      sendCachedJson(c, cache, 'organisations', () => listOrganisations(db)),
    )

    .get('/organisations/:id', validParams(IdParamSchema), (c) => {
      const { id } = c.req.valid('param');
      return sendCachedJson(c, cache, `organisation:${id}`, () => {
        const organisation = getOrganisation(db, id);
        if (!organisation) throw notFound('organisation with that id');
        return organisation;
      });
    })

    .post('/organisations', requireAdmin, validJson(OrganisationCreateSchema), (c) => {
      const input = c.req.valid('json');
      const organisation = staffWrite({
        kind: ORGANISATION,
        action: 'create',
        by: c.var.staff,
        allowed: adminOnly,
        change: ({ at }) => insertOrganisation(db, input, at),
      });
      return c.json(organisation, 201);
    })

    .patch(
      '/organisations/:id',
      requireAdmin,
      namedOrganisation(db),
      validJson(OrganisationPatchSchema),
      async (c) => {
        const { staff: admin, before: atStart } = c.var;
        const sent = await sentFields(c, c.req.valid('json'));
        const organisation = staffWrite({
          kind: ORGANISATION,
          action: 'update',
          by: admin,
          current: () => getOrganisation(db, atStart.id),
          allowed: adminOnly,
          change: ({ before, at }) => {
            const merged = OrganisationInputSchema.safeParse({ ...before, ...sent });
            if (!merged.success) throw validationError(merged.error, 'body');
            updateOrganisation(db, before.id, merged.data, at);
            return before.id;
          },
        });
        return c.json(organisation);
      },
    );
}
