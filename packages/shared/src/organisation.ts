import { z } from 'zod';
import { text, webAddress } from './common.ts';

// The shape an email address must have to be published (what JSON Schema's "email" format takes).
const EMAIL_RE =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** True when `value` is a plain email address, name@example.org. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL_RE.test(value);
}

/** A registered charity number (England and Wales: 6 or 7 digits, a linked charity adds -N). */
const CHARITY_NUMBER_RE = /^\d{6,8}(-\d{1,3})?$/;

/** What staff enter about an organisation that runs groups. */
export const OrganisationInputSchema = z.object({
  name: text('Name', 160).pipe(z.string().min(1, { error: 'Give the organisation a name' })),
  description: text('Description', 2000, 'paragraphs').default(''),
  website: webAddress('Website', 300).default(''),
  email: text('Email', 200)
    .refine((s) => s === '' || isEmailAddress(s), {
      error: 'Email must be an address like name@example.org',
    })
    .default(''),
  charityNumber: text('Charity number', 12)
    .refine((s) => s === '' || CHARITY_NUMBER_RE.test(s), {
      error: 'Give the charity number as digits, for example 1012345',
    })
    .default(''),
});
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;

/** An organisation as the API returns it; its id is never reused. */
export const OrganisationSchema = OrganisationInputSchema.extend({
  id: z.number().int().positive(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** GET /api/organisations: a bare list, by name. */
export const OrganisationListSchema = z.array(OrganisationSchema);
