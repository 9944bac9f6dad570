// Who may correct a conversation, and how conversations and contacts are named in the audit log.
import { londonDateOf, type Conversation } from '@fiveways/shared';
import type { AccessRule, AuditedKind } from '../audit/staff-write.ts';
import { getContactTrace, getConversation, type ContactTrace } from './conversations.queries.ts';

export const CONVERSATION_SCOPE =
  'You can only correct your own conversations, on the day you logged them';

/** The London date a conversation was logged on (its `day` may be earlier). */
export function loggedOn(conversation: Conversation): string {
  return londonDateOf(new Date(conversation.createdAt));
}

/**
 * A person logs conversations as themselves, and corrects only their own, on the day they
 * logged them: after that the day's tallies stand as reported.
 */
export function conversationRule(today: string): AccessRule<Conversation | null, Conversation> {
  return (staff, { before, after }) =>
    (before === null || (before.loggedBy === staff.id && loggedOn(before) === today)) &&
    (after === null || after.loggedBy === staff.id);
}

// No public page, feed or export shows a conversation.
export const CONVERSATION: AuditedKind<number, Conversation> = {
  entity: 'conversation',
  idOf: String,
  load: getConversation,
  missing: 'conversation with that id',
};

// The audit entry keeps that a contact existed and when consent was given, never who it was.
export const CHAMPION_CONTACT: AuditedKind<number, ContactTrace> = {
  entity: 'champion-contact',
  idOf: String,
  load: getContactTrace,
  missing: 'contact with that id',
};
