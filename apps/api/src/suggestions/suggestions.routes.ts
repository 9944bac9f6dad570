import {
  PublicSuggestionInputSchema,
  StaffSuggestionInputSchema,
  StaffSuggestionPatchSchema,
  SuggestionDeclineInputSchema,
  SuggestionFieldsSchema,
  SuggestionGroupInputSchema,
  SUGGESTION_STATUSES,
  type GroupSuggestion,
  type SuggestionDecision,
} from '@fiveways/shared';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { clientAddressOf, trustedProxySet } from '../http/client-address.ts';
import { apiError, fieldError, forbidden, notFound, validationError } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import {
  createRouter,
  sentFields,
  validJson,
  validParams,
  validQuery,
  type RouterDeps,
} from '../http/router.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { checkFormToken, formSecretOf, issueFormToken } from './form-token.ts';
import type { Mailer } from './mailer.ts';
import { composeOutcomeEmail, type Outcome } from './outcome-email.ts';
import { createRateLimiter, DEFAULT_SUGGESTION_RATE, type RateLimit } from './rate-limit.ts';
import {
  canModerate,
  decideRule,
  editOwnRule,
  MODERATORS_ONLY,
  OWN_NEW_ONLY,
  SUGGESTION,
} from './suggestions.policy.ts';
import {
  countNewSuggestions,
  countPendingPublicSince,
  decideSuggestion,
  forgetReplyEmail,
  formNonceUsed,
  getSuggestion,
  insertSuggestion,
  listSuggestions,
  noteReplyError,
  replyEmailOf,
  updateSuggestion,
  type Decision,
} from './suggestions.queries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export const SuggestionQuerySchema = z.object({
  status: z
    .enum(SUGGESTION_STATUSES, { error: `Give status as one of ${SUGGESTION_STATUSES.join(', ')}` })
    .optional(),
});

export interface SuggestionDeps extends RouterDeps {
  publicUrl: string;
  mailer: Mailer;
  /** FORM_SECRET; null: one kept in the database. */
  formSecret: string | null;
  trustedProxies: readonly string[];
  /** SUGGESTIONS_PER_DAY. */
  perDay: number;
  /** Attempts one client address may make at the public form. */
  rate?: RateLimit;
}

function tokenRefusal(reason: 'invalid' | 'too-fast' | 'expired') {
  if (reason === 'too-fast') {
    return apiError(
      400,
      'too_fast',
      'That was sent very quickly after the form opened. Please wait a few seconds and send it again.',
      [{ path: 'formToken', message: 'Sent too soon after the form was shown' }],
    );
  }
  if (reason === 'expired') {
    return apiError(
      400,
      'form_expired',
      'This form was opened more than 2 hours ago. Please send it again: what you typed is kept.',
      [{ path: 'formToken', message: 'The form is more than 2 hours old' }],
    );
  }
  return apiError(
    400,
    'form_token_invalid',
    'This form could not be checked. Please reload the page and send it again.',
    [{ path: 'formToken', message: 'Not a form token this service gave out' }],
  );
}

/**
 * Suggest a group: the public form (anyone, no account; rate-limited, with a honeypot, a signed
 * time check and a daily cap; nothing is published), and the staff area's queue, where admins and
 * venue staff approve, merge or decline, and any account, a Community Champion's included, may
 * suggest and edit their own while still new (a Champion sees only theirs). A decision emails the outcome to a suggester who left an address,
 * then deletes it.
 */
