import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { useKiosk } from '../kiosk-context.ts';

/** How much must be left below before the cue shows: a sliver is not worth a sign. */
const MIN_HIDDEN_PX = 24;

/**
 * "Scroll down for more" at the foot of the screen's scrolling part while some of it is out of
 * sight: many residents would not otherwise guess that a screen scrolls. Taps pass through it.
 */
export function ScrollCue({
  screen,
  bigText,
  root,
}: {
  screen: unknown;
  bigText: boolean;
  root: RefObject<HTMLElement | null>;
}) {
  const { t } = useKiosk();
  const [bottom, setBottom] = useState<number | null>(null);
  useLayoutEffect(() => {
    const main = root.current?.querySelector<HTMLElement>('main.screen');
    if (!main) {
      setBottom(null);
      return;
    }
    const update = () => {
      const hidden = main.scrollHeight - main.clientHeight - main.scrollTop;
      setBottom(
        hidden > MIN_HIDDEN_PX ? window.innerHeight - main.getBoundingClientRect().bottom : null,
      );
    };
    update();
    const sizes = new ResizeObserver(update);
    sizes.observe(main);
    for (const child of main.children) sizes.observe(child);
    // Content that arrives later ("Show more", "More ways") changes what is out of sight.
    const content = new MutationObserver(() => {
      for (const child of main.children) sizes.observe(child);
      update();
    });
    content.observe(main, { childList: true });
    main.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      sizes.disconnect();
      content.disconnect();
      main.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [screen, bigText, root]);
  if (bottom === null) return null;
  return (
    <p class="scroll-cue" aria-hidden="true" style={{ bottom: `${bottom}px` }}>
      <span class="scroll-cue-arrow">↓</span> {t('scrollForMore')}
    </p>
  );
}
