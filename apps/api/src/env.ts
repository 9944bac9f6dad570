// The only reader of process.env: every setting is validated here, once, at start-up.
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@fiveways/shared';
import { z } from 'zod';
import {
  OPEN_DATA_LICENCE_KEYS,
  OPEN_DATA_LICENCES,
  type OpenDataLicence,
} from './openreferral/open-data-licence.ts';
import {
  readSuggestionSettings,
  type SuggestionSettings,
} from './suggestions/suggestion-settings.ts';

/** The repository root (apps/api/src → ../../..): relative paths are read from here. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export interface Env {
  port: number;
  /** Absolute path of the SQLite file, or ':memory:'. */
  databasePath: string;
  /** The service's own origin, e.g. https://fiveways.example.org (no trailing slash). */
  publicUrl: string;
  demoData: boolean;
  /** Set together or not at all: the first admin account created at start-up. */
  admin: { email: string; password: string } | null;
  /**
   * Addresses of the reverse proxies in front: only a request whose socket peer is one of them has
   * its client address read from X-Forwarded-For. Empty: the peer is the client.
   */
  trustedProxies: string[];
  /** The most the read cache may hold (READ_CACHE_MB), in bytes. */
  readCacheBytes: number;
  /** BENCH_STATS=on: log event-loop and memory figures on SIGUSR2, for the benchmarks. */
  benchStats: boolean;
  /** The licence the open data is offered under (OPEN_DATA_LICENCE). */
  openDataLicence: OpenDataLicence;
  /** Importing groups' own calendars (IMPORT_*). */
  imports: ImportEnv;
  /** Months reach counts are kept (REACH_RETENTION_MONTHS) before a daily purge deletes them. */
  reachRetentionMonths: number;
  /** Suggest a group: SMTP_URL, MAIL_FROM, FORM_SECRET, SUGGESTIONS_PER_DAY. */
  suggestions: SuggestionSettings;
}

export interface ImportEnv {
  /** IMPORT_INTERVAL_MINUTES: how often each linked calendar is fetched. */
  intervalMinutes: number;
  /** IMPORT_ALLOW_HOSTS: hosts (or host:port) fetched even at private or loopback addresses. */
  allowHosts: string[];
  /** IMPORT_TIMEOUT_SECONDS: the most one fetch may take. */
  timeoutSeconds: number;
  /** IMPORT_MAX_MB, in bytes: the largest calendar read. */
  maxBytes: number;
}

export const DEFAULT_IMPORT_ENV: ImportEnv = {
  intervalMinutes: 60,
  allowHosts: [],
  timeoutSeconds: 20,
  maxBytes: 5 * 1024 * 1024,
};

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** One or more environment variables are wrong; `problems` has one line per variable. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Source = Record<string, string | undefined>;

/** Unset and blank variables both mean "use the default". */
function read(source: Source, name: string): string | undefined {
  const value = source[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

const PortSchema = z
  .string()
  .regex(/^\d{1,5}$/, { error: 'must be a whole number from 1 to 65535, for example PORT=8787' })
  .transform(Number)
  .refine((n) => n >= 1 && n <= 65535, {
    error: 'must be a whole number from 1 to 65535, for example PORT=8787',
  });

const PublicUrlSchema = z
  .string()
  .refine(
    (s) => {
      if (!URL.canParse(s)) return false;
      const url = new URL(s);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    },
    {
      error:
        'must be an http:// or https:// address, for example PUBLIC_URL=https://fiveways.example.org',
    },
  )
  .refine((s) => !s.endsWith('/'), {
    error: 'must not end with a slash, for example PUBLIC_URL=https://fiveways.example.org',
  })
  .refine((s) => !s.includes('?') && !s.includes('#'), {
    error:
      'must be a plain address without ? or #, for example PUBLIC_URL=https://fiveways.example.org',
  });

/** READ_CACHE_MB when unset: a quarter of the deployment guide's MemoryMax=1G. */
export const DEFAULT_READ_CACHE_MB = 256;

const ReadCacheMbSchema = z
  .string()
  .regex(/^\d{1,6}$/, {
    error: 'must be a whole number of megabytes, for example READ_CACHE_MB=256',
  })
  .transform(Number)
  .refine((n) => n >= 16 && n <= 65536, {
    error: 'must be from 16 to 65536 megabytes, for example READ_CACHE_MB=256',
  });

const BenchStatsSchema = z.enum(['on', 'off'], {
  error: 'must be "on" (log event-loop and memory figures on SIGUSR2) or "off"',
});

const OpenDataLicenceSchema = z.enum(OPEN_DATA_LICENCE_KEYS, {
  error: `must be one of ${OPEN_DATA_LICENCE_KEYS.join(', ')}, for example OPEN_DATA_LICENCE=ogl-3.0`,
});

/** REACH_RETENTION_MONTHS when unset: a year and a month, so a year can be compared with the last. */
export const DEFAULT_REACH_RETENTION_MONTHS = 13;

const ReachRetentionMonthsSchema = z
  .string()
  .regex(/^\d{1,3}$/, {
    error: 'must be a whole number of months, for example REACH_RETENTION_MONTHS=13',
  })
  .transform(Number)
  .refine((n) => n >= 1 && n <= 120, {
    error: 'must be from 1 to 120 months, for example REACH_RETENTION_MONTHS=13',
  });

const DemoDataSchema = z.enum(['on', 'off'], {
  error: 'must be "on" (fill a new, empty database with sample data) or "off"',
});

const AdminEmailSchema = z.email({
  error: 'must be an email address, for example ADMIN_EMAIL=admin@example.org',
});

const AdminPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  .max(PASSWORD_MAX_LENGTH, { error: `must be at most ${PASSWORD_MAX_LENGTH} characters long` });

const TRUSTED_PROXY_EXAMPLE = 'for example TRUSTED_PROXY=127.0.0.1 or TRUSTED_PROXY=127.0.0.1,::1';

const TrustedProxySchema = z
  .string()
  .transform((s) => s.split(',').map((part) => part.trim()))
  .refine((parts) => parts.every((part) => isIP(part) !== 0), {
    error: `must be IP addresses separated by commas (no names, no ranges), ${TRUSTED_PROXY_EXAMPLE}`,
  });

/** A whole number from `min` to `max`, for the setting `name` (its example uses `example`). */
function wholeNumberSetting(name: string, min: number, max: number, example: number) {
  const error = `must be a whole number from ${min} to ${max}, for example ${name}=${example}`;
  return z
    .string()
    .regex(/^\d{1,7}$/, { error })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error });
}