export function suggestionRoutes(deps: SuggestionDeps) {
  const { db, clock, publicUrl, mailer, perDay } = deps;
  const { requireAccount, requireStaff } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);
  const secret = formSecretOf(db, deps.formSecret);
  const proxies = trustedProxySet(deps.trustedProxies);
  const limiter = createRateLimiter(() => clock().getTime(), deps.rate ?? DEFAULT_SUGGESTION_RATE);

  const throttle = createMiddleware(async function throttleSuggestions(c, next) {
    const verdict = limiter.take(clientAddressOf(c, proxies));
    if (!verdict.allowed) {
      throw apiError(
        429,
        'too_many_requests',
        'Thank you, but that is a lot of suggestions in a short time. Please wait a few minutes and try again.',
        [],
        { 'Retry-After': String(verdict.retryAfterSeconds) },
      );
    }
    await next();
  });

  /** The suggestion the path names, for someone allowed to see it: a moderator, or its maker. */
  const visibleSuggestion = createMiddleware<{
    Variables: { staff: StaffUser; suggestion: GroupSuggestion };
  }>(async function visibleSuggestion(c, next) {
    const id = Number(c.req.param('id'));
    const suggestion = Number.isSafeInteger(id) ? getSuggestion(db, id) : null;
    if (suggestion === null) throw notFound('suggestion with that id');
    const staff = c.var.staff;
    if (!canModerate(staff) && suggestion.createdBy !== staff.id) {
      throw forbidden('You can only see the suggestions you made');
    }
    c.set('suggestion', suggestion);
    await next();
  });

  /** Emails the outcome if the suggester left an address; deletes it once sent. */
  async function tellSuggester(id: number, outcome: Outcome): Promise<SuggestionDecision> {
    const to = replyEmailOf(db, id);
    const before = getSuggestion(db, id);
    if (to === null || before === null) {
      return { suggestion: before ?? missing(), email: 'none', message: 'No email to send.' };
    }
    const result = await mailer.send(composeOutcomeEmail(to, before, outcome, publicUrl));
    if (result.ok) forgetReplyEmail(db, id);
    else noteReplyError(db, id, result.error);
    const suggestion = getSuggestion(db, id) ?? missing();
    return result.ok
      ? {
          suggestion,
          email: 'sent',
          message: 'The suggester has been emailed the outcome, and their address deleted.',
        }
      : {
          suggestion,
          email: 'failed',
          message: `The email to the suggester could not be sent (${result.error}). Their address is kept so you can try again.`,
        };
  }

  function missing(): never {
    throw notFound('suggestion with that id');
  }

  /** A decision on a new suggestion, audited, then the suggester told. */
  function decide(staff: StaffUser, id: number, decision: Decision) {
    const action =
      decision.status === 'approved'
        ? 'approve'
        : decision.status === 'merged'
          ? 'merge'
          : 'decline';
    return staffWrite({
      kind: SUGGESTION,
      action,
      by: staff,
      current: () => getSuggestion(db, id),
      allowed: decideRule,
      refusal: MODERATORS_ONLY,
      change: ({ before, at }) => {
        if (before.status !== 'new') {
          throw apiError(
            409,
            'already_decided',
            `This suggestion has already been ${before.status}; reload to see what was decided`,
          );
        }
        decideSuggestion(db, id, decision, staff.id, at);
        return id;
      },
    });
  }

  function groupNamed(slug: string) {
    const group = getGroup(db, slug);
    if (group === null) throw fieldError('groupSlug', `There is no group "${slug}"`);
    return group;
  }

  function outcomeOf(decision: Decision): Outcome {
    if (decision.status === 'declined') return decision;
    const group = groupNamed(decision.groupSlug);
    return { status: decision.status, groupSlug: group.slug, groupName: group.name };
  }

  return (
    createRouter()
      // The public form.
      .get('/suggestions/form-token', (c) => {
        c.header('Cache-Control', 'no-store');
        return c.json(issueFormToken(secret(), clock()));
      })

      .post('/suggestions', throttle, validJson(PublicSuggestionInputSchema), (c) => {
        const input = c.req.valid('json');
        // People never see the field; whatever fills it is not a person.
        if (input.website !== '') {
          throw apiError(
            400,
            'not_accepted',
            'We could not accept this. If you are a person, leave the field marked “Leave this empty” blank and send it again.',
            [{ path: 'website', message: 'Leave this field empty' }],
          );
        }
        const now = clock();
        const check = checkFormToken(secret(), input.formToken, now);
        if (!check.ok) throw tokenRefusal(check.reason);
        const at = now.toISOString();
        db.transaction(() => {
          if (formNonceUsed(db, check.nonce)) {
            throw apiError(
              409,
              'already_received',
              'This form has already been sent: thank you. To suggest another group, reload the page.',
            );
          }
          const since = new Date(now.getTime() - DAY_MS).toISOString();
          if (countPendingPublicSince(db, since) >= perDay) {
            throw apiError(
              429,
              'too_many_today',
              'Thank you. We have had a lot of suggestions today and need to read them first. Please try again tomorrow.',
              [],
              { 'Retry-After': String(60 * 60) },
            );
          }
          insertSuggestion(
            db,
            {
              source: 'public',
              language: input.language,
              name: input.name,
              what: input.what,
              where: input.where,
              when: input.when,
              ways: input.ways,
              groupContact: input.groupContact,
              replyEmail: input.replyEmail,
              createdBy: null,
              formNonce: check.nonce,
            },
            at,
          );
        }).immediate();
        return c.json({ received: true as const }, 201);
      })

      // The staff area.
      .get('/staff/suggestions', requireAccount, validQuery(SuggestionQuerySchema), (c) => {
        const staff = c.var.staff;
        const { status } = c.req.valid('query');
        const mine = canModerate(staff) ? undefined : staff.id;
        const items = listSuggestions(db, { status, createdBy: mine });
        return c.json({ items, total: items.length, newCount: countNewSuggestions(db, mine) });
      })

      .get('/staff/suggestions/new-count', requireAccount, (c) => {
        const staff = c.var.staff;
        return c.json({
          newCount: countNewSuggestions(db, canModerate(staff) ? undefined : staff.id),
        });
      })

      .get(
        '/staff/suggestions/:id',
        requireAccount,
        validParams(IdParamSchema),
        visibleSuggestion,
        (c) => c.json(c.var.suggestion),
      )

      .post('/staff/suggestions', requireAccount, validJson(StaffSuggestionInputSchema), (c) => {
        const staff = c.var.staff;
        const input = c.req.valid('json');
        const suggestion = staffWrite({
          kind: SUGGESTION,
          action: 'create',
          by: staff,
          // Anyone in the staff area may suggest; nothing is published by it.
          allowed: true,
          change: ({ at }) =>
            insertSuggestion(
              db,
              {
                source: 'champion',
                language: 'en',
                name: input.name,
                what: input.what,
                where: input.where,
                when: input.when,
                ways: input.ways,
                groupContact: input.groupContact,
                replyEmail: input.replyEmail,
                createdBy: staff.id,
                formNonce: null,
              },
              at,
            ),
        });
        return c.json(suggestion, 201);
      })

      .patch(
        '/staff/suggestions/:id',
        requireAccount,
        validParams(IdParamSchema),
        visibleSuggestion,
        validJson(StaffSuggestionPatchSchema),
        async (c) => {
          const { staff, suggestion: atStart } = c.var;
          const sent = await sentFields(c, c.req.valid('json'));
          const suggestion = staffWrite({
            kind: SUGGESTION,
            action: 'update',
            by: staff,
            current: () => getSuggestion(db, atStart.id),
            allowed: editOwnRule,
            refusal: OWN_NEW_ONLY,
            change: ({ before, at }) => {
              // The agreement tick is asked again whenever the contact is changed.
              const merged = SuggestionFieldsSchema.safeParse({
                ...before,
                groupAgreed: sent.groupContact === undefined ? true : false,
                ...sent,
              });
              if (!merged.success) throw validationError(merged.error, 'body');
              updateSuggestion(db, before.id, { ...merged.data, replyEmail: sent.replyEmail }, at);
              return before.id;
            },
          });
          return c.json(suggestion);
        },
      )

      .post(
        '/staff/suggestions/:id/approve',
        requireStaff,
        validParams(IdParamSchema),
        validJson(SuggestionGroupInputSchema),
        async (c) => {
          const { id } = c.req.valid('param');
          const decision: Decision = {
            status: 'approved',
            groupSlug: groupNamed(c.req.valid('json').groupSlug).slug,
          };
          decide(c.var.staff, id, decision);
          return c.json(await tellSuggester(id, outcomeOf(decision)));
        },
      )

      .post(
        '/staff/suggestions/:id/merge',
        requireStaff,
        validParams(IdParamSchema),
        validJson(SuggestionGroupInputSchema),
        async (c) => {
          const { id } = c.req.valid('param');
          const decision: Decision = {
            status: 'merged',
            groupSlug: groupNamed(c.req.valid('json').groupSlug).slug,
          };
          decide(c.var.staff, id, decision);
          return c.json(await tellSuggester(id, outcomeOf(decision)));
        },
      )

      .post(
        '/staff/suggestions/:id/decline',
        requireStaff,
        validParams(IdParamSchema),
        validJson(SuggestionDeclineInputSchema),
        async (c) => {
          const { id } = c.req.valid('param');
          const decision: Decision = { status: 'declined', reason: c.req.valid('json').reason };
          decide(c.var.staff, id, decision);
          return c.json(await tellSuggester(id, outcomeOf(decision)));
        },
      )

      .post(
        '/staff/suggestions/:id/email',
        requireStaff,
        validParams(IdParamSchema),
        visibleSuggestion,
        async (c) => {
          const { staff, suggestion } = c.var;
          if (!canModerate(staff)) throw forbidden(MODERATORS_ONLY);
          if (suggestion.status === 'new') {
            throw apiError(
              409,
              'not_decided',
              'Decide on this suggestion before emailing the outcome',
            );
          }
          const outcome: Outcome =
            suggestion.status === 'declined'
              ? { status: 'declined', reason: suggestion.declineReason ?? '' }
              : outcomeOf({ status: suggestion.status, groupSlug: suggestion.groupSlug ?? '' });
          return c.json(await tellSuggester(suggestion.id, outcome));
        },
      )
  );
}
