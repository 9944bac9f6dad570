import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('stores scrypt parameters, a salt and a hash, and checks the right password', async () => {
    const stored = await hashPassword('a long pass phrase');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('a long pass phrase', stored)).toBe(true);
    expect(await verifyPassword('a long pass phrasE', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same words'), hashPassword('same words')]);
    expect(a).not.toBe(b);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$2$3$x$y', 'bcrypt$10$8$1$c2FsdA==$aGFzaA==']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait!');
    expect(await verifyPassword('cafe\u0301 au lait!', stored)).toBe(true);
  });

  it('always says no for an unknown account', async () => {
    expect(await verifyAgainstDummy('not a real password, only here to spend time')).toBe(false);
  });
});
