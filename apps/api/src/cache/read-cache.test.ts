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

describe('the read cache’s byte budget', () => {
  const KB = 1024;
  /** A value that says how big it is. */
  const blob = (bytes: number) => ({ bytes });
  const sizeOf = (b: { bytes: number }) => b.bytes;

  it('keeps what fits, counting each entry by its own estimate', () => {
    const cache = createReadCache({ budgetBytes: 100 * KB });
    cache.memo('a', () => blob(30 * KB), sizeOf);
    cache.memo('b', () => blob(30 * KB), sizeOf);
    expect(cache.bytes()).toBeGreaterThanOrEqual(60 * KB);
    expect(cache.bytes()).toBeLessThan(61 * KB);
  });

  it('lets the least recently used go first when over budget', () => {
    const cache = createReadCache({ budgetBytes: 100 * KB });
    let builds = 0;
    const read = (key: string) => cache.memo(key, () => ((builds += 1), blob(30 * KB)), sizeOf);
    read('a');
    read('b');
    read('c');
    read('a'); // a is now the most recently used
    read('d'); // over budget: b goes, the least recently used
    expect(cache.bytes()).toBeLessThanOrEqual(100 * KB);
    builds = 0;
    read('a');
    read('c');
    read('d');
    expect(builds).toBe(0);
    read('b');
    expect(builds).toBe(1);
  });

  it('keeps nothing bigger than the whole budget, but still answers with it', () => {
    const cache = createReadCache({ budgetBytes: 10 * KB });
    expect(cache.memo('huge', () => blob(20 * KB), sizeOf)).toEqual(blob(20 * KB));
    expect(cache.bytes()).toBe(0);
  });

  it('counts growth when told, and lets older entries go for it', () => {
    const cache = createReadCache({ budgetBytes: 100 * KB });
    cache.memo('old', () => blob(40 * KB), sizeOf);
    const growing = cache.memo('growing', () => blob(40 * KB), sizeOf);
    growing.bytes = 70 * KB; // a compressed form was made
    cache.remeasure('growing');
    expect(cache.bytes()).toBeLessThanOrEqual(100 * KB);
    expect(cache.bytes()).toBeGreaterThanOrEqual(70 * KB);
    let rebuilt = false;
    cache.memo('old', () => ((rebuilt = true), blob(1)), sizeOf);
    expect(rebuilt).toBe(true);
  });

  it('drops memos on a write but keeps lasting entries, both within one budget', () => {
    const cache = createReadCache({ budgetBytes: 100 * KB });
    cache.memo('memo', () => blob(30 * KB), sizeOf);
    const lasting = cache.lasting('feed', () => blob(30 * KB), sizeOf);
    cache.invalidate({ sessions: [1] });
    expect(cache.bytes()).toBeGreaterThanOrEqual(30 * KB);
    expect(cache.bytes()).toBeLessThan(31 * KB);
    expect(cache.lasting('feed', () => blob(1), sizeOf)).toBe(lasting);
    cache.memo('big', () => blob(90 * KB), sizeOf);
    expect(cache.bytes()).toBeLessThanOrEqual(100 * KB);
    expect(cache.lasting('feed', () => blob(1), sizeOf)).not.toBe(lasting);
  });

  it('shares one sliced build among callers, counts it when done, and keeps nothing that failed', async () => {
    const cache = createReadCache({ budgetBytes: 100 * KB });
    let builds = 0;
    const job = function* () {
      builds += 1;
      yield;
      return blob(10 * KB);
    };
    const [a, b] = await Promise.all([
      cache.memoSliced('list', job, sizeOf),
      cache.memoSliced('list', job, sizeOf),
    ]);
    expect(a).toBe(b);
    expect(builds).toBe(1);
    expect(cache.bytes()).toBeGreaterThanOrEqual(10 * KB);

    let fail = true;
    const failing = function* () {
      yield;
      if (fail) throw new Error('no such list');
      return blob(1);
    };
    await expect(cache.memoSliced('bad', failing, sizeOf)).rejects.toThrow('no such list');
    fail = false;
    await expect(cache.memoSliced('bad', failing, sizeOf)).resolves.toEqual(blob(1));
  });
});
