// How the first person gets into the staff area: from ADMIN_EMAIL/ADMIN_PASSWORD, or (with the
// sample data on and no account yet) a demo admin whose password is printed once, or a log line
// that says how to make an admin.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open-db.ts';
import type { Logger } from '../ops/logger.ts';
import { createAdmin, ensureBootstrapAdmin } from './bootstrap-admin.ts';
import { countUsers } from './users.queries.ts';

/** The demo admin's address: `.invalid` can never be a real mailbox (RFC 2606). */
export const DEMO_ADMIN_EMAIL = 'demo-admin@fiveways.invalid';

export interface FirstRunSettings {
  demoData: boolean;
  admin: { email: string; password: string } | null;
  publicUrl: string;
}

export type FirstRunOutcome = 'admin-from-settings' | 'demo-admin' | 'no-account' | 'has-accounts';

/** A password nobody could guess and a person can type: 20 letters and digits. */
function makeDemoPassword(): string {
  const letters = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(20), (b) => letters[b % letters.length]).join('');
}

/**
 * Before the server listens: makes sure someone can log in, and says in the log how. Throws
 * AdminInputError for bad ADMIN_EMAIL/ADMIN_PASSWORD.
 */
export async function prepareFirstLogin(
  db: Db,
  settings: FirstRunSettings,
  log: Logger,
  clock: () => Date,
): Promise<FirstRunOutcome> {
  if (settings.admin !== null) {
    const { email, password } = settings.admin;
    if (await ensureBootstrapAdmin(db, email, password, clock)) {
      log.info('created the first admin account');
      return 'admin-from-settings';
    }
    return 'has-accounts';
  }
  if (countUsers(db) > 0) return 'has-accounts';
  const staffUrl = `${settings.publicUrl}/staff`;
  if (settings.demoData) {
    const password = makeDemoPassword();
    await createAdmin(db, DEMO_ADMIN_EMAIL, password, clock, 'Demo admin');
    // Printed once: only its hash is kept, so this line is the only place it can be read.
    log.warn(
      `DEMO ONLY: created a local demo admin account for trying the staff area. ` +
        `Log in at ${staffUrl} with email ${DEMO_ADMIN_EMAIL} and password ${password} ` +
        `(shown this once; change it under "Change password"). ` +
        `Never use DEMO_DATA=on for a real service.`,
      { demoAdmin: { email: DEMO_ADMIN_EMAIL, password, loginAt: staffUrl } },
    );
    return 'demo-admin';
  }
  log.warn(
    'No staff account exists yet, so nobody can log in to the staff area. Create the first ' +
      'admin by setting ADMIN_EMAIL and ADMIN_PASSWORD (at least 10 characters) and starting ' +
      "again, or run: pnpm --filter @fiveways/api admin -- --email you@example.org --password '…'",
  );
  return 'no-account';
}
