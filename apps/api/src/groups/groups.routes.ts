import {
  addMonths,
  AudienceSchema,
  checkGroupAges,
  GroupInputSchema,
  londonDateOf,
  PageQueryFields,
  SlugSchema,
  WaySlugSchema,
  type Group,
} from '@fiveways/shared';
import { z } from 'zod';
import { areaExists } from '../areas/areas.queries.ts';
import { loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import type { GroupStore } from '../cache/group-store.ts';
import type { SessionStore } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { memoJsonList, sendJsonList } from '../http/json-list.ts';
import { fieldError, notFound, slugInUse, validationError } from '../http/errors.ts';
import { createFilterCheck } from '../http/filter-references.ts';
import { booleanParam } from '../http/params.ts';
import {
  createRouter,
  sentFields,
  validJson,
  validQuery,
  type RouterDeps,
} from '../http/router.ts';
import { organisationExists } from '../organisations/organisations.queries.ts';
import { venueExists } from '../venues/venues.queries.ts';
import { canManageGroup, GROUP, GROUP_SCOPE, groupRule, ownGroup } from './groups.policy.ts';
import {
  archiveGroup,
  getGroup,
  groupSlugTaken,
  insertGroup,
  listUncheckedGroupSlugs,
  type GroupFilter,
  markGroupChecked,
  updateGroup,
} from './groups.queries.ts';

export const GroupQuerySchema = z.object({
  way: WaySlugSchema.optional(),
  area: SlugSchema.optional(),
  audience: AudienceSchema.optional(),
  free: booleanParam('free').optional(),
  ...PageQueryFields,
});
export const GroupCreateSchema = GroupInputSchema.strict();
export const GroupPatchSchema = GroupInputSchema.omit({ slug: true }).partial().strict();

/** A group's details are due for checking this many months after they last were. */
const CHECK_EVERY_MONTHS = 3;

/** What listGroups' query keeps, for groups held in memory; `areaOf` gives a venue's area. */
function matchesGroupFilter(group: Group, q: GroupFilter, areaOf: ReadonlyMap<string, string>) {
  if (q.way !== undefined && !group.ways.includes(q.way)) return false;
  if (q.audience !== undefined && !group.audiences.includes(q.audience)) return false;
  if (q.free !== undefined && group.cost.free !== q.free) return false;
  if (q.area === undefined) return true;
  const venueArea = group.venueSlug === null ? undefined : areaOf.get(group.venueSlug);
  return venueArea === q.area || group.areaSlugs.includes(q.area);
}

/** 400 naming the field when the venue, an area or the organisation a group names does not exist. */
/** 400 naming maxAge when a group's youngest age is above its oldest. */
function throwIfAgesReversed(group: { minAge: number | null; maxAge: number | null }) {
  const issue = checkGroupAges(group);
  if (issue !== null) throw fieldError(issue.path, issue.message);
}

function checkGroupReferences(
  db: Db,
  group: {
    venueSlug?: string | null | undefined;
    areaSlugs?: string[] | undefined;
    organisationId?: number | null | undefined;
  },
) {
  const { venueSlug, organisationId } = group;
  if (
    organisationId !== undefined &&
    organisationId !== null &&
    !organisationExists(db, organisationId)
  ) {
    throw fieldError('organisationId', `There is no organisation with the id ${organisationId}`);
  }
  if (venueSlug !== undefined && venueSlug !== null && !venueExists(db, venueSlug)) {
    throw fieldError('venueSlug', `There is no venue "${venueSlug}"`);
  }
  group.areaSlugs?.forEach((slug, i) => {
    if (!areaExists(db, slug)) throw fieldError(`areaSlugs.${i}`, `There is no area "${slug}"`);
  });
}

/**
 * Groups: anyone reads them; admins change all, staff those meeting at their venues. Archiving
 * (DELETE) takes a group out of every list and page for good; its slug stays taken.
 */
export function groupRoutes(
  deps: RouterDeps & { groupStore: GroupStore; sessionStore: SessionStore },
) {
  const { db, cache, clock, groupStore, sessionStore } = deps;
  const { requireStaff } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);
  const own = ownGroup(db);
  const checkFilterReferences = createFilterCheck(db, cache);

  return createRouter()
    .get('/groups', validQuery(GroupQuerySchema), async (c) => {
      const q = c.req.valid('query');
      checkFilterReferences(q);
      const filter = JSON.stringify([q.way, q.area, q.audience, q.free]);
      // One list per filter until the next write, from the groups held in memory, built a slice
      // at a time; every page is cut from it.
      const list = await memoJsonList(cache, `groups:${filter}`, 'items', function* (writer) {
        const groups = groupStore.groups();
        const areaOf = new Map(sessionStore.venues().map((v) => [v.slug, v.areaSlug]));
        for (const group of groups) {
          if (matchesGroupFilter(group, q, areaOf)) writer.add(JSON.stringify(group));
          yield;
        }
      });
      return sendJsonList(c, list, q);
    })

    .get('/groups/:slug', (c) => {
      const slug = c.req.param('slug');
      return sendCachedJson(c, cache, `group:${slug}`, () => {
        const group = getGroup(db, slug);
        if (!group) throw notFound('group with that name');
        return group;
      });
    })

    .post('/groups', requireStaff, validJson(GroupCreateSchema), (c) => {
      const staff = c.var.staff;
      const input = c.req.valid('json');
      throwIfAgesReversed(input);
      const group = staffWrite({
        kind: GROUP,
        action: 'create',
        by: staff,
        allowed: groupRule,
        refusal: GROUP_SCOPE,
        change: ({ at, now }) => {
          checkGroupReferences(db, input);
          if (groupSlugTaken(db, input.slug)) throw slugInUse(input.slug, 'group');
          // Whoever adds a group has just checked its details.
          insertGroup(db, { ...input, checkedAt: londonDateOf(now) }, at);
          return input.slug;
        },
      });
      return c.json(group, 201);
    })

    .patch('/groups/:slug', requireStaff, own, validJson(GroupPatchSchema), async (c) => {
      const { staff, before: atStart } = c.var;
      const sent = await sentFields(c, c.req.valid('json'));
      const group = staffWrite({
        kind: GROUP,
        action: 'update',
        by: staff,
        // Merged into the group as it is when the write lands, so a newer change is kept.
        current: () => getGroup(db, atStart.slug),
        allowed: groupRule,
        refusal: 'You can only change groups at, or move them to, the venues you look after',
        change: ({ before, at }) => {
          // GroupInputSchema drops checkedAt and updatedAt: only staff-entered fields are merged.
          const merged = GroupInputSchema.safeParse({ ...before, ...sent });
          if (!merged.success) throw validationError(merged.error, 'body');
          throwIfAgesReversed(merged.data);
          checkGroupReferences(db, sent);
          updateGroup(db, merged.data, at);
          return before.slug;
        },
      });
      return c.json(group);
    })

    .post('/groups/:slug/checked', requireStaff, own, (c) => {
      const { staff, before: atStart } = c.var;
      const group = staffWrite({
        kind: GROUP,
        action: 'checked',
        by: staff,
        current: () => getGroup(db, atStart.slug),
        allowed: groupRule,
        refusal: GROUP_SCOPE,
        change: ({ before, at, now }) => {
          markGroupChecked(db, before.slug, londonDateOf(now), at);
          return before.slug;
        },
      });
      return c.json(group);
    })

    .delete('/groups/:slug', requireStaff, own, (c) => {
      const { staff, before: atStart } = c.var;
      staffWrite({
        kind: GROUP,
        action: 'archive',
        by: staff,
        current: () => getGroup(db, atStart.slug),
        allowed: groupRule,
        refusal: GROUP_SCOPE,
        // An archived group has left view: the audit entry keeps what it was.
        after: 'none',
        change: ({ before, at }) => {
          archiveGroup(db, before.slug, at);
          return before.slug;
        },
      });
      return c.body(null, 204);
    })

    .get('/staff/groups/unchecked', requireStaff, (c) => {
      const staff = c.var.staff;
      const checkedBefore = addMonths(londonDateOf(clock()), -CHECK_EVERY_MONTHS);
      const items = listUncheckedGroupSlugs(db, checkedBefore)
        .map((slug) => getGroup(db, slug))
        .filter((g): g is Group => g !== null && canManageGroup(staff, g));
      return c.json({ items, total: items.length, checkedBefore });
    });
}
