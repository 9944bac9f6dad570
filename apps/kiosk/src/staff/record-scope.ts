// Who may change a record, said before anyone fills in a form they cannot save. The server
// decides (sessions.policy.ts, groups.policy.ts); this only mirrors its rule to explain it.
import type { Me } from '@fiveways/shared';
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** Null when this person may change a session at `venue`; otherwise why not, and who may. */
export function sessionLockOf(
  me: Pick<Me, 'role' | 'venues'>,
  venue: { slug: string; name: string },
): string | null {
  if (me.role === 'admin' || me.venues.includes(venue.slug)) return null;
  return `This session is at ${venue.name}. Staff for that venue or an administrator can change it.`;
}

/** The same for a group that meets at `venue` (null: at no particular venue). */
export function groupLockOf(
  me: Pick<Me, 'role' | 'venues'>,
  venue: { slug: string; name: string } | null,
): string | null {
  if (me.role === 'admin') return null;
  if (venue === null) {
    return 'This group meets at no particular venue, so only an administrator can change it.';
  }
  if (me.venues.includes(venue.slug)) return null;
  return `This group meets at ${venue.name}. Staff for that venue or an administrator can change it.`;
}

/** Keeps every control of a form disabled while `locked` (after each render, new ones too). */
export function useLockedForm(form: RefObject<HTMLFormElement | null>, locked: boolean): void {
  useLayoutEffect(() => {
    if (!locked || form.current === null) return;
    for (const control of Array.from(form.current.elements)) {
      if (
        control instanceof HTMLInputElement ||
        control instanceof HTMLSelectElement ||
        control instanceof HTMLTextAreaElement ||
        control instanceof HTMLButtonElement ||
        control instanceof HTMLFieldSetElement
      ) {
        control.disabled = true;
      }
    }
  });
}
