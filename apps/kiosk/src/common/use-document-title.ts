import { useEffect } from 'preact/hooks';

/** Names the browser tab (and the page, for screen readers) after what it shows. */
export function useDocumentTitle(title: string, siteName = 'Five Ways Worcester'): void {
  useEffect(() => {
    document.title = title === '' ? siteName : `${title} – ${siteName}`;
  }, [title, siteName]);
}