const ImportIntervalSchema = wholeNumberSetting('IMPORT_INTERVAL_MINUTES', 5, 1440, 60);
const ImportTimeoutSchema = wholeNumberSetting('IMPORT_TIMEOUT_SECONDS', 1, 120, 20);
const ImportMaxMbSchema = wholeNumberSetting('IMPORT_MAX_MB', 1, 50, 5);

const ALLOW_HOSTS_EXAMPLE = 'for example IMPORT_ALLOW_HOSTS=calendar.local,127.0.0.1:8900';

const ImportAllowHostsSchema = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part !== ''),
  )
  .refine(
    (parts) =>
      parts.every((part) => {
        // A host name, IPv4 address or [IPv6] address, with an optional :port.
        const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(part);
        return match !== null && (match[2] === undefined || Number(match[2]) <= 65535);
      }),
    { error: `must be host names or host:port pairs separated by commas, ${ALLOW_HOSTS_EXAMPLE}` },
  );

/**
 * Reads and checks the settings. Throws a ConfigError naming every bad variable and how to fix it.
 */
export function loadEnv(source: Source = process.env): Env {
  const problems: ConfigProblem[] = [];
  function check<T>(variable: string, schema: z.ZodType<T, string>, value: string): T | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push({ variable, message: result.error.issues[0]?.message ?? 'is not valid' });
    return undefined;
  }

  const rawPort = read(source, 'PORT');
  const port = rawPort === undefined ? 8787 : check('PORT', PortSchema, rawPort);

  const rawDatabasePath = read(source, 'DATABASE_PATH');
  let databasePath = resolve(REPO_ROOT, 'data', 'fiveways.db');
  if (rawDatabasePath === ':memory:') databasePath = ':memory:';
  else if (rawDatabasePath !== undefined) {
    // Relative paths are read from the repository root, wherever the command was started.
    databasePath = isAbsolute(rawDatabasePath)
      ? rawDatabasePath
      : resolve(REPO_ROOT, rawDatabasePath);
    if (rawDatabasePath.includes('\0')) {
      problems.push({
        variable: 'DATABASE_PATH',
        message: 'must be a file path, for example DATABASE_PATH=./data/fiveways.db',
      });
    }
  }

  const rawPublicUrl = read(source, 'PUBLIC_URL');
  const publicUrl =
    rawPublicUrl === undefined
      ? `http://localhost:${port ?? 8787}`
      : check('PUBLIC_URL', PublicUrlSchema, rawPublicUrl);

  const rawDemoData = read(source, 'DEMO_DATA');
  const demoData =
    rawDemoData === undefined
      ? 'on'
      : check('DEMO_DATA', DemoDataSchema, rawDemoData.toLowerCase());

  const rawEmail = read(source, 'ADMIN_EMAIL');
  const rawPassword = read(source, 'ADMIN_PASSWORD');
  let admin: Env['admin'] = null;
  if (rawEmail !== undefined && rawPassword === undefined) {
    problems.push({
      variable: 'ADMIN_PASSWORD',
      message: 'must be set when ADMIN_EMAIL is set (or unset both)',
    });
  } else if (rawEmail === undefined && rawPassword !== undefined) {
    problems.push({
      variable: 'ADMIN_EMAIL',
      message: 'must be set when ADMIN_PASSWORD is set (or unset both)',
    });
  } else if (rawEmail !== undefined && rawPassword !== undefined) {
    const email = check('ADMIN_EMAIL', AdminEmailSchema, rawEmail);
    // Passwords are taken as given: spaces at either end are part of them.
    const password = check('ADMIN_PASSWORD', AdminPasswordSchema, source['ADMIN_PASSWORD'] ?? '');
    if (email !== undefined && password !== undefined)
      admin = { email: email.toLowerCase(), password };
  }

  const rawTrustedProxy = read(source, 'TRUSTED_PROXY');
  const trustedProxies =
    rawTrustedProxy === undefined
      ? []
      : check('TRUSTED_PROXY', TrustedProxySchema, rawTrustedProxy);

  const rawReadCacheMb = read(source, 'READ_CACHE_MB');
  const readCacheMb =
    rawReadCacheMb === undefined
      ? DEFAULT_READ_CACHE_MB
      : check('READ_CACHE_MB', ReadCacheMbSchema, rawReadCacheMb);

  const rawLicence = read(source, 'OPEN_DATA_LICENCE');
  const licenceKey =
    rawLicence === undefined
      ? 'ogl-3.0'
      : check('OPEN_DATA_LICENCE', OpenDataLicenceSchema, rawLicence.toLowerCase());

  const rawBenchStats = read(source, 'BENCH_STATS');
  const benchStats =
    rawBenchStats === undefined
      ? 'off'
      : check('BENCH_STATS', BenchStatsSchema, rawBenchStats.toLowerCase());

  const rawRetention = read(source, 'REACH_RETENTION_MONTHS');
  const reachRetentionMonths =
    rawRetention === undefined
      ? DEFAULT_REACH_RETENTION_MONTHS
      : check('REACH_RETENTION_MONTHS', ReachRetentionMonthsSchema, rawRetention);

  const rawInterval = read(source, 'IMPORT_INTERVAL_MINUTES');
  const intervalMinutes =
    rawInterval === undefined
      ? DEFAULT_IMPORT_ENV.intervalMinutes
      : check('IMPORT_INTERVAL_MINUTES', ImportIntervalSchema, rawInterval);
  const rawAllowHosts = read(source, 'IMPORT_ALLOW_HOSTS');
  const allowHosts =
    rawAllowHosts === undefined
      ? DEFAULT_IMPORT_ENV.allowHosts
      : check('IMPORT_ALLOW_HOSTS', ImportAllowHostsSchema, rawAllowHosts);
  const rawTimeout = read(source, 'IMPORT_TIMEOUT_SECONDS');
  const timeoutSeconds =
    rawTimeout === undefined
      ? DEFAULT_IMPORT_ENV.timeoutSeconds
      : check('IMPORT_TIMEOUT_SECONDS', ImportTimeoutSchema, rawTimeout);
  const rawMaxMb = read(source, 'IMPORT_MAX_MB');
  const maxMb =
    rawMaxMb === undefined
      ? DEFAULT_IMPORT_ENV.maxBytes / (1024 * 1024)
      : check('IMPORT_MAX_MB', ImportMaxMbSchema, rawMaxMb);
  const suggestions = readSuggestionSettings(source, problems, publicUrl);

  if (
    problems.length > 0 ||
    intervalMinutes === undefined ||
    allowHosts === undefined ||
    timeoutSeconds === undefined ||
    maxMb === undefined ||
    reachRetentionMonths === undefined ||
    trustedProxies === undefined ||
    readCacheMb === undefined ||
    benchStats === undefined ||
    licenceKey === undefined ||
    port === undefined ||
    publicUrl === undefined ||
    demoData === undefined
  ) {
    throw new ConfigError(problems);
  }
  return {
    port,
    databasePath,
    publicUrl,
    demoData: demoData === 'on',
    admin,
    trustedProxies,
    readCacheBytes: readCacheMb * 1024 * 1024,
    benchStats: benchStats === 'on',
    openDataLicence: OPEN_DATA_LICENCES[licenceKey],
    imports: { intervalMinutes, allowHosts, timeoutSeconds, maxBytes: maxMb * 1024 * 1024 },
    reachRetentionMonths,
    suggestions,
  };
}
