import type { Session } from '@fiveways/shared';
import { Link } from './link.tsx';

/** "Copy": opens "Add a session" filled in from this one. */
export function CopySessionLink({ session, compact }: { session: Session; compact?: boolean }) {
  return (
    <Link
      class={compact ? 'button button--secondary button--small' : 'button button--secondary'}
      href={`/staff/sessions/new?copy=${session.id}`}
    >
      Copy<span class="visually-hidden"> “{session.title}” to a new session</span>
    </Link>
  );
}
