// Groups held in memory for the read side, in the order the list shows them, loaded once and then
// kept current one group at a time: a write to one group reloads that group, not every group.

import type { Group } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';
import { getGroup, listGroups } from '../groups/groups.queries.ts';
import type { DataChange, ReadCache } from './read-cache.ts';
import { compareText } from './text-order.ts';

export interface GroupStore {
  /** Loads every group now if not yet loaded: at start-up, not in the first request. */
  load(this: void): void;
  /**
   * The groups not archived, by name then slug (as listGroups orders them). Later writes leave
   * this list alone: a group that changed is a new object in a new list.
   */
  groups(this: void): readonly Group[];
}

/** listGroups' order: name, then slug, as SQLite compares text. */
export function compareGroups(a: Group, b: Group): number {
  return compareText(a.name, b.name) || compareText(a.slug, b.slug);
}

/** Where `group` goes in `sorted` to keep it in order. */
function insertionPoint(sorted: readonly Group[], group: Group): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid];
    if (at !== undefined && compareGroups(at, group) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The store over `db`, told of every write through `cache`; one per app (see createApp). */
export function createGroupStore(db: Db, cache: ReadCache): GroupStore {
  let sorted: Group[] | null = null;
  let bySlug = new Map<string, Group>();
  const dirty = new Set<string>();

  cache.subscribe((change: DataChange | null) => {
    if (change === null) {
      sorted = null;
      dirty.clear();
      return;
    }
    for (const slug of change.groups ?? []) dirty.add(slug);
  });

  function current(): Group[] {
    if (sorted === null) {
      sorted = listGroups(db);
      bySlug = new Map(sorted.map((g) => [g.slug, g]));
      dirty.clear();
      return sorted;
    }
    if (dirty.size === 0) return sorted;
    // A new array, so a list taken before this write stays as it was.
    const next = [...sorted];
    for (const slug of dirty) {
      const old = bySlug.get(slug);
      if (old !== undefined) {
        next.splice(insertionPoint(next, old), 1);
        bySlug.delete(slug);
      }
      const group = getGroup(db, slug);
      if (group !== null) {
        next.splice(insertionPoint(next, group), 0, group);
        bySlug.set(slug, group);
      }
    }
    dirty.clear();
    sorted = next;
    return sorted;
  }

  return { load: () => void current(), groups: current };
}
