import { FeedActions } from './feed-actions.tsx';

export interface FeedPanelProps {
  name: string;
  /** One line under the name: what the feed holds. */
  hint: string;
  path: string;
}

/** One subscribable calendar, folded to its name until opened so the list stays scannable. */
export function FeedPanel({ name, hint, path }: FeedPanelProps) {
  return (
    <details class="pub-feed">
      <summary>
        <span class="pub-feed-name">{name}</span>
        <span class="pub-feed-hint">{hint}</span>
      </summary>
      <FeedActions name={name} path={path} />
    </details>
  );
}
