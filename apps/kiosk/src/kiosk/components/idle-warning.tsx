import { useEffect, useRef } from 'preact/hooks';
import { useKiosk } from '../kiosk-context.ts';

/** Full-screen "Are you still there?" with the countdown and one big button. */
export function IdleWarning({
  secondsLeft,
  onMoreTime,
}: {
  secondsLeft: number;
  onMoreTime: () => void;
}) {
  const { t } = useKiosk();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div
      class="overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      aria-describedby="idle-count"
    >
      <div class="overlay-box">
        <h2 id="idle-title">{t('stillThere')}</h2>
        <p id="idle-count" class="countdown" aria-live="polite">
          {t('countdown', { n: secondsLeft })}
        </p>
        <button ref={button} type="button" class="primary huge" onClick={onMoreTime}>
          {t('moreTime')}
        </button>
      </div>
    </div>
  );
}
