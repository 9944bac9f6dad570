// An exception is one date of a session that differs from its rule: cancelled, or moved to another
// day, time or venue. The API keeps each kind under its own route.
import type { CancellationInput, OccurrenceChangeInput } from '@fiveways/shared';
import { write } from '../common/api-client.ts';

export type ExceptionKind = 'cancelled' | 'moved';

export type CancelledException = { kind: 'cancelled' } & CancellationInput;
/** Fields left null keep the rule's date, times or venue. */
export type MovedException = { kind: 'moved' } & OccurrenceChangeInput;

const ROUTES: Record<ExceptionKind, string> = { cancelled: 'cancellations', moved: 'changes' };

/** Makes one date of a session an exception to its rule. */
export function addException(
  sessionId: number,
  { kind, ...body }: CancelledException | MovedException,
): Promise<void> {
  return write('POST', `/api/sessions/${sessionId}/${ROUTES[kind]}`, body);
}

/** Takes an exception away: the date is back to what the rule says. */
export function removeException(sessionId: number, kind: ExceptionKind, date: string) {
  return write('DELETE', `/api/sessions/${sessionId}/${ROUTES[kind]}/${date}`);
}
