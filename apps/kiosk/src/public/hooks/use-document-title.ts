import { useEffect } from 'preact/hooks';

const SITE_NAME = 'Five Ways Worcester';

/** Names the browser tab (and the page, for screen readers) after what it shows. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? SITE_NAME : `${title} – ${SITE_NAME}`;
  }, [title]);
}
