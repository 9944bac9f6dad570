import { WAYS } from '@fiveways/shared';
import { createRouter } from '../http/router.ts';

export function wayRoutes() {
  return createRouter().get('/', (c) => c.json(WAYS));
}
