import { Hono } from 'hono';
import { authRoutes } from '../auth/auth.routes.ts';
import { loadStaff, type StaffEnv } from '../auth/staff-auth.ts';
import {
  createLoginThrottle,
  DEFAULT_THROTTLE_LIMITS,
  type ThrottleLimits,
} from '../auth/throttle.ts';
import { auditRoutes } from './audit.routes.ts';
import { directoryWriteRoutes } from './directory.routes.ts';
import { sessionWriteRoutes } from './sessions.routes.ts';
import type { StaffDeps } from './staff-deps.ts';
import { userRoutes } from './users.routes.ts';

export interface StaffRoutesOptions extends StaffDeps {
  throttleLimits?: ThrottleLimits;
}

/**
 * Everything staff do: log in and out, and every write (sessions, occurrences, groups, venues,
 * areas, accounts) with its audit entry. Mount at '/'; it reads the login cookie for the routes
 * after it.
 */
export function staffRoutes(options: StaffRoutesOptions) {
  const { db, clock, publicUrl } = options;
  const app = new Hono<StaffEnv>();

  app.use('/api/*', loadStaff(db, clock));

  const throttle = createLoginThrottle(
    () => clock().getTime(),
    options.throttleLimits ?? DEFAULT_THROTTLE_LIMITS,
  );
  const secureCookies = new URL(publicUrl).protocol === 'https:';
  app.route('/', authRoutes({ db, clock, secureCookies, throttle }));
  app.route('/', sessionWriteRoutes(options));
  app.route('/', directoryWriteRoutes(options));
  app.route('/', userRoutes(options));
  app.route('/', auditRoutes(options));
  return app;
}
