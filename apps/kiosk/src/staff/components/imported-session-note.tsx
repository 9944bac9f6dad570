// On an imported session: which fields its group's own calendar owns, why they cannot be changed
// here, and where to go instead.
import type { Session } from '@fiveways/shared';
import { Link } from './link.tsx';

const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  description: 'description',
  venue: 'venue',
  startDate: 'dates',
  startTime: 'times',
  repeat: 'how often it runs',
};

/** The fields of `session` its group's calendar owns (none for a session made here). */
export function sourceOwnedOf(session: Session | null): ReadonlySet<string> {
  return new Set(session?.importedFrom ? (session.sourceOwned ?? []) : []);
}

export function ImportedSessionNote({ session }: { session: Session }) {
  const from = session.importedFrom;
  if (!from) return null;
  const owned = sourceOwnedOf(session);
  const words = Object.entries(FIELD_WORDS)
    .filter(([field]) => owned.has(field))
    .map(([, word]) => word);
  const list =
    words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return (
    <p class="read-only-note">
      This session comes from the group’s own calendar. Its {list} are read-only here: change them
      in that calendar and the next import brings them in. Ways to wellbeing, who it is for,
      booking, cost and accessibility are yours to edit, and stay as you leave them.{' '}
      <Link href={`/staff/groups/${from.group}`}>See the group’s calendar</Link>
    </p>
  );
}
