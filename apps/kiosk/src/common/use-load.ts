import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api-client.ts';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'not-found'; message: string }
  | { status: 'error'; message: string };

function failed(error: unknown): Loaded<never> {
  if (error instanceof ApiError && error.status === 404) {
    return { status: 'not-found', message: error.message };
  }
  return { status: 'error', message: messageOf(error) };
}

/**
 * Runs `load` when `key` (which stands for everything it reads) changes, and again on `reload`
 * (after a write, keeping what is shown until the answer comes). Each run aborts the one before,
 * so an older answer can never overwrite a newer one; leaving the page aborts the last.
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const latest = useRef(load);
  latest.current = load;
  const running = useRef<AbortController | null>(null);

  const run = useCallback(async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    try {
      const data = await latest.current(controller.signal);
      if (!controller.signal.aborted) setState({ status: 'ready', data });
    } catch (error) {
      if (!controller.signal.aborted) setState(failed(error));
    }
  }, []);

  useEffect(() => {
    setState({ status: 'loading' });
    void run();
    return () => running.current?.abort();
  }, [key, run]);

  return [state, run];
}
