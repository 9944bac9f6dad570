import { describe, expect, it } from 'vitest';
import { createReadCache, type DataChange } from './read-cache.ts';

describe('createReadCache', () => {
  it('keeps a memo until the next invalidation, whichever kind', () => {
    const cache = createReadCache();
    let builds = 0;
    const read = () => cache.memo('k', () => (builds += 1));
    expect([read(), read()]).toEqual([1, 1]);
    cache.invalidate({});
    expect(read()).toBe(2);
    cache.invalidateAll();
    expect(read()).toBe(3);
  });

  it('raises the version and tells listeners exactly what changed, or null for anything', () => {
    const cache = createReadCache();
    const heard: (DataChange | null)[] = [];
    cache.subscribe((change) => heard.push(change));
    const first = cache.version();
    cache.invalidate({ sessions: [3] });
    cache.invalidate({ venues: ['hall'] });
    cache.invalidateAll();
    expect(cache.version()).toBe(first + 3);
    expect(heard).toEqual([{ sessions: [3] }, { venues: ['hall'] }, null]);
  });
});
