import type { ComponentChildren } from 'preact';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** A page's main landmark and heading; the heading takes focus when the page opens. */
export function Page(props: {
  title: string;
  children: ComponentChildren;
  lead?: ComponentChildren;
  narrow?: boolean;
}) {
  usePageTitle(props.title);
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

/** Shown while a list loads, or when it failed. */
export function LoadState({ state, message }: { state: 'loading' | 'error'; message?: string }) {
  if (state === 'loading') return <p role="status">Loading…</p>;
  return (
    <p class="flash flash--error" role="alert">
      {message ?? 'This could not be loaded.'}
    </p>
  );
}
