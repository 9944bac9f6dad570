import { GroupInputSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { archiveGroup, insertGroup, listGroups, updateGroup } from '../groups/groups.queries.ts';
import { openTestDb, TEST_NOW } from '../test-support.ts';
import { createGroupStore } from './group-store.ts';
import { createReadCache } from './read-cache.ts';

const AT = TEST_NOW.toISOString();

function groupInput(slug: string, name: string) {
  return GroupInputSchema.parse({ slug, name, ways: ['connect'] });
}

describe('createGroupStore', () => {
  it('holds the groups listGroups gives, in its order, and stays so after each write', () => {
    const db = openTestDb();
    const cache = createReadCache();
    const store = createGroupStore(db, cache);
    expect(store.groups()).toEqual(listGroups(db));
    const names = ['Zumba', 'Álgebra Club', 'art club', 'Art Club', '😀 Smiles', 'Knit and Natter'];
    names.forEach((name, i) => {
      insertGroup(db, { ...groupInput(`group-${i}`, name), checkedAt: null }, AT);
      cache.invalidate({ groups: [`group-${i}`] });
      expect(store.groups()).toEqual(listGroups(db));
    });
    updateGroup(db, groupInput('group-0', 'Aardvark Walks'), AT);
    cache.invalidate({ groups: ['group-0'] });
    expect(store.groups()).toEqual(listGroups(db));
    archiveGroup(db, 'young-makers', AT);
    cache.invalidate({ groups: ['young-makers'] });
    expect(store.groups()).toEqual(listGroups(db));
    expect(store.groups().map((g) => g.slug)).not.toContain('young-makers');
  });

  it('leaves a list taken before a write as it was', () => {
    const db = openTestDb();
    const cache = createReadCache();
    const store = createGroupStore(db, cache);
    const before = store.groups();
    const copy = [...before];
    archiveGroup(db, 'young-makers', AT);
    cache.invalidate({ groups: ['young-makers'] });
    expect(store.groups()).not.toBe(before);
    expect(before).toEqual(copy);
  });

  it('reloads everything after a change it cannot name', () => {
    const db = openTestDb();
    const cache = createReadCache();
    const store = createGroupStore(db, cache);
    store.load();
    db.prepare(
      "UPDATE groups SET name = 'Walking Together' WHERE slug = 'walking-for-health'",
    ).run();
    cache.invalidateAll();
    expect(store.groups()).toEqual(listGroups(db));
  });
});
