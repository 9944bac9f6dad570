import {
  AreaSchema,
  daysInMonth,
  GroupInputSchema,
  londonDateOf,
  splitDate,
  VenueSchema,
  type Group,
  type Venue,
} from '@fiveways/shared';
import { Hono } from 'hono';
import { insertArea } from '../areas/areas.queries.ts';
import type { DataChange } from '../cache/read-cache.ts';
import { recordAudit, type AuditRecord } from '../audit/audit.queries.ts';
import { apiError, forbidden, notFound, validationError } from '../auth/errors.ts';
import { readBody, sentFields } from '../auth/read-body.ts';
import {
  canManageVenue,
  currentStaff,
  requireAdmin,
  requireStaff,
  type StaffEnv,
} from '../auth/staff-auth.ts';
import type { StaffUser } from '../auth/users.queries.ts';
import type { Db } from '../db/open-db.ts';
import { getGroup, insertGroup } from '../groups/groups.queries.ts';
import { venueEditChangesEvents } from '../feeds/render-calendar.ts';
import { touchSessionsShowingVenue, venueExists } from '../sessions/session-writes.queries.ts';
import { getVenue, insertVenue } from '../venues/venues.queries.ts';
import {
  archiveGroup,
  areaExists,
  getArea,
  listUncheckedGroupSlugs,
  markGroupChecked,
  nextAreaSortOrder,
  slugTaken,
  updateArea,
  updateGroup,
  updateVenue,
} from './directory-writes.queries.ts';
import type { StaffDeps } from './staff-deps.ts';

const GroupCreateSchema = GroupInputSchema.strict();
const GroupPatchSchema = GroupInputSchema.omit({ slug: true }).partial().strict();
const VenueCreateSchema = VenueSchema.strict();
const VenuePatchSchema = VenueSchema.omit({ slug: true }).partial().strict();
const AreaCreateSchema = AreaSchema.strict();
const AreaPatchSchema = AreaSchema.omit({ slug: true }).partial().strict();

function badReference(path: string, message: string) {
  return apiError(400, 'invalid_request', `${path}: ${message}`, [{ path, message }]);
}

function slugInUse(slug: string, what: string) {
  const message = `There is already a ${what} called "${slug}"; choose another short name`;
  return apiError(409, 'slug_taken', message, [{ path: 'slug', message }]);
}

