// Where outcome emails go. With SMTP_URL: a real SMTP server, through nodemailer. Without it
// (development, tests): nodemailer's own stream transport renders the very same message, and it
// is captured, as an .eml file in a folder or in a list in memory, instead of being sent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { REPO_ROOT } from '../env.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The language it is written in (Content-Language). */
  language: string;
}

export type MailResult = { ok: true } | { ok: false; error: string };

export interface Mailer {
  /** Where mail goes, for the start-up log line: never the password in SMTP_URL. */
  readonly where: string;
  send(mail: OutgoingMail): Promise<MailResult>;
}

/** A message as the capture kept it: the whole RFC 5322 text, and its envelope. */
export interface CapturedMail {
  to: string[];
  raw: string;
}

/** Short, so a stuck server never holds a staff member's decision for long. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** The failure in one sentence for staff, without server details they cannot act on. */
function plainFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS') {
    return 'The mail server could not be reached';
  }
  if (code === 'EAUTH') return 'The mail server refused our login';
  if (code === 'EENVELOPE') return 'The mail server refused the address';
  return 'The mail server did not accept the message';
}

function messageOf(from: string, mail: OutgoingMail) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-replied' },
  };
}

/** Sends through the SMTP server SMTP_URL names (smtp:// or smtps://, with any user:password). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  return {
    where: `${url.protocol}//${url.host}`,
    async send(mail) {
      try {
        await transport.sendMail(messageOf(from, mail));
        return { ok: true };
      } catch (error) {
        return { ok: false, error: plainFailure(error) };
      }
    },
  };
}

/** Renders each message with nodemailer and hands it to `keep` instead of sending it. */
function createCaptureMailer(
  from: string,
  where: string,
  keep: (mail: CapturedMail) => void,
): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    where,
    async send(mail) {
      try {
        const info = await transport.sendMail(messageOf(from, mail));
        const raw = Buffer.isBuffer(info.message) ? info.message.toString('utf8') : '';
        keep({ to: info.envelope.to, raw });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: plainFailure(error) };
      }
    },
  };
}

/** Writes each message as an .eml file in `dir` (made when first needed). */
export function createOutboxMailer(dir: string, from: string): Mailer {
  let count = 0;
  return createCaptureMailer(from, `files in ${dir}`, (mail) => {
    mkdirSync(dir, { recursive: true });
    count += 1;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    writeFileSync(join(dir, `${stamp}-${process.pid}-${count}.eml`), mail.raw);
  });
}

/** Keeps each message in `sent`, for tests. */
export function createMemoryMailer(from = 'Five Ways Worcester <no-reply@localhost>') {
  const sent: CapturedMail[] = [];
  const mailer = createCaptureMailer(from, 'memory', (mail) => sent.push(mail));
  return { mailer, sent };
}

/** The folder development mail is written to when no SMTP_URL is set. */
export const OUTBOX_DIR = join(REPO_ROOT, 'data', 'outbox');

/** SMTP when SMTP_URL is set; else .eml files in data/outbox. */
export function mailerFromSettings(settings: { smtpUrl: string | null; mailFrom: string }): Mailer {
  return settings.smtpUrl === null
    ? createOutboxMailer(OUTBOX_DIR, settings.mailFrom)
    : createSmtpMailer(settings.smtpUrl, settings.mailFrom);
}
