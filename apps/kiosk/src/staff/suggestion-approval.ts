// The last step of approving a suggestion: once its group is saved, the suggestion is marked
// approved as that group (and the suggester emailed); then back to the queue to say so.
import { getParsed, messageOf, writeParsed } from '../common/api-client.ts';

/** The suggestion a new-group page was opened from (?suggestion=12), or null. */
export function suggestionIdOf(query: Record<string, string | undefined>): number | null {
  const raw = query['suggestion'] ?? '';
  return /^[1-9]\d{0,11}$/.test(raw) ? Number(raw) : null;
}

export function loadSuggestion(id: number, signal: AbortSignal) {
  return getParsed(`/api/staff/suggestions/${id}`, (s) => s.GroupSuggestionSchema, signal);
}

/** Marks the suggestion approved as the group just saved; returns where to go next. */
export async function approveAsGroup(id: number, groupSlug: string): Promise<string> {
  try {
    const decision = await writeParsed(
      'POST',
      `/api/staff/suggestions/${id}/approve`,
      { groupSlug },
      (s) => s.SuggestionDecisionSchema,
    );
    return `/staff/suggestions?approved=${encodeURIComponent(groupSlug)}&email=${decision.email}`;
  } catch (error) {
    // The group is saved either way: say so, and that the suggestion still waits.
    return `/staff/suggestions?added=${encodeURIComponent(groupSlug)}&unmarked=${encodeURIComponent(messageOf(error))}`;
  }
}
