import { useEffect, useRef, useState } from 'preact/hooks';

export const WARNING_SECONDS = 30;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export interface IdleState {
  /** Seconds left on the "Are you still there?" countdown, or null when it is not showing. */
  secondsLeft: number | null;
  /** "I need more time": hides the warning and starts the wait again; usable any number of times. */
  extend: () => void;
}

/**
 * Watches for touches. After `limitMs` without one it shows a 30 s countdown; when that ends it
 * calls `onTimeout`. A one-second tick keeps it cheap and lets tests drive it with a fake clock.
 */
export function useIdle(limitMs: number, onTimeout: () => void): IdleState {
  const lastActivity = useRef(Date.now());
  const warningSince = useRef<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const timeout = useRef(onTimeout);
  timeout.current = onTimeout;
  const limit = useRef(limitMs);
  limit.current = limitMs;

  useEffect(() => {
    const touched = () => {
      if (warningSince.current === null) lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) document.addEventListener(name, touched, true);
    const tick = setInterval(() => {
      const now = Date.now();
      if (warningSince.current === null) {
        if (now - lastActivity.current >= limit.current) {
          warningSince.current = now;
          setSecondsLeft(WARNING_SECONDS);
        }
        return;
      }
      const left = WARNING_SECONDS - Math.floor((now - warningSince.current) / 1000);
      if (left <= 0) {
        warningSince.current = null;
        setSecondsLeft(null);
        timeout.current();
      } else {
        setSecondsLeft(left);
      }
    }, 1000);
    return () => {
      clearInterval(tick);
      for (const name of ACTIVITY_EVENTS) document.removeEventListener(name, touched, true);
    };
  }, []);

  // A new screen counts as a touch (it came from one).
  useEffect(() => {
    lastActivity.current = Date.now();
  }, [limitMs]);

  return {
    secondsLeft,
    extend: () => {
      warningSince.current = null;
      lastActivity.current = Date.now();
      setSecondsLeft(null);
    },
  };
}
