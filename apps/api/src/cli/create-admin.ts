// Creates an admin account: pnpm --filter @fiveways/api admin -- --email x@example.org --password '…'
// (or set ADMIN_EMAIL and ADMIN_PASSWORD). Uses DATABASE_PATH like the service.
import { parseArgs } from 'node:util';
import { AdminInputError, createAdmin } from '../users/bootstrap-admin.ts';
import { openDb } from '../db/open-db.ts';
import { ConfigError, loadEnv } from '../env.ts';

const USAGE =
  'Usage: pnpm --filter @fiveways/api admin -- --email name@example.org --password "at least 10 characters"\n' +
  '(or set ADMIN_EMAIL and ADMIN_PASSWORD instead of the options)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let options: { email?: string | undefined; password?: string | undefined };
try {
  // pnpm passes its `--` separator through; skip it.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
  ({ values: options } = parseArgs({
    args,
    options: { email: { type: 'string' }, password: { type: 'string' } },
    allowPositionals: false,
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}

let databasePath: string;
try {
  // Only the database location is needed; ADMIN_* are read from the options or below.
  databasePath = loadEnv({ ...process.env, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' }).databasePath;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  fail(error.problems.map((p) => `Configuration: ${p.variable} ${p.message}`).join('\n'));
}

const email = options.email ?? process.env['ADMIN_EMAIL'];
const password = options.password ?? process.env['ADMIN_PASSWORD'];
if (email === undefined || email === '' || password === undefined || password === '') {
  fail(`Give both an email address and a password.\n${USAGE}`);
}

const db = openDb(databasePath);
try {
  const id = await createAdmin(db, email, password, () => new Date());
  console.log(
    `Created admin account ${id} for ${email.trim().toLowerCase()}. They can log in now.`,
  );
} catch (error) {
  if (!(error instanceof AdminInputError)) throw error;
  fail(error.message);
} finally {
  db.close();
}
