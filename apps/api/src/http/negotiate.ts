// Content negotiation and conditional requests (RFC 9110), as pure functions of header values.

export type ContentCoding = 'br' | 'gzip' | 'identity';

/**
 * The codings a client takes, best first: by q-value, then br before gzip before identity.
 * `identity` is acceptable unless refused by name or by `*;q=0` (RFC 9110 §12.5.3).
 */
export function acceptedCodings(header: string | undefined): ContentCoding[] {
  if (header === undefined || header.trim() === '') return ['identity'];
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.toLowerCase().split(';');
    const name = rawName.trim();
    if (name === '') continue;
    let value = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) value = Number(m[1]);
    }
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const star = q.get('*');
  // Unlisted identity takes `*`'s weight, or else comes last: any coding the client names wins.
  const qOf = (coding: ContentCoding) =>
    q.get(coding) ?? (coding === 'identity' ? (star ?? 0.001) : (star ?? 0));
  const order: ContentCoding[] = ['br', 'gzip', 'identity'];
  return order
    .filter((coding) => qOf(coding) > 0)
    .sort((a, b) => qOf(b) - qOf(a) || order.indexOf(a) - order.indexOf(b));
}

/**
 * The first of `etags` (one resource's representations, the uncompressed one first) that an
 * If-None-Match header lists, compared weakly (RFC 9110 §13.1.2); `*` matches the first.
 */
export function matchingEtag(header: string, etags: readonly string[]): string | null {
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (tags.includes('*')) return etags[0] ?? null;
  return etags.find((etag) => tags.includes(etag)) ?? null;
}

/** If-Modified-Since is at or after Last-Modified, to the second (HTTP dates have no less). */
export function notModifiedSince(
  header: string | undefined,
  lastModified: Date | null | undefined,
): boolean {
  if (header === undefined || lastModified == null) return false;
  const since = Date.parse(header);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
