import { describe, expect, it } from 'vitest';
import { createLoginThrottle, type LoginAttemptKey, type ThrottleVerdict } from './throttle.ts';

const limits = { perAccount: 3, perAddress: 5, perDevice: 4, windowMs: 60_000 };

function setUp() {
  let now = 1_000_000;
  const throttle = createLoginThrottle(() => now, limits);
  return { throttle, advance: (ms: number) => (now += ms) };
}

function fail(verdict: ThrottleVerdict): void {
  if (!verdict.allowed) throw new Error('expected a place for this attempt');
  verdict.failed();
}

const ann = (address: string, device?: string): LoginAttemptKey => ({
  email: 'ann@example.org',
  address,
  device,
});

describe('login throttle', () => {
  it('blocks an account after its limit of failures, whatever the case of the email', () => {
    const { throttle } = setUp();
    for (let i = 0; i < 3; i++) {
      const email = i % 2 ? 'ANN@example.org' : ' ann@example.org';
      fail(throttle.begin({ email, address: `10.0.0.${i}` }));
    }
    expect(throttle.begin(ann('10.0.0.99'))).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(throttle.begin({ email: 'bob@example.org', address: '10.0.0.99' }).allowed).toBe(true);
  });

  it('counts attempts still in flight, so a burst gets no more places than the limit', () => {
    const { throttle } = setUp();
    const burst = Array.from({ length: 40 }, (_, i) => throttle.begin(ann(`10.0.1.${i}`)));
    expect(burst.filter((v) => v.allowed)).toHaveLength(3);
    // A refusal while places are only pending asks the client to come back shortly.
    expect(burst[3]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('gives a place back when the password was right, and forgives the account', () => {
    const { throttle } = setUp();
    fail(throttle.begin(ann('a')));
    fail(throttle.begin(ann('a')));
    const third = throttle.begin(ann('a'));
    expect(third.allowed).toBe(true);
    if (third.allowed) third.succeeded();
    for (let i = 0; i < 3; i++) expect(throttle.begin(ann('b')).allowed).toBe(true);
  });

  it('blocks an address that tries many accounts, not other addresses', () => {
    const { throttle } = setUp();
    for (let i = 0; i < 5; i++) fail(throttle.begin({ email: `u${i}@example.org`, address: 'x' }));
    expect(throttle.begin({ email: 'someone@example.org', address: 'x' }).allowed).toBe(false);
    expect(throttle.begin({ email: 'someone@example.org', address: 'y' }).allowed).toBe(true);
  });

  it("lets a browser that logged in before through other people's failures", () => {
    const { throttle } = setUp();
    // Strangers fill both the account's counter and the shared (proxy) address's counter.
    for (let i = 0; i < 3; i++) fail(throttle.begin(ann('proxy')));
    for (let i = 0; i < 2; i++) fail(throttle.begin({ email: `x${i}@e.org`, address: 'proxy' }));
    expect(throttle.begin(ann('proxy')).allowed).toBe(false);
    const known = throttle.begin(ann('proxy', 'device-1'));
    expect(known.allowed).toBe(true);
  });

  it('limits a known browser on its own counter', () => {
    const { throttle } = setUp();
    for (let i = 0; i < 4; i++) fail(throttle.begin(ann('a', 'device-1')));
    expect(throttle.begin(ann('a', 'device-1')).allowed).toBe(false);
    expect(throttle.begin(ann('a', 'device-2')).allowed).toBe(true);
    // The device's failures did not use up the account's places for new browsers.
    expect(throttle.begin(ann('a')).allowed).toBe(true);
  });

  it('lets the account try again once the oldest failure that counts leaves the window', () => {
    const { throttle, advance } = setUp();
    fail(throttle.begin(ann('a')));
    advance(20_000);
    fail(throttle.begin(ann('b')));
    fail(throttle.begin(ann('c')));
    expect(throttle.begin(ann('d'))).toEqual({ allowed: false, retryAfterSeconds: 40 });
    advance(40_000);
    expect(throttle.begin(ann('d')).allowed).toBe(true);
  });

  it('settles an attempt once: a second call changes nothing', () => {
    const { throttle } = setUp();
    const first = throttle.begin(ann('a'));
    if (!first.allowed) throw new Error('expected a place');
    first.failed();
    first.succeeded();
    fail(throttle.begin(ann('a')));
    fail(throttle.begin(ann('a')));
    expect(throttle.begin(ann('a')).allowed).toBe(false);
  });
});
