import type { Db } from '../db/open-db.ts';
import { createRouter } from '../http/router.ts';

export function healthRoutes(db: Db) {
  return (
    createRouter()
      .get('/', (c) => c.json({ status: 'ok' }))
      // Ready only when the database answers: load balancers and start-up scripts wait on this.
      .get('/ready', (c) => {
        try {
          db.prepare('SELECT 1').get();
          return c.json({ status: 'ok' });
        } catch {
          return c.json({ status: 'unavailable' }, 503);
        }
      })
  );
}
