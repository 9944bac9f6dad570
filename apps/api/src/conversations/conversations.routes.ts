import {
  addDays,
  CONTACT_CONSENT_WORDING,
  ConversationInputSchema,
  ConversationPatchSchema,
  INTERESTS,
  londonDateOf,
  type Conversation,
  type MyConversations,
} from '@fiveways/shared';
import { adminOnly, loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { fieldError } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import { createRouter, validJson, validParams, type RouterDeps } from '../http/router.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { venueExists } from '../venues/venues.queries.ts';
import {
  CHAMPION_CONTACT,
  CONVERSATION,
  CONVERSATION_SCOPE,
  conversationRule,
} from './conversations.policy.ts';
import {
  deleteContact,
  getContactTrace,
  getConversation,
  insertContact,
  insertConversation,
  listContacts,
  listOwnConversations,
  updateConversation,
  type ConversationFields,
} from './conversations.queries.ts';

/** How far back a conversation may be logged, for a clinic written up a few days later. */
export const MAX_DAYS_BACK = 31;

/** The venue and the groups and sessions promoted must exist (a 400 naming the field if not). */
function checkReferences(db: Db, fields: Pick<ConversationFields, 'venue' | 'promoted'>) {
  if (fields.venue !== null && !venueExists(db, fields.venue)) {
    throw fieldError('venue', `There is no venue "${fields.venue}"`);
  }
  fields.promoted.forEach((item, i) => {
    const known =
      item.kind === 'group'
        ? getGroup(db, item.key) !== null
        : getSession(db, Number(item.key)) !== null;
    if (!known) throw fieldError(`promoted.${i}`, `There is no ${item.kind} "${item.key}"`);
  });
}

function tallyOf(items: readonly Conversation[]): MyConversations['tally'] {
  const count = (pick: (c: Conversation) => boolean) => items.filter(pick).length;
  return {
    conversations: items.length,
    tookHome: items.reduce((n, c) => n + c.tookHome, 0),
    volunteering: count((c) => c.interests.volunteering),
    champion: count((c) => c.interests.champion),
    panel: count((c) => c.interests.panel),
  };
}

/**
 * Conversations: any logged-in account logs its own (a Champion's main task) and corrects them
 * the same day. Contacts given with consent: admins read and delete them, nobody else.
 */
export function conversationRoutes(deps: RouterDeps) {
  const { db, clock } = deps;
  const { requireAccount, requireAdmin } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);
  const today = () => londonDateOf(clock());

  return createRouter()
    .get('/conversations/today', requireAccount, (c) => {
      const day = today();
      const items = listOwnConversations(db, c.var.staff.id, day);
      const mine: MyConversations = { day, items, tally: tallyOf(items) };
      return c.json(mine);
    })

    .post('/conversations', requireAccount, validJson(ConversationInputSchema), (c) => {
      const input = c.req.valid('json');
      const { staff } = c.var;
      const now = today();
      const day = input.day ?? now;
      if (day > now) throw fieldError('day', 'A conversation cannot be logged for a future date');
      if (day < addDays(now, -MAX_DAYS_BACK)) {
        throw fieldError('day', `Log a conversation within ${MAX_DAYS_BACK} days of it`);
      }
      const interestedIn = INTERESTS.filter((i) => input.interests[i]);
      if (input.contact !== undefined && interestedIn.length === 0) {
        throw fieldError(
          'contact',
          'Choose what the resident is interested in before keeping their contact',
        );
      }
      const saved = staffWrite({
        kind: CONVERSATION,
        action: 'create',
        by: staff,
        allowed: conversationRule(now),
        change: ({ at }) => {
          checkReferences(db, input);
          const id = insertConversation(db, { ...input, loggedBy: staff.id, day }, at);
          if (input.contact !== undefined) {
            const { name, phone, email } = input.contact;
            insertContact(
              db,
              {
                conversationId: id,
                name,
                phone,
                email,
                interestedIn,
                wording: CONTACT_CONSENT_WORDING,
                createdBy: staff.id,
              },
              at,
            );
          }
          return id;
        },
      });
      return c.json(saved, 201);
    })

    .patch(
      '/conversations/:id',
      requireAccount,
      validParams(IdParamSchema),
      validJson(ConversationPatchSchema),
      (c) => {
        const { id } = c.req.valid('param');
        const patch = c.req.valid('json');
        const saved = staffWrite({
          kind: CONVERSATION,
          action: 'update',
          by: c.var.staff,
          current: () => getConversation(db, id),
          allowed: conversationRule(today()),
          refusal: CONVERSATION_SCOPE,
          change: ({ before }) => {
            const fields: ConversationFields = {
              placeKind: patch.placeKind ?? before.placeKind,
              venue: patch.venue === undefined ? before.venue : patch.venue,
              ways: patch.ways ?? before.ways,
              promoted: patch.promoted ?? before.promoted,
              tookHome: patch.tookHome ?? before.tookHome,
              interests: patch.interests ?? before.interests,
            };
            checkReferences(db, {
              venue: patch.venue === undefined ? null : fields.venue,
              promoted: patch.promoted ?? [],
            });
            updateConversation(db, id, fields);
            return id;
          },
        });
        return c.json(saved);
      },
    )

    .get('/champion-contacts', requireAdmin, (c) => c.json({ items: listContacts(db) }))

    .delete('/champion-contacts/:id', requireAdmin, validParams(IdParamSchema), (c) => {
      const { id } = c.req.valid('param');
      staffWrite({
        kind: CHAMPION_CONTACT,
        action: 'delete',
        by: c.var.staff,
        current: () => getContactTrace(db, id),
        allowed: adminOnly,
        after: 'none',
        change: ({ before }) => {
          deleteContact(db, before.id);
          return before.id;
        },
      });
      return c.body(null, 204);
    });
}