/** The same date three calendar months earlier (31 May → 28/29 Feb). */
export function threeMonthsBefore(date: string): string {
  const { year, month, day } = splitDate(date);
  const index = year * 12 + (month - 1) - 3;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function checkGroupReferences(
  db: Db,
  group: { venueSlug?: string | null | undefined; areaSlugs?: string[] | undefined },
) {
  if (
    group.venueSlug !== undefined &&
    group.venueSlug !== null &&
    !venueExists(db, group.venueSlug)
  ) {
    throw badReference('venueSlug', `There is no venue "${group.venueSlug}"`);
  }
  group.areaSlugs?.forEach((slug, i) => {
    if (!areaExists(db, slug)) throw badReference(`areaSlugs.${i}`, `There is no area "${slug}"`);
  });
}

function mustGetGroup(db: Db, slug: string): Group {
  const group = getGroup(db, slug);
  if (!group) throw new Error(`Group ${slug} vanished inside its own transaction`);
  return group;
}

function mustGetVenue(db: Db, slug: string): Venue {
  const venue = getVenue(db, slug);
  if (!venue) throw new Error(`Venue ${slug} vanished inside its own transaction`);
  return venue;
}

const GROUP_SCOPE =
  'You can only change groups that meet at the venues you look after; ask an admin';

function canManageGroup(staff: StaffUser, group: { venueSlug: string | null }): boolean {
  return canManageVenue(staff, group.venueSlug);
}

export function directoryWriteRoutes({ db, cache, clock }: StaffDeps) {
  const app = new Hono<StaffEnv>();

  /** Runs the write in one transaction, then drops cached read output; `change` says what moved. */
  function write<T>(work: () => T, change: DataChange = {}): T {
    const result = db.transaction(work).immediate();
    cache.invalidate(change);
    return result;
  }

  function audit(staff: StaffUser, at: string, entry: Omit<AuditRecord, 'userId' | 'at'>) {
    recordAudit(db, { userId: staff.id, at, ...entry });
  }

  function loadGroup(staff: StaffUser, slug: string): Group {
    const group = getGroup(db, slug);
    if (!group) throw notFound('group');
    if (!canManageGroup(staff, group)) throw forbidden(GROUP_SCOPE);
    return group;
  }

  // Groups: admins all; staff those meeting at their venues.

  app.post('/api/groups', requireStaff, async (c) => {
    const staff = currentStaff(c);
    const { data } = await readBody(c, GroupCreateSchema);
    checkGroupReferences(db, data);
    if (!canManageGroup(staff, data)) throw forbidden(GROUP_SCOPE);
    if (slugTaken(db, 'groups', data.slug)) throw slugInUse(data.slug, 'group');
    const now = clock();
    const at = now.toISOString();
    const group = write(() => {
      // Whoever adds a group has just checked its details.
      insertGroup(db, { ...data, checkedAt: londonDateOf(now) }, at);
      const after = mustGetGroup(db, data.slug);
      audit(staff, at, {
        action: 'group.create',
        entity: 'group',
        entityId: data.slug,
        before: null,
        after,
      });
      return after;
    });
    return c.json(group, 201);
  });

  app.patch('/api/groups/:slug', requireStaff, async (c) => {
    const staff = currentStaff(c);
    const before = loadGroup(staff, c.req.param('slug'));
    const { data, raw } = await readBody(c, GroupPatchSchema);
    const sent = sentFields(data, raw);
    // GroupInputSchema drops checkedAt and updatedAt: only staff-entered fields are merged.
    const merged = GroupInputSchema.safeParse({ ...before, ...sent });
    if (!merged.success) throw validationError(merged.error);
    checkGroupReferences(db, sent);
    if (!canManageGroup(staff, merged.data)) {
      throw forbidden('You can only move a group to a venue you look after');
    }
    const at = clock().toISOString();
    const group = write(() => {
      updateGroup(db, merged.data, at);
      const after = mustGetGroup(db, before.slug);
      audit(staff, at, {
        action: 'group.update',
        entity: 'group',
        entityId: before.slug,
        before,
        after,
      });
      return after;
    });
    return c.json(group);
  });

  app.post('/api/groups/:slug/checked', requireStaff, (c) => {
    const staff = currentStaff(c);
    const before = loadGroup(staff, c.req.param('slug'));
    const now = clock();
    const at = now.toISOString();
    const group = write(() => {
      markGroupChecked(db, before.slug, londonDateOf(now), at);
      const after = mustGetGroup(db, before.slug);
      audit(staff, at, {
        action: 'group.checked',
        entity: 'group',
        entityId: before.slug,
        before,
        after,
      });
      return after;
    });
    return c.json(group);
  });

  app.delete('/api/groups/:slug', requireStaff, (c) => {
    const staff = currentStaff(c);
    const before = loadGroup(staff, c.req.param('slug'));
    const at = clock().toISOString();
    write(() => {
      archiveGroup(db, before.slug, at);
      audit(staff, at, {
        action: 'group.archive',
        entity: 'group',
        entityId: before.slug,
        before,
        after: null,
      });
    });
    return c.body(null, 204);
  });

  app.get('/api/staff/groups/unchecked', requireStaff, (c) => {
    const staff = currentStaff(c);
    const cutoff = threeMonthsBefore(londonDateOf(clock()));
    const items = listUncheckedGroupSlugs(db, cutoff)
      .map((slug) => getGroup(db, slug))
      .filter((g): g is Group => g !== null && canManageGroup(staff, g));
    return c.json({ items, total: items.length, checkedBefore: cutoff });
  });

  // Venues and areas: admins only.

  app.post('/api/venues', requireAdmin, async (c) => {
    const staff = currentStaff(c);
    const { data } = await readBody(c, VenueCreateSchema);
    if (!areaExists(db, data.areaSlug)) {
      throw badReference('areaSlug', `There is no area "${data.areaSlug}"`);
    }
    if (slugTaken(db, 'venues', data.slug)) throw slugInUse(data.slug, 'venue');
    const at = clock().toISOString();
    const venue = write(
      () => {
        insertVenue(db, data, at);
        const after = mustGetVenue(db, data.slug);
        audit(staff, at, {
          action: 'venue.create',
          entity: 'venue',
          entityId: data.slug,
          before: null,
          after,
        });
        return after;
      },
      { venues: [data.slug] },
    );
    return c.json(venue, 201);
  });

  app.patch('/api/venues/:slug', requireAdmin, async (c) => {
    const staff = currentStaff(c);
    const before = getVenue(db, c.req.param('slug'));
    if (!before) throw notFound('venue');
    const { data, raw } = await readBody(c, VenuePatchSchema);
    const merged = VenueSchema.safeParse({ ...before, ...sentFields(data, raw) });
    if (!merged.success) throw validationError(merged.error);
    if (!areaExists(db, merged.data.areaSlug)) {
      throw badReference('areaSlug', `There is no area "${merged.data.areaSlug}"`);
    }
    const at = clock().toISOString();
    const venue = write(
      () => {
        updateVenue(db, merged.data, at);
        if (venueEditChangesEvents(before, merged.data)) {
          touchSessionsShowingVenue(db, before.slug, at);
        }
        const after = mustGetVenue(db, before.slug);
        audit(staff, at, {
          action: 'venue.update',
          entity: 'venue',
          entityId: before.slug,
          before,
          after,
        });
        return after;
      },
      { venues: [before.slug] },
    );
    return c.json(venue);
  });

  app.post('/api/areas', requireAdmin, async (c) => {
    const staff = currentStaff(c);
    const { data } = await readBody(c, AreaCreateSchema);
    if (slugTaken(db, 'areas', data.slug)) throw slugInUse(data.slug, 'area');
    const at = clock().toISOString();
    write(() => {
      insertArea(db, data, nextAreaSortOrder(db), at);
      audit(staff, at, {
        action: 'area.create',
        entity: 'area',
        entityId: data.slug,
        before: null,
        after: data,
      });
    });
    return c.json(getArea(db, data.slug), 201);
  });

  app.patch('/api/areas/:slug', requireAdmin, async (c) => {
    const staff = currentStaff(c);
    const before = getArea(db, c.req.param('slug'));
    if (!before) throw notFound('area');
    const { data, raw } = await readBody(c, AreaPatchSchema);
    const merged = AreaSchema.safeParse({ ...before, ...sentFields(data, raw) });
    if (!merged.success) throw validationError(merged.error);
    const at = clock().toISOString();
    write(() => {
      updateArea(db, merged.data, at);
      audit(staff, at, {
        action: 'area.update',
        entity: 'area',
        entityId: before.slug,
        before,
        after: merged.data,
      });
    });
    return c.json(merged.data);
  });

  return app;
}
