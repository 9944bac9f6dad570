import { useCallback, useEffect, useState } from 'preact/hooks';
import { messageOf } from '../staff-api.ts';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/** Runs a loader when its key changes; `reload` runs it again after a write. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => Promise<void>] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const run = useCallback(async () => {
    try {
      setResult({ state: 'ready', data: await load() });
    } catch (error) {
      setResult({ state: 'error', message: messageOf(error) });
    }
    // The key stands for everything the loader reads.
  }, [key]);
  useEffect(() => {
    setResult({ state: 'loading' });
    void run();
  }, [run]);
  return [result, run];
}
