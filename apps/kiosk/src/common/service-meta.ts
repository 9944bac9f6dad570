// The service's own facts (/api/meta) for the phone pages: whether it shows sample data, and the
// public address every link and QR code for a phone is built on. Asked for once per page load.
import type { Meta } from '@fiveways/shared';
import { getParsed } from './api-client.ts';

let meta: Promise<Meta> | undefined;

/** /api/meta, fetched once and shared (and fetched again after a failure). */
export function loadServiceMeta(): Promise<Meta> {
  meta ??= getParsed('/api/meta', (s) => s.MetaSchema).catch((error: unknown) => {
    meta = undefined;
    throw error;
  });
  return meta;
}
