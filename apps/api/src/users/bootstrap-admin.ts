import { NewPasswordSchema, EmailSchema } from '@fiveways/shared';
import { createStaffWrite } from '../audit/staff-write.ts';
import { hashPassword } from '../auth/password.ts';
import type { Db } from '../db/open-db.ts';
import { USER } from './users.policy.ts';
import { countUsers, emailTaken, insertUser } from './users.queries.ts';

/** A bad email or password for a new admin, in plain English. */
export class AdminInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminInputError';
  }
}

function checkAdminInput(email: string, password: string): { email: string; password: string } {
  const parsedEmail = EmailSchema.safeParse(email);
  if (!parsedEmail.success) {
    throw new AdminInputError(
      `The email address "${email}" is not valid: give one like name@example.org`,
    );
  }
  const parsedPassword = NewPasswordSchema.safeParse(password);
  if (!parsedPassword.success) {
    throw new AdminInputError(
      `The password is not acceptable: ${parsedPassword.error.issues[0]?.message ?? 'choose another'}`,
    );
  }
  return { email: parsedEmail.data, password: parsedPassword.data };
}

/** Creates an admin account with a password (throws AdminInputError on bad input or a taken email). */
export async function createAdmin(
  db: Db,
  email: string,
  password: string,
  clock: () => Date,
  name = 'Administrator',
): Promise<number> {
  const input = checkAdminInput(email, password);
  const passwordHash = await hashPassword(input.password);
  // Before the service listens, or from the command line: no read cache to tell.
  const staffWrite = createStaffWrite({ db, cache: null, clock });
  const admin = staffWrite({
    kind: USER,
    action: 'create',
    by: null,
    // Whoever can start the service or open its database may make its first admin.
    allowed: true,
    change: ({ at }) => {
      if (emailTaken(db, input.email)) {
        throw new AdminInputError(`There is already an account for ${input.email}`);
      }
      return insertUser(
        db,
        { email: input.email, name, role: 'admin', venues: [], passwordHash },
        at,
      );
    },
  });
  return admin.id;
}

/**
 * The first admin, from ADMIN_EMAIL and ADMIN_PASSWORD: created only while there is no account
 * at all. Returns true when it created one.
 */
export async function ensureBootstrapAdmin(
  db: Db,
  email: string,
  password: string,
  clock: () => Date,
): Promise<boolean> {
  if (countUsers(db) > 0) return false;
  await createAdmin(db, email, password, clock);
  return true;
}
