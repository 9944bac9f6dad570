import { describe, expect, it } from 'vitest';
import { openTestDb, testClock } from '../test-support.ts';
import { AdminInputError, ensureBootstrapAdmin } from './bootstrap-admin.ts';
import { countUsers } from './users.queries.ts';

describe('the first admin', () => {
  it('is created from the settings only while there are no accounts', async () => {
    const db = openTestDb();
    expect(
      await ensureBootstrapAdmin(db, 'Boss@Example.org', 'a long admin passphrase', testClock),
    ).toBe(true);
    expect(
      await ensureBootstrapAdmin(db, 'other@example.org', 'another long passphrase', testClock),
    ).toBe(false);
    expect(countUsers(db)).toBe(1);
    expect(db.prepare('SELECT email, role FROM users').get()).toEqual({
      email: 'boss@example.org',
      role: 'admin',
    });
  });

  it('needs a password of at least 10 characters, said plainly', async () => {
    const db = openTestDb();
    await expect(
      ensureBootstrapAdmin(db, 'boss@example.org', 'short1234', testClock),
    ).rejects.toThrow(AdminInputError);
    await expect(
      ensureBootstrapAdmin(db, 'boss@example.org', 'short1234', testClock),
    ).rejects.toThrow(/at least 10 characters/);
    expect(countUsers(db)).toBe(0);
  });
});
