import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useDocumentTitle } from '../../common/use-document-title.ts';
import type { Loaded } from '../../common/use-load.ts';

/** A page's main landmark and heading; the heading takes focus when the page opens. */
export function Page(props: {
  title: string;
  children: ComponentChildren;
  lead?: ComponentChildren;
  narrow?: boolean;
}) {
  useDocumentTitle(props.title, 'Five Ways staff');
  // A new page is announced by moving focus to its heading.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <main id="main" class={props.narrow ? 'staff-main staff-main--narrow' : 'staff-main'}>
      <h1 tabIndex={-1}>{props.title}</h1>
      {props.lead ? <div class="page-lead">{props.lead}</div> : null}
      {props.children}
    </main>
  );
}

/** A polite live message after something worked ("Cancelled. Residents will see it at once."). */
export function Notice({ message }: { message: string }) {
  return (
    <div class="flash" role="status">
      {message}
    </div>
  );
}

/** Shown while something loads, or when it could not be had. */
export function LoadState({ loaded }: { loaded: Exclude<Loaded<unknown>, { status: 'ready' }> }) {
  if (loaded.status === 'loading') return <p role="status">Loading…</p>;
  return (
    <p class="flash flash--error" role="alert">
      {loaded.message}
    </p>
  );
}
