import { buildFeedLinks } from '../feed-links.ts';

export interface SubscribeRowProps {
  /** Visible name of what the feed holds, e.g. "St Barnabas Church Hall" or "Connect". */
  name: string;
  /** One line under the name, e.g. "Every session at this venue". */
  hint: string;
  /** The subscribe link's text, e.g. "Subscribe to this hub". */
  action: string;
  path: string;
}

/** A compact pair of subscribe links for one feed, for a page that is already on the phone. */
export function SubscribeRow({ name, hint, action, path }: SubscribeRowProps) {
  const links = buildFeedLinks(location.origin, path);
  return (
    <li class="pub-subscribe-row">
      <p class="pub-subscribe-what">
        <strong>{name}</strong>
        <span>{hint}</span>
      </p>
      <p class="pub-subscribe-links">
        <a class="pub-button" href={links.webcal} aria-label={`${action}: ${name}`}>
          {action}
        </a>
        <a
          class="pub-button pub-button-secondary"
          href={links.google}
          aria-label={`Add to Google Calendar: ${name}`}
        >
          Add to Google Calendar
        </a>
      </p>
    </li>
  );
}
