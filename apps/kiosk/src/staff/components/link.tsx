import type { ComponentChildren } from 'preact';

/**
 * A link inside the staff area. The router (preact-iso's LocationProvider) follows it without a
 * page load; modifier clicks still open tabs.
 */
export function Link(props: {
  href: string;
  children: ComponentChildren;
  class?: string;
  current?: boolean;
}) {
  return (
    <a href={props.href} class={props.class} aria-current={props.current ? 'page' : undefined}>
      {props.children}
    </a>
  );
}
