import { WAYS } from '@fiveways/shared';
import { Hono } from 'hono';

export function wayRoutes() {
  return new Hono().get('/', (c) => c.json(WAYS));
}
