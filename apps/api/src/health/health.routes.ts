import type { Db } from '../db/open-db.ts';
import { createRouter } from '../http/router.ts';

/** The same small answers every time: encoded once. */
const OK = JSON.stringify({ status: 'ok' });
const UNAVAILABLE = JSON.stringify({ status: 'unavailable' });
const JSON_TYPE = { 'content-type': 'application/json' };

export function healthRoutes(db: Db) {
  // Prepared once: a closed or broken database makes running it throw.
  const ping = db.prepare('SELECT 1');
  return (
    createRouter()
      .get('/', (c) => c.body(OK, 200, JSON_TYPE))
      // Ready only when the database answers: load balancers and start-up scripts wait on this.
      .get('/ready', (c) => {
        try {
          ping.get();
          return c.body(OK, 200, JSON_TYPE);
        } catch {
          return c.body(UNAVAILABLE, 503, JSON_TYPE);
        }
      })
  );
}
