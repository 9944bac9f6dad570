// Fields an imported session's calendar owns cannot be changed here: the next import would undo
// the change. A patch that sends them as they are is fine (the staff form sends every field).
import type { ApiIssue, Session, SessionPatch } from '@fiveways/shared';
import { apiError } from '../http/errors.ts';
import { sessionToInput } from '../sessions/session-input.ts';

const FIELD_NAMES: Record<string, string> = {
  title: 'The title',
  description: 'The description',
  venue: 'The venue',
  startDate: 'The first date',
  startTime: 'The start time',
  endTime: 'The end time',
  repeat: 'How often it repeats',
  until: 'The last date',
  count: 'The number of times',
};

/** The sent fields that would change what the group's calendar owns, each named. */
export function sourceOwnedIssues(session: Session, sent: SessionPatch): ApiIssue[] {
  const owned = session.importedFrom ? (session.sourceOwned ?? []) : [];
  const current = sessionToInput(session);
  const group = session.importedFrom?.group ?? '';
  return owned.flatMap((field) => {
    if (!(field in sent)) return [];
    const key = field as keyof SessionPatch;
    if (JSON.stringify(sent[key]) === JSON.stringify(current[key])) return [];
    return [
      {
        path: field,
        message: `${FIELD_NAMES[field] ?? field} comes from the group’s own calendar (${group}): change it there, and the next import brings it here`,
      },
    ];
  });
}

/** 409 source_owned naming every field the patch may not change. */
export function refuseSourceOwned(session: Session, sent: SessionPatch): void {
  const issues = sourceOwnedIssues(session, sent);
  const first = issues[0];
  if (first !== undefined) {
    throw apiError(409, 'source_owned', `${first.path}: ${first.message}`, issues);
  }
}

/** 409 source_owned: an imported session leaves when its event leaves the calendar, or is unlinked. */
export function refuseArchiveOfImported(session: Session): void {
  if (!session.importedFrom) return;
  const message = `This session comes from the group’s own calendar (${session.importedFrom.group}): delete the event there, or unlink the calendar, and it is archived here`;
  throw apiError(409, 'source_owned', message);
}
