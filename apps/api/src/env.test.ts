import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, REPO_ROOT, loadEnv } from './env.ts';

function problemsOf(source: Record<string, string>) {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadEnv', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadEnv({})).toEqual({
      port: 8787,
      databasePath: resolve(REPO_ROOT, 'data/fiveways.db'),
      publicUrl: 'http://localhost:8787',
      demoData: true,
      admin: null,
      trustedProxies: [],
      readCacheBytes: 256 * 1024 * 1024,
      benchStats: false,
      openDataLicence: {
        name: 'Open Government Licence v3.0',
        url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      },
      imports: {
        intervalMinutes: 60,
        allowHosts: [],
        timeoutSeconds: 20,
        maxBytes: 5 * 1024 * 1024,
      },
      reachRetentionMonths: 13,
      suggestions: {
        smtpUrl: null,
        mailFrom: 'Five Ways Worcester <no-reply@localhost.localdomain>',
        formSecret: null,
        perDay: 50,
      },
    });
  });

  it('reads every variable', () => {
    const env = loadEnv({
      PORT: '8899',
      DATABASE_PATH: '/tmp/fiveways-test.db',
      PUBLIC_URL: 'https://fiveways.example.org',
      DEMO_DATA: 'off',
      ADMIN_EMAIL: 'Admin@Example.org',
      ADMIN_PASSWORD: 'correct horse',
      TRUSTED_PROXY: '127.0.0.1, ::1',
      READ_CACHE_MB: '64',
      BENCH_STATS: 'on',
      OPEN_DATA_LICENCE: 'CC-BY-4.0',
      IMPORT_INTERVAL_MINUTES: '30',
      IMPORT_ALLOW_HOSTS: 'Calendar.local, 127.0.0.1:8900',
      IMPORT_TIMEOUT_SECONDS: '10',
      IMPORT_MAX_MB: '2',
      REACH_RETENTION_MONTHS: '25',
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      MAIL_FROM: 'Five Ways <hello@example.org>',
      FORM_SECRET: 'a'.repeat(32),
      SUGGESTIONS_PER_DAY: '20',
    });
    expect(env).toEqual({
      port: 8899,
      databasePath: '/tmp/fiveways-test.db',
      publicUrl: 'https://fiveways.example.org',
      demoData: false,
      admin: { email: 'admin@example.org', password: 'correct horse' },
      trustedProxies: ['127.0.0.1', '::1'],
      readCacheBytes: 64 * 1024 * 1024,
      benchStats: true,
      openDataLicence: {
        name: 'Creative Commons Attribution 4.0 International',
        url: 'https://creativecommons.org/licenses/by/4.0/',
      },
      imports: {
        intervalMinutes: 30,
        allowHosts: ['calendar.local', '127.0.0.1:8900'],
        timeoutSeconds: 10,
        maxBytes: 2 * 1024 * 1024,
      },
      reachRetentionMonths: 25,
      suggestions: {
        smtpUrl: 'smtps://user:secret@mail.example.org:465',
        mailFrom: 'Five Ways <hello@example.org>',
        formSecret: 'a'.repeat(32),
        perDay: 20,
      },
    });
  });

  it('refuses a REACH_RETENTION_MONTHS that is not 1 to 120 whole months', () => {
    for (const bad of ['0', '121', '12.5', 'a year']) {
      expect(() => loadEnv({ REACH_RETENTION_MONTHS: bad })).toThrow(/REACH_RETENTION_MONTHS/);
    }
    expect(loadEnv({ REACH_RETENTION_MONTHS: '1' }).reachRetentionMonths).toBe(1);
  });

  it('defaults PUBLIC_URL to the chosen port', () => {
    expect(loadEnv({ PORT: '9000' }).publicUrl).toBe('http://localhost:9000');
  });

  it('reads a relative DATABASE_PATH from the repository root and keeps :memory:', () => {
    expect(loadEnv({ DATABASE_PATH: 'data/other.db' }).databasePath).toBe(
      resolve(REPO_ROOT, 'data/other.db'),
    );
    expect(loadEnv({ DATABASE_PATH: ':memory:' }).databasePath).toBe(':memory:');
  });

  it('treats blank values as unset', () => {
    expect(loadEnv({ PORT: '', DEMO_DATA: ' ' }).port).toBe(8787);
  });

  it.each([
    ['PORT', 'eighty', 'PORT=8787'],
    ['PORT', '70000', 'from 1 to 65535'],
    ['PORT', '0', 'from 1 to 65535'],
    ['PUBLIC_URL', 'ftp://example.org', 'http:// or https://'],
    ['PUBLIC_URL', 'not a url', 'http:// or https://'],
    ['PUBLIC_URL', 'https://example.org/', 'must not end with a slash'],
    ['DEMO_DATA', 'yes', '"on"'],
    ['TRUSTED_PROXY', 'proxy.example.org', 'IP addresses separated by commas'],
    ['TRUSTED_PROXY', '10.0.0.0/8', 'no ranges'],
    ['TRUSTED_PROXY', '127.0.0.1,,::1', 'TRUSTED_PROXY=127.0.0.1'],
    ['READ_CACHE_MB', '1.5', 'whole number of megabytes'],
    ['READ_CACHE_MB', '8', 'from 16 to 65536'],
    ['BENCH_STATS', 'yes', '"on"'],
    ['OPEN_DATA_LICENCE', 'mine', 'OPEN_DATA_LICENCE=ogl-3.0'],
    ['SMTP_URL', 'https://mail.example.org', 'smtp:// or smtps://'],
    ['MAIL_FROM', 'nobody', 'MAIL_FROM='],
    ['FORM_SECRET', 'short', 'at least 32 characters'],
    ['SUGGESTIONS_PER_DAY', 'many', 'SUGGESTIONS_PER_DAY=50'],
    ['SUGGESTIONS_PER_DAY', '0', 'from 1 to 10000'],
  ])('rejects %s=%s with a message saying how to fix it', (variable, value, hint) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.variable).toBe(variable);
    expect(problems[0]?.message).toContain(hint);
  });

  it('reports every bad variable at once, one line each', () => {
    const problems = problemsOf({ PORT: 'x', PUBLIC_URL: 'y', DEMO_DATA: 'maybe' });
    expect(problems.map((p) => p.variable)).toEqual(['PORT', 'PUBLIC_URL', 'DEMO_DATA']);
    expect(new ConfigError(problems).message.split('\n')).toHaveLength(3);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together, and checks both', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'a@example.org' })[0]?.variable).toBe('ADMIN_PASSWORD');
    expect(problemsOf({ ADMIN_PASSWORD: 'long enough' })[0]?.variable).toBe('ADMIN_EMAIL');
    expect(problemsOf({ ADMIN_EMAIL: 'nobody', ADMIN_PASSWORD: 'long enough' })).toEqual([
      { variable: 'ADMIN_EMAIL', message: expect.stringContaining('email address') as string },
    ]);
    expect(problemsOf({ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'short' })[0]).toMatchObject({
      variable: 'ADMIN_PASSWORD',
      message: 'must be at least 10 characters long',
    });
    // The same rule as a password set in the staff area: nine characters are not enough.
    expect(problemsOf({ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'ninechars' })).toHaveLength(
      1,
    );
    expect(loadEnv({ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'tencharss!' }).admin).toEqual({
      email: 'a@example.org',
      password: 'tencharss!',
    });
  });

  it('checks the calendar import settings, naming each bad one', () => {
    expect(problemsOf({ IMPORT_INTERVAL_MINUTES: '1' })[0]).toMatchObject({
      variable: 'IMPORT_INTERVAL_MINUTES',
      message: expect.stringContaining('from 5 to 1440') as string,
    });
    expect(problemsOf({ IMPORT_ALLOW_HOSTS: 'http://x.example/' })[0]?.variable).toBe(
      'IMPORT_ALLOW_HOSTS',
    );
    expect(problemsOf({ IMPORT_ALLOW_HOSTS: 'localhost:99999' })[0]?.variable).toBe(
      'IMPORT_ALLOW_HOSTS',
    );
    expect(problemsOf({ IMPORT_TIMEOUT_SECONDS: '0' })[0]?.variable).toBe('IMPORT_TIMEOUT_SECONDS');
    expect(problemsOf({ IMPORT_MAX_MB: 'lots' })[0]?.variable).toBe('IMPORT_MAX_MB');
    expect(loadEnv({ IMPORT_ALLOW_HOSTS: '[::1]:8080,,localhost' }).imports.allowHosts).toEqual([
      '[::1]:8080',
      'localhost',
    ]);
  });
});
