// A conversation a Community Champion logs at a clinic or hub: counts and choices only, no
// free text. A resident's contact is kept only with their explicit consent, apart from the
// conversation, and only admins read it.
import { z } from 'zod';
import { LocalDateSchema, SlugSchema, text } from './common.ts';
import { EmailSchema } from './staff.ts';
import { WaySlugSchema } from './way.ts';

export const PLACE_KINDS = ['clinic', 'hub', 'other'] as const;
export const PlaceKindSchema = z.enum(PLACE_KINDS, {
  error: 'Say where the conversation was: clinic, hub or other',
});
export type PlaceKind = z.infer<typeof PlaceKindSchema>;

/** The most groups and sessions one conversation promotes, and the most taken home. */
export const MAX_PROMOTED = 20;
export const MAX_TOOK_HOME = 50;

/** What the resident may be interested in, each a yes or no. */
export const INTERESTS = ['volunteering', 'champion', 'panel'] as const;
export type Interest = (typeof INTERESTS)[number];
export const INTEREST_LABELS: Readonly<Record<Interest, string>> = {
  volunteering: 'Volunteering',
  champion: 'Becoming a Community Champion',
  panel: 'Joining the residents’ panel',
};

/**
 * The words the resident is shown before giving a contact. The wording kept with a contact is
 * this text as the service had it, never text a client sends.
 */
export const CONTACT_CONSENT_WORDING =
  'I agree that Five Ways Worcester may keep my name and the phone number or email address I ' +
  'give, to contact me only about the things I said I am interested in. Only the Five Ways ' +
  'admin team can see them. They are never published or shared. I can ask for them to be ' +
  'deleted at any time, and they will be.';

const ConsentSchema = z.literal(true, {
  error: 'Tick the box to say the resident agreed to keep their contact',
});

export const PromotedItemSchema = z.strictObject({
  kind: z.enum(['group', 'session'], { error: 'Say whether it was a group or a session' }),
  key: z
    .string({ error: 'Give the group’s short name or the session’s number' })
    .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*|[1-9]\d{0,9})$/, {
      error: 'Give the group’s short name or the session’s number',
    })
    .max(80, { error: 'Give the group’s short name or the session’s number' }),
});
export type PromotedItem = z.infer<typeof PromotedItemSchema>;

const WaysSchema = z
  .array(WaySlugSchema, { error: 'Give the ways that came up as a list' })
  .max(5, { error: 'There are only five ways' })
  .refine((v) => new Set(v).size === v.length, { error: 'Choose each way only once' });

const PromotedSchema = z
  .array(PromotedItemSchema, { error: 'Give the groups and sessions promoted as a list' })
  .max(MAX_PROMOTED, { error: `Choose at most ${MAX_PROMOTED} groups and sessions` })
  .refine((v) => new Set(v.map((p) => `${p.kind}:${p.key}`)).size === v.length, {
    error: 'Choose each group or session only once',
  });

const TookHomeSchema = z
  .number({ error: 'Give how many the resident took home as a number' })
  .int({ error: 'Give how many the resident took home as a whole number' })
  .min(0, { error: 'Took home cannot be below 0' })
  .max(MAX_TOOK_HOME, { error: `Took home must be at most ${MAX_TOOK_HOME}` });

const yesOrNo = (what: string) =>
  z.boolean({ error: `Say whether the resident is interested in ${what} (true or false)` });

const InterestsSchema = z.strictObject({
  volunteering: yesOrNo('volunteering'),
  champion: yesOrNo('becoming a Community Champion'),
  panel: yesOrNo('joining the residents’ panel'),
});
export type Interests = z.infer<typeof InterestsSchema>;

/** A resident's contact, given with consent: a name and a phone number or email address. */
export const ContactInputSchema = z
  .strictObject({
    name: text('Name', 120).pipe(z.string().min(1, { error: 'Give the resident’s name' })),
    phone: text('Phone', 40)
      .pipe(
        z.string().regex(/^[0-9 +()-]*$/, {
          error: 'Give a phone number using digits, spaces, + ( ) and -',
        }),
      )
      .default(''),
    email: z.union([z.literal(''), EmailSchema]).default(''),
    consent: ConsentSchema,
  })
  .superRefine((c, ctx) => {
    if (c.phone === '' && c.email === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Give a phone number or an email address to be contacted on',
      });
    }
  });
export type ContactInput = z.infer<typeof ContactInputSchema>;

/** POST /api/conversations: one conversation, and the resident's contact if they consented. */
export const ConversationInputSchema = z.strictObject({
  /** The London date; today when left out. */
  day: LocalDateSchema.optional(),
  placeKind: PlaceKindSchema,
  venue: SlugSchema.nullable().default(null),
  ways: WaysSchema.default([]),
  promoted: PromotedSchema.default([]),
  tookHome: TookHomeSchema.default(0),
  interests: InterestsSchema.default({ volunteering: false, champion: false, panel: false }),
  contact: ContactInputSchema.optional(),
});
export type ConversationInput = z.infer<typeof ConversationInputSchema>;

/** PATCH /api/conversations/:id: a correction the same day, any subset; never the contact. */
export const ConversationPatchSchema = z.strictObject({
  placeKind: PlaceKindSchema.optional(),
  venue: SlugSchema.nullable().optional(),
  ways: WaysSchema.optional(),
  promoted: PromotedSchema.optional(),
  tookHome: TookHomeSchema.optional(),
  interests: InterestsSchema.optional(),
});
export type ConversationPatch = z.infer<typeof ConversationPatchSchema>;

/** A conversation as the API returns it: nothing about the resident but counts and choices. */
export const ConversationSchema = z.object({
  id: z.number().int(),
  loggedBy: z.number().int(),
  day: z.string(),
  placeKind: PlaceKindSchema,
  venue: z.string().nullable(),
  ways: z.array(WaySlugSchema),
  promoted: z.array(PromotedItemSchema),
  tookHome: z.number().int(),
  interests: InterestsSchema,
  /** True when the resident gave a contact with consent (kept apart; admins only). */
  contactKept: z.boolean(),
  createdAt: z.string(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** GET /api/conversations/today: the caller's own conversations today, with the tally. */
export const MyConversationsSchema = z.object({
  day: z.string(),
  items: z.array(ConversationSchema),
  tally: z.object({
    conversations: z.number().int(),
    tookHome: z.number().int(),
    volunteering: z.number().int(),
    champion: z.number().int(),
    panel: z.number().int(),
  }),
});
export type MyConversations = z.infer<typeof MyConversationsSchema>;

/** A resident's contact as admins see it (GET /api/champion-contacts). */
export const ChampionContactSchema = z.object({
  id: z.number().int(),
  conversationId: z.number().int().nullable(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  interestedIn: z.array(z.enum(INTERESTS)),
  consentWording: z.string(),
  consentedAt: z.string(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type ChampionContact = z.infer<typeof ChampionContactSchema>;

export const ChampionContactListSchema = z.object({ items: z.array(ChampionContactSchema) });
export type ChampionContactList = z.infer<typeof ChampionContactListSchema>;
