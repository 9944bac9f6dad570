import type { FollowTarget } from '@fiveways/shared/pages';
import { FollowCode } from './follow-code.tsx';
import { FollowOptions } from './follow-options.tsx';

export interface FeedPanelProps {
  name: string;
  /** One line under the name: what the calendar holds. */
  hint: string;
  target: FollowTarget;
}

/** One calendar to follow, folded to its name until opened so the list stays scannable. */
export function FeedPanel({ name, hint, target }: FeedPanelProps) {
  return (
    <details class="pub-feed">
      <summary>
        <span class="pub-feed-name" dir="auto">
          {name}
        </span>
        <span class="pub-feed-hint">{hint}</span>
      </summary>
      <div class="pub-feed-actions">
        <FollowOptions target={target} name={name} />
        <FollowCode target={target} name={name} />
      </div>
    </details>
  );
}
