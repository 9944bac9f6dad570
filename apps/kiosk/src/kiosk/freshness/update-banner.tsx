import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { useKiosk, type Screen } from '../kiosk-context.ts';
import { occurrenceKey, type NewCancellation } from './fresh-data.ts';

/**
 * Says so when a date the resident is looking at was cancelled after the screen opened: only for
 * dates this screen shows (marked `data-occurrence`); the next screen shows them as cancelled.
 */
export function UpdateBanner({
  cancellations,
  screen,
  root,
}: {
  cancellations: readonly NewCancellation[];
  screen: Screen;
  root: RefObject<HTMLElement | null>;
}) {
  const { t, directory, longDay } = useKiosk();
  const [onScreen, setOnScreen] = useState<NewCancellation[]>([]);
  useLayoutEffect(() => {
    const shown = new Set(
      [...(root.current?.querySelectorAll('[data-occurrence]') ?? [])].map((el) =>
        el.getAttribute('data-occurrence'),
      ),
    );
    setOnScreen(cancellations.filter((c) => shown.has(occurrenceKey(c.sessionId, c.date))));
  }, [cancellations, screen, root]);
  if (onScreen.length === 0) return null;
  return (
    <div class="update-banner" role="alert">
      {onScreen.map((c) => {
        const title = directory?.sessions.find((s) => s.id === c.sessionId)?.title ?? '';
        return (
          <p key={occurrenceKey(c.sessionId, c.date)}>
            <strong>{t('nowCancelled', { title, date: longDay(c.date) })}</strong>
            {c.reason ? ` ${t('cancelledReason', { reason: c.reason })}` : ''}
          </p>
        );
      })}
    </div>
  );
}
