import type { FollowTarget } from '@fiveways/shared/pages';
import { followPageUrl } from '../../common/feed-links.ts';
import { usePublic } from '../hooks/use-public.ts';

export interface SubscribeRowProps {
  /** Visible name of what the calendar holds, e.g. "St Barnabas Church Hall" or "Connect". */
  name: string;
  /** One line under the name, e.g. "Every session at this venue". */
  hint: string;
  /** The link's text, e.g. "Follow this hub". */
  action: string;
  target: FollowTarget;
}

/** One calendar to follow, for a page already on the phone: its follow page offers the rest. */
export function SubscribeRow({ name, hint, action, target }: SubscribeRowProps) {
  const { t, meta } = usePublic();
  return (
    <li class="pub-subscribe-row">
      <p class="pub-subscribe-what">
        <strong dir="auto">{name}</strong>
        <span>{hint}</span>
      </p>
      {meta !== null && (
        <p class="pub-subscribe-links">
          <a
            class="pub-button pub-button-secondary"
            href={followPageUrl(meta.publicUrl, target, t.language)}
            aria-label={`${action}: ${name}`}
          >
            {action}
          </a>
        </p>
      )}
    </li>
  );
}
