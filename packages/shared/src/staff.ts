import { z } from 'zod';
import { SlugSchema, text } from './common.ts';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** A new password: taken as typed (spaces count), long enough to resist guessing. */
export const NewPasswordSchema = z
  .string({ error: 'Give a password' })
  .min(PASSWORD_MIN_LENGTH, {
    error: `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters`,
  })
  .max(PASSWORD_MAX_LENGTH, {
    error: `Choose a password of at most ${PASSWORD_MAX_LENGTH} characters`,
  });

export const EmailSchema = text('Email address', 254)
  .pipe(
    z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
      error: 'Give an email address, like name@example.org',
    }),
  )
  .transform((s) => s.toLowerCase());

export const LoginInputSchema = z.strictObject({
  email: z
    .string({ error: 'Give your email address' })
    .max(254, { error: 'Email address must be at most 254 characters' })
    .transform((s) => s.trim()),
  password: z
    .string({ error: 'Give your password' })
    .max(1000, { error: 'Password must be at most 1000 characters' }),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const PasswordChangeInputSchema = z.strictObject({
  currentPassword: z
    .string({ error: 'Give your current password' })
    .max(1000, { error: 'Password must be at most 1000 characters' }),
  newPassword: NewPasswordSchema,
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInputSchema>;

/** Sets the password through a one-time invite or reset link. */
export const InviteAcceptInputSchema = z.strictObject({ password: NewPasswordSchema });
export type InviteAcceptInput = z.infer<typeof InviteAcceptInputSchema>;

export const ROLES = ['admin', 'staff', 'champion'] as const;
export const RoleSchema = z.enum(ROLES, {
  error: 'Choose a role: admin, staff or champion (Community Champion)',
});
export type Role = z.infer<typeof RoleSchema>;

/** A stored role as the code knows it; anything unknown gets the narrowest rights. */
export function roleFrom(value: string): Role {
  return value === 'admin' || value === 'staff' ? value : 'champion';
}

const VenueSlugsSchema = z
  .array(SlugSchema, { error: 'Give the venues as a list of short names' })
  .max(100)
  .refine((v) => new Set(v).size === v.length, { error: 'Choose each venue only once' });

const userName = text('Name', 120).pipe(z.string().min(1, { error: 'Give the person’s name' }));

/** What an admin sends to create an account (POST /api/users); the answer holds an invite link. */
export const UserInputSchema = z
  .strictObject({
    email: EmailSchema,
    name: userName,
    role: RoleSchema.default('staff'),
    venues: VenueSlugsSchema.default([]),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'staff' && u.venues.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['venues'],
        message: 'Choose at least one venue this staff member looks after',
      });
    }
  });
export type UserInput = z.infer<typeof UserInputSchema>;

/** What an admin sends to change an account (PATCH /api/users/:id): any subset. */
export const UserPatchSchema = z.strictObject({
  name: userName.optional(),
  role: RoleSchema.optional(),
  venues: VenueSlugsSchema.optional(),
  disabled: z.boolean({ error: 'Say whether the account is disabled (true or false)' }).optional(),
});
export type UserPatch = z.infer<typeof UserPatchSchema>;

/** An account as the API returns it (never with its password hash). */
export const UserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  venues: z.array(z.string()),
  disabled: z.boolean(),
  /** False until the person has followed their invite link. */
  passwordSet: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ items: z.array(UserSchema) });
export type UserList = z.infer<typeof UserListSchema>;

/** GET /api/auth/me: who is logged in. */
export const MeSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  venues: z.array(z.string()),
});
export type Me = z.infer<typeof MeSchema>;

/** A one-time link to hand over: it sets the password and then stops working. */
export const InviteLinkSchema = z.object({
  user: UserSchema,
  link: z.string(),
  expiresAt: z.string(),
});
export type InviteLink = z.infer<typeof InviteLinkSchema>;

/** GET /api/auth/invite/:token: whose link it is, before they choose a password. */
export const InviteOwnerSchema = z.object({
  email: z.string(),
  name: z.string(),
  purpose: z.enum(['invite', 'reset']),
});
export type InviteOwner = z.infer<typeof InviteOwnerSchema>;

/** A venue as the audit log names it. */
export const AuditPlaceSchema = z.object({ slug: z.string(), name: z.string() });

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.number().int(), email: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** What a reader needs for a sentence (shared/audit-sentence.ts): the kind of change... */
  kind: z.string(),
  /** ...who made it (their role and venues as they are now; null: the system or a removed account)... */
  actor: z
    .object({
      id: z.number().int(),
      name: z.string(),
      email: z.string(),
      role: RoleSchema,
      venues: z.array(AuditPlaceSchema),
    })
    .nullable(),
  /** ...the record's name and where it is (a session's or group's venue, a venue itself)... */
  record: z.object({ title: z.string(), venue: AuditPlaceSchema.nullable() }),
  /** ...for a change to one date: which, why, and where it went... */
  occurrence: z
    .object({
      date: z.string(),
      reason: z.string().nullable(),
      newDate: z.string().nullable(),
      startTime: z.string().nullable(),
      endTime: z.string().nullable(),
      venue: AuditPlaceSchema.nullable(),
    })
    .nullable(),
  /** ...the top-level fields an update changed... */
  changed: z.array(z.string()),
  /** ...and for a closure or school holiday: its dates, reason and how many dates it cancelled. */
  span: z
    .object({
      from: z.string(),
      to: z.string(),
      reason: z.string().nullable(),
      count: z.number().int().nullable(),
    })
    .nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * GET /api/audit?limit&before&venue&user&kind: newest first; pass `nextBefore` as `before` for the
 * next page (with the same filters).
 */
export const AuditListSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
export type AuditList = z.infer<typeof AuditListSchema>;
