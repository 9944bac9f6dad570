import { useEffect } from 'preact/hooks';

/** Sets the tab title and moves focus to the page's heading, so a new page is announced. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Five Ways staff`;
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus({ preventScroll: true });
  }, [title]);
}
