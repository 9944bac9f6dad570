// The settings of suggest-a-group, read by env.ts (the only reader of process.env): where outcome
// emails go and the public form's limits. Each bad one is reported with how to fix it.
import { z } from 'zod';

export interface SuggestionSettings {
  /** SMTP_URL: smtp:// or smtps:// with any user:password; null captures mail in data/outbox. */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender of outcome emails. */
  mailFrom: string;
  /** FORM_SECRET: signs the form's time tokens; null keeps a random one in the database. */
  formSecret: string | null;
  /** SUGGESTIONS_PER_DAY: public suggestions waiting from the last day before the form pauses. */
  perDay: number;
}

export const DEFAULT_SUGGESTIONS_PER_DAY = 50;

const SmtpUrlSchema = z.string().refine(
  (s) => {
    if (!URL.canParse(s)) return false;
    const url = new URL(s);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  },
  {
    error:
      'must be an smtp:// or smtps:// address, for example SMTP_URL=smtps://user:password@mail.example.org:465',
  },
);

const MailFromSchema = z
  .string()
  .max(300)
  .regex(/^(?:[^<>@\r\n]* <[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, {
    error:
      'must be an email address, optionally with a name, for example MAIL_FROM="Five Ways Worcester <hello@example.org>"',
  });

const FormSecretSchema = z.string().min(32, {
  error:
    'must be at least 32 characters of random text, for example from `openssl rand -base64 32`',
});

const PerDaySchema = z
  .string()
  .regex(/^\d{1,5}$/, { error: 'must be a whole number, for example SUGGESTIONS_PER_DAY=50' })
  .transform(Number)
  .refine((n) => n >= 1 && n <= 10_000, {
    error: 'must be from 1 to 10000, for example SUGGESTIONS_PER_DAY=50',
  });

/** Reads the settings from `source`, adding a line to `problems` for each bad one. */
export function readSuggestionSettings(
  source: Record<string, string | undefined>,
  problems: { variable: string; message: string }[],
  publicUrl: string | undefined,
): SuggestionSettings {
  function value<T>(variable: string, schema: z.ZodType<T, string>, fallback: T): T {
    const raw = source[variable]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    problems.push({ variable, message: result.error.issues[0]?.message ?? 'is not valid' });
    return fallback;
  }
  const host =
    publicUrl !== undefined && URL.canParse(publicUrl) ? new URL(publicUrl).hostname : '';
  const domain = host.includes('.') ? host : 'localhost.localdomain';
  return {
    smtpUrl: value<string | null>('SMTP_URL', SmtpUrlSchema, null),
    mailFrom: value('MAIL_FROM', MailFromSchema, `Five Ways Worcester <no-reply@${domain}>`),
    formSecret: value<string | null>('FORM_SECRET', FormSecretSchema, null),
    perDay: value('SUGGESTIONS_PER_DAY', PerDaySchema, DEFAULT_SUGGESTIONS_PER_DAY),
  };
}
