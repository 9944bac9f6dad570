// Open Referral ids are UUIDs; ours are integers and slugs. Each published UUID is a version 5
// (name-based, SHA-1) UUID of the record's kind and key in the service's own namespace: the same
// record always gets the same UUID, on every server and after every restart, and since slugs and
// ids are never reused, no UUID ever comes to name something else.
import { createHash } from 'node:crypto';

/** The namespace of every UUID this service publishes (a fixed, random UUID). */
export const ORUK_NAMESPACE = '6f1c2d4e-9b3a-4c57-8e21-5d0a7f3b9c64';

function bytesOfUuid(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

/** RFC 9562 UUIDv5 of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(bytesOfUuid(namespace))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The kinds of published record; part of every name, so two kinds never share a UUID. */
export type OrukKind =
  | 'organization'
  | 'organization_identifier'
  | 'service'
  | 'location'
  | 'address'
  | 'accessibility'
  | 'service_at_location'
  | 'schedule'
  | 'contact'
  | 'cost_option'
  | 'service_area'
  | 'attribute'
  | 'taxonomy'
  | 'taxonomy_term';

/** The UUID of one record: its kind and its key parts, e.g. ('service', 'group', 'time-to-talk'). */
export function orukId(kind: OrukKind, ...key: (string | number)[]): string {
  return uuidV5(ORUK_NAMESPACE, [kind, ...key.map(String)].join('/'));
}
