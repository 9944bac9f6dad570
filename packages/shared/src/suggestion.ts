import { z } from 'zod';
import { SlugSchema, text } from './common.ts';
import { countLinks, SUGGESTION_EMAIL, SUGGESTION_LIMITS } from './suggestion-limits.ts';
import { WaySlugSchema } from './way.ts';

export * from './suggestion-limits.ts';

export const SUGGESTION_STATUSES = ['new', 'approved', 'merged', 'declined'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_SOURCES = ['public', 'champion'] as const;
export type SuggestionSource = (typeof SUGGESTION_SOURCES)[number];
/** The languages the form is offered in; the outcome email is written in the same one. */
export const SUGGESTION_LANGUAGES = ['en', 'pl', 'ro', 'ur'] as const;
export type SuggestionLanguage = (typeof SUGGESTION_LANGUAGES)[number];

/** A field a person must fill in, named in the message. */
function needed(label: string, max: number, kind: 'line' | 'paragraphs' = 'line') {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${label}: please fill this in` : `${label} must be text`,
    })
    .pipe(text(label, max, kind))
    .pipe(z.string().min(1, { error: `${label}: please fill this in` }));
}

const replyEmail = text('Your email', SUGGESTION_LIMITS.replyEmail)
  .refine((s) => s === '' || SUGGESTION_EMAIL.test(s), {
    error: 'Your email: give an email address like name@example.org, or leave it empty',
  })
  .transform((s) => s.toLowerCase());

const ways = z
  .array(WaySlugSchema, { error: 'Which ways: give a list of ways to wellbeing' })
  .max(5, { error: 'Which ways: choose at most the five ways' })
  .refine((w) => new Set(w).size === w.length, { error: 'Which ways: choose each way once' });

/** What a suggestion says, from the public form or the staff area. */
const suggestionFields = {
  name: needed('Name of the group or activity', SUGGESTION_LIMITS.name),
  what: needed('What happens', SUGGESTION_LIMITS.what, 'paragraphs'),
  where: needed('Where', SUGGESTION_LIMITS.where),
  when: needed('When', SUGGESTION_LIMITS.when),
  ways: ways.default([]),
  groupContact: text('Contact for the group', SUGGESTION_LIMITS.groupContact).default(''),
  /** The suggester says the group agreed to share `groupContact`; needed when one is given. */
  groupAgreed: z.boolean({ error: 'Agreed to share: say true or false' }).default(false),
  replyEmail: replyEmail.default(''),
};

const TEXT_FIELDS = ['name', 'what', 'where', 'when', 'groupContact'] as const;

/** The checks across fields: the agreement tick, and web links (spam's favourite cargo). */
function checkSuggestion(
  s: {
    name?: string | undefined;
    what?: string | undefined;
    where?: string | undefined;
    when?: string | undefined;
    groupContact?: string | undefined;
    groupAgreed?: boolean | undefined;
  },
  ctx: z.core.$RefinementCtx,
) {
  if ((s.groupContact ?? '') !== '' && s.groupAgreed !== true) {
    ctx.addIssue({
      code: 'custom',
      path: ['groupAgreed'],
      message:
        'Agreed to share: tick the box to say the group agreed to share this contact, or leave the contact empty',
    });
  }
  let total = 0;
  for (const field of TEXT_FIELDS) {
    const links = countLinks(s[field] ?? '');
    total += links;
    if (links > SUGGESTION_LIMITS.linksPerField) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `Keep to at most ${SUGGESTION_LIMITS.linksPerField} web links here`,
      });
    } else if (links > 0 && total > SUGGESTION_LIMITS.links) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `Keep to at most ${SUGGESTION_LIMITS.links} web links in the whole suggestion`,
      });
    }
  }
}

/**
 * POST /api/suggestions: a suggestion from the public form. `website` is left empty by people
 * (the form hides it); `formToken` is the one GET /api/suggestions/form-token gave the form.
 */
export const PublicSuggestionInputSchema = z
  .strictObject({
    ...suggestionFields,
    language: z
      .enum(SUGGESTION_LANGUAGES, { error: 'Language: choose en, pl, ro or ur' })
      .default('en'),
    website: z.string({ error: 'Leave this empty' }).max(500).default(''),
    formToken: z
      .string({ error: 'Form token: reload the page and send the form again' })
      .max(300, { error: 'Form token: reload the page and send the form again' }),
  })
  .superRefine(checkSuggestion);
export type PublicSuggestionInput = z.infer<typeof PublicSuggestionInputSchema>;

/** POST /api/staff/suggestions: a suggestion made in the staff area (a Champion's). */
export const StaffSuggestionInputSchema = z
  .strictObject(suggestionFields)
  .superRefine(checkSuggestion);
export type StaffSuggestionInput = z.infer<typeof StaffSuggestionInputSchema>;

/** PATCH /api/staff/suggestions/:id: any subset, checked again as a whole once merged. */
export const StaffSuggestionPatchSchema = z.strictObject({
  name: suggestionFields.name.optional(),
  what: suggestionFields.what.optional(),
  where: suggestionFields.where.optional(),
  when: suggestionFields.when.optional(),
  ways: ways.optional(),
  groupContact: text('Contact for the group', SUGGESTION_LIMITS.groupContact).optional(),
  groupAgreed: z.boolean({ error: 'Agreed to share: say true or false' }).optional(),
  replyEmail: replyEmail.optional(),
});
export type StaffSuggestionPatch = z.infer<typeof StaffSuggestionPatchSchema>;

/** The whole of a suggestion's fields, for checking one after a patch. */
export const SuggestionFieldsSchema = z.object(suggestionFields).superRefine(checkSuggestion);

/** GET /api/suggestions/form-token: a signed note of when the form was shown. */
export const SuggestionFormTokenSchema = z.object({ token: z.string(), issuedAt: z.string() });
export type SuggestionFormToken = z.infer<typeof SuggestionFormTokenSchema>;

/** POST /api/suggestions' answer: received, and nothing more about it. */
export const SuggestionReceivedSchema = z.object({ received: z.literal(true) });

/** A suggestion as staff see it: the suggester's email itself is never sent, only whether there is one. */
export const GroupSuggestionSchema = z.object({
  id: z.number().int(),
  receivedAt: z.string(),
  source: z.enum(SUGGESTION_SOURCES),
  language: z.enum(SUGGESTION_LANGUAGES),
  name: z.string(),
  what: z.string(),
  where: z.string(),
  when: z.string(),
  ways: z.array(WaySlugSchema),
  groupContact: z.string(),
  /** The suggester left an email that has not been answered yet. */
  hasReplyEmail: z.boolean(),
  /** Why the outcome email could not be sent (the address is kept to try again); null otherwise. */
  replyError: z.string().nullable(),
  status: z.enum(SUGGESTION_STATUSES),
  decidedAt: z.string().nullable(),
  decidedBy: z.number().int().nullable(),
  groupSlug: z.string().nullable(),
  declineReason: z.string().nullable(),
  /** The staff account that made it (a Champion's); null for the public form. */
  createdBy: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type GroupSuggestion = z.infer<typeof GroupSuggestionSchema>;

/** GET /api/staff/suggestions: new ones first (oldest first), then decided ones, newest first. */
export const GroupSuggestionListSchema = z.object({
  items: z.array(GroupSuggestionSchema),
  total: z.number().int(),
  /** How many are still new, for the staff area's menu. */
  newCount: z.number().int(),
});
export type GroupSuggestionList = z.infer<typeof GroupSuggestionListSchema>;

/** POST /api/staff/suggestions/:id/approve and /merge: the group it became or joined. */
export const SuggestionGroupInputSchema = z.strictObject({
  groupSlug: SlugSchema,
});
export type SuggestionGroupInput = z.infer<typeof SuggestionGroupInputSchema>;

/** POST /api/staff/suggestions/:id/decline. */
export const SuggestionDeclineInputSchema = z.strictObject({
  reason: needed('Reason', 500, 'paragraphs'),
});
export type SuggestionDeclineInput = z.infer<typeof SuggestionDeclineInputSchema>;

/** What a decision did, including whether the suggester was told by email. */
export const SuggestionDecisionSchema = z.object({
  suggestion: GroupSuggestionSchema,
  /** 'sent' (and the address deleted), 'failed' (kept, to try again) or 'none' (none was left). */
  email: z.enum(['sent', 'failed', 'none']),
  /** For staff, in a sentence. */
  message: z.string(),
});
export type SuggestionDecision = z.infer<typeof SuggestionDecisionSchema>;
