import { useEffect, useState } from 'preact/hooks';
import { request, readJson } from '../../common/api-client.ts';

const CHANGED = 'fiveways:suggestions-changed';

/** Tells the menu's count that a suggestion was made or decided. */
export function announceSuggestionsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

async function fetchNewCount(signal: AbortSignal): Promise<number> {
  const path = '/api/staff/suggestions/new-count';
  const answer = await readJson(await request('GET', path, { signal }), path);
  const count = (answer as { newCount?: unknown } | null)?.newCount;
  return typeof count === 'number' ? count : 0;
}

/**
 * How many suggestions wait for a decision, beside the menu's Suggestions link; read again on
 * every page change and after a decision. Nothing is shown when none wait (or it cannot load).
 */
export function SuggestionsCount({ path }: { path: string }) {
  const [count, setCount] = useState(0);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const bump = () => setChanges((n) => n + 1);
    window.addEventListener(CHANGED, bump);
    return () => window.removeEventListener(CHANGED, bump);
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    fetchNewCount(controller.signal).then(setCount, () => undefined);
    return () => controller.abort();
  }, [path, changes]);
  if (count === 0) return null;
  return (
    <span class="nav-count">
      {' '}
      {count}
      <span class="visually-hidden"> new</span>
    </span>
  );
}
