import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './throttle.ts';

const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };

function setUp() {
  let now = 1_000_000;
  const throttle = createLoginThrottle(() => now, limits);
  return { throttle, advance: (ms: number) => (now += ms) };
}

describe('login throttle', () => {
  it('blocks an account after its limit of failures, whatever the case of the email', () => {
    const { throttle } = setUp();
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('Ann@example.org', `10.0.0.${i}`).allowed).toBe(true);
      throttle.recordFailure(i % 2 ? 'ANN@example.org' : 'ann@example.org', `10.0.0.${i}`);
    }
    expect(throttle.check('ann@example.org', '10.0.0.99')).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
    expect(throttle.check('bob@example.org', '10.0.0.99').allowed).toBe(true);
  });

  it('blocks an address that tries many accounts', () => {
    const { throttle } = setUp();
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}@example.org`, '10.0.0.1');
    expect(throttle.check('someone@example.org', '10.0.0.1').allowed).toBe(false);
    expect(throttle.check('someone@example.org', '10.0.0.2').allowed).toBe(true);
  });

  it('lets the account try again once the oldest failure leaves the window', () => {
    const { throttle, advance } = setUp();
    throttle.recordFailure('ann@example.org', 'a');
    advance(20_000);
    throttle.recordFailure('ann@example.org', 'b');
    throttle.recordFailure('ann@example.org', 'c');
    const verdict = throttle.check('ann@example.org', 'd');
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 40 });
    advance(40_000);
    expect(throttle.check('ann@example.org', 'd').allowed).toBe(true);
  });

  it('forgives the account (not the address) after a correct password', () => {
    const { throttle } = setUp();
    for (let i = 0; i < 3; i++) throttle.recordFailure('ann@example.org', 'a');
    throttle.recordSuccess('ann@example.org');
    expect(throttle.check('ann@example.org', 'b').allowed).toBe(true);
    throttle.recordFailure('x@example.org', 'a');
    throttle.recordFailure('y@example.org', 'a');
    expect(throttle.check('z@example.org', 'a').allowed).toBe(false);
  });
});
