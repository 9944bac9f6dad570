import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support.ts';
import { Piece } from './body-pieces.ts';
import {
  createCompressedBody,
  createPiecesBody,
  sendCompressed,
  type BodyBytes,
  MIN_COMPRESS_BYTES,
  LARGE_BODY_BYTES,
} from './compressed-body.ts';

// Paths whose bodies are above the size that is worth compressing, feeds and JSON.
const PATHS = [
  '/feeds/all.ics',
  '/feeds/venues/gorse-hill-hub.ics',
  '/api/occurrences?from=2027-03-01&to=2027-04-30',
  '/api/groups',
  '/api/sessions',
];

function joined(bytes: BodyBytes | null): Buffer | null {
  if (bytes === null) return null;
  return bytes instanceof Uint8Array ? Buffer.from(bytes) : Buffer.concat(bytes);
}

async function fetchRaw(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const { app } = createTestApp();
  return app.request(path, { method, headers });
}

function decode(encoding: string | null, bytes: Buffer): Buffer {
  if (encoding === 'br') return brotliDecompressSync(bytes);
  if (encoding === 'gzip') return gunzipSync(bytes);
  return bytes;
}

describe('pre-compressed responses', () => {
  it.each(PATHS)('%s: gzip and br decode to exactly the uncompressed bytes', async (path) => {
    const { app } = createTestApp();
    const plain = await app.request(path);
    const identity = Buffer.from(await plain.arrayBuffer());
    expect(identity.byteLength).toBeGreaterThanOrEqual(MIN_COMPRESS_BYTES);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const etags = new Set([plain.headers.get('etag')]);
    for (const coding of ['gzip', 'br']) {
      const res = await app.request(path, { headers: { 'Accept-Encoding': coding } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(coding);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('content-type')).toBe(plain.headers.get('content-type'));
      const raw = Buffer.from(await res.arrayBuffer());
      expect(raw.byteLength).toBeLessThan(identity.byteLength);
      expect(decode(coding, raw).equals(identity)).toBe(true);
      etags.add(res.headers.get('etag'));
    }
    // A strong ETag names one representation: three representations, three tags.
    expect(etags.size).toBe(3);
  });

  it('keeps the calendar content type on compressed feeds', async () => {
    const res = await fetchRaw('/feeds/all.ics', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBe('br');
  });

  it.each([
    ['br, gzip', 'br'],
    ['gzip, br', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity', null],
    ['deflate', null],
  ])('Accept-Encoding "%s" gets %s', async (header, expected) => {
    const { app } = createTestApp();
    const identity = await (await app.request('/feeds/all.ics')).text();
    const res = await app.request('/feeds/all.ics', { headers: { 'Accept-Encoding': header } });
    expect(res.headers.get('content-encoding')).toBe(expected);
    const raw = Buffer.from(await res.arrayBuffer());
    expect(decode(expected, raw).toString('utf8')).toBe(identity);
  });

  it('answers 304 to the ETag of whichever representation the client holds', async () => {
    const { app } = createTestApp();
    const path = '/api/occurrences?from=2027-03-01&to=2027-04-30';
    const tags: Record<string, string> = {};
    for (const coding of ['identity', 'gzip', 'br']) {
      const res = await app.request(path, { headers: { 'Accept-Encoding': coding } });
      tags[coding] = res.headers.get('etag') ?? '';
    }
    for (const [held, tag] of Object.entries(tags)) {
      for (const asks of ['identity', 'gzip', 'br']) {
        const res = await app.request(path, {
          headers: { 'Accept-Encoding': asks, 'If-None-Match': tag },
        });
        expect(res.status, `holds ${held}, asks ${asks}`).toBe(304);
        expect(res.headers.get('etag')).toBe(tag);
        expect(res.headers.get('vary')).toBe('Accept-Encoding');
        expect(await res.text()).toBe('');
      }
    }
    const stale = await app.request(path, {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': '"stale-br"' },
    });
    expect(stale.status).toBe(200);
  });

  it('answers HEAD with the headers of the compressed GET and no body', async () => {
    const { app } = createTestApp();
    const headers = { 'Accept-Encoding': 'br' };
    const get = await app.request('/feeds/all.ics', { headers });
    const head = await app.request('/feeds/all.ics', { method: 'HEAD', headers });
    expect(head.status).toBe(200);
    for (const name of ['content-encoding', 'etag', 'vary', 'content-type']) {
      expect(head.headers.get(name)).toBe(get.headers.get(name));
    }
    expect(await head.text()).toBe('');
  });

  it('sends small bodies as they are, still saying they vary', async () => {
    const res = await fetchRaw('/api/areas', { 'Accept-Encoding': 'br, gzip' });
    expect((await res.clone().arrayBuffer()).byteLength).toBeLessThan(MIN_COMPRESS_BYTES);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it('changes a JSON ETag after a write, and keeps it while nothing changes', async () => {
    const { app, db } = createTestApp();
    const first = (await app.request('/api/groups')).headers.get('etag');
    expect((await app.request('/api/groups')).headers.get('etag')).toBe(first);
    db.prepare(
      "UPDATE groups SET name = 'Walking Together' WHERE slug = 'walking-for-health'",
    ).run();
    const fresh = createTestApp({ db }).app;
    const after = await fresh.request('/api/groups', { headers: { 'If-None-Match': first ?? '' } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(first);
  });
});

describe('large bodies', () => {
  it('are compressed off the request path: uncompressed until ready, then br and gzip', async () => {
    const text = 'BEGIN:VEVENT\r\nSUMMARY:Walk and Talk\r\nEND:VEVENT\r\n'.repeat(
      Math.ceil((LARGE_BODY_BYTES * 1.5) / 48),
    );
    const body = createCompressedBody(text);
    expect(body.bytesFor('br')).toBeNull();
    await body.whenCompressed();
    const br = joined(body.bytesFor('br'));
    const gz = joined(body.bytesFor('gzip'));
    expect(br && brotliDecompressSync(br).toString('utf8')).toBe(text);
    expect(gz && gunzipSync(gz).toString('utf8')).toBe(text);
  });

  it('kept as pieces, mid-sized: gzip at once, br once made off the event loop', async () => {
    const text = Buffer.from(
      'BEGIN:VEVENT\r\nSUMMARY:Walk and Talk\r\nEND:VEVENT\r\n'.repeat(6000),
    );
    expect(text.byteLength).toBeLessThan(LARGE_BODY_BYTES);
    const half = text.byteLength / 2;
    const pieces = [text.subarray(0, half), text.subarray(half)].map(
      (b) => new Piece(new Uint8Array(b)),
    );
    const body = createPiecesBody(pieces, 'mid');
    expect(body.bytesFor('br')).toBeNull();
    expect(gunzipSync(joined(body.bytesFor('gzip')) ?? Buffer.alloc(0)).equals(text)).toBe(true);
    await body.whenCompressed();
    expect(brotliDecompressSync(joined(body.bytesFor('br')) ?? Buffer.alloc(0)).equals(text)).toBe(
      true,
    );
  });

  it('kept as pieces: sent unjoined, and after a change only the changed piece is compressed again', async () => {
    const chunk = (i: number) =>
      new Uint8Array(
        Buffer.from(
          `BEGIN:VEVENT\r\nUID:${i}\r\nSUMMARY:Walk and Talk\r\nEND:VEVENT\r\n`.repeat(4000),
        ),
      );
    const pieces = Array.from({ length: 12 }, (_, i) => new Piece(chunk(i)));
    const text = Buffer.concat(pieces.map((p) => p.bytes));
    expect(text.byteLength).toBeGreaterThan(LARGE_BODY_BYTES);
    const body = createPiecesBody(pieces, 'tag', { largeBrotliDelayMs: 50 });
    // Everything missing: compressed off the event loop, the bytes as they are meanwhile.
    expect(body.bytesFor('gzip')).toBeNull();
    expect(body.bytesFor('br')).toBeNull();
    expect(joined(body.bytesFor('identity'))?.equals(text)).toBe(true);
    await body.whenCompressed();
    expect(gunzipSync(joined(body.bytesFor('gzip')) ?? Buffer.alloc(0)).equals(text)).toBe(true);
    // br is made once the body has stood unchanged a while, streamed from the pieces.
    expect(brotliDecompressSync(joined(body.bytesFor('br')) ?? Buffer.alloc(0)).equals(text)).toBe(
      true,
    );

    // One piece changes: its segment alone is made, on the spot, so gzip is ready at once.
    const changed = [...pieces];
    changed[5] = new Piece(chunk(500));
    const next = createPiecesBody(changed, 'tag2');
    const gz = joined(next.bytesFor('gzip'));
    expect(gz).not.toBeNull();
    expect(
      gunzipSync(gz ?? Buffer.alloc(0)).equals(Buffer.concat(changed.map((p) => p.bytes))),
    ).toBe(true);
    expect(pieces[4]?.segment).toBe(changed[4]?.segment);
  });

  it('kept as pieces and large: a body replaced before its br form is due never makes one', async () => {
    const big = new Piece(new Uint8Array(Buffer.from('SUMMARY:Walk and Talk\r\n'.repeat(60_000))));
    expect(big.bytes.byteLength).toBeGreaterThan(LARGE_BODY_BYTES);
    let current = true;
    const body = createPiecesBody([big], 'old', {
      isCurrent: () => current,
      largeBrotliDelayMs: 50,
    });
    expect(body.bytesFor('br')).toBeNull();
    current = false; // a write made a newer version meanwhile
    await body.whenCompressed();
    expect(body.bytesFor('br')).toBeNull();
    expect(body.bytesFor('gzip')).not.toBeNull();
  });
});

describe('a client that asks for a compressed form', () => {
  /** An app answering with a fresh body of `pieces` pieces of 100 KB each, nothing made yet. */
  function appWith(pieces: number, largeBrotliDelayMs = 50) {
    const text = 'BEGIN:VEVENT\r\nSUMMARY:Walk and Talk\r\nEND:VEVENT\r\n';
    const piece = (i: number) =>
      new Piece(new Uint8Array(Buffer.from(`UID:${i}\r\n${text.repeat(2000)}`)));
    const all = Array.from({ length: pieces }, (_, i) => piece(i));
    const identity = Buffer.concat(all.map((p) => p.bytes));
    const app = new Hono().get('/', (c) =>
      sendCompressed(c, createPiecesBody(all, 'big', { largeBrotliDelayMs }), {
        contentType: 'text/plain',
      }),
    );
    return { app, identity };
  }

  it.each([
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['br, gzip', 'gzip'],
  ])('"%s" gets %s on the first request for a large body, waiting for it', async (asks, gets) => {
    const { app, identity } = appWith(30);
    expect(identity.byteLength).toBeGreaterThan(LARGE_BODY_BYTES);
    const res = await app.request('/', { headers: { 'Accept-Encoding': asks } });
    expect(res.headers.get('content-encoding')).toBe(gets);
    expect(decode(gets, Buffer.from(await res.arrayBuffer())).equals(identity)).toBe(true);
  });

  it('"br" gets br, waiting for it, even when the body is replaced meanwhile', async () => {
    const text = 'BEGIN:VEVENT\r\nSUMMARY:Walk and Talk\r\nEND:VEVENT\r\n'.repeat(40_000);
    const identity = Buffer.from(text);
    expect(identity.byteLength).toBeGreaterThan(LARGE_BODY_BYTES);
    let current = true;
    const body = createPiecesBody([new Piece(new Uint8Array(identity))], 'replaced', {
      isCurrent: () => current,
      largeBrotliDelayMs: 50,
    });
    const app = new Hono().get('/', (c) => sendCompressed(c, body, { contentType: 'text/plain' }));
    const answer = app.request('/', { headers: { 'Accept-Encoding': 'br' } });
    current = false; // a write made a newer version before the br form was due
    const res = await answer;
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(decode('br', Buffer.from(await res.arrayBuffer())).equals(identity)).toBe(true);
  });

  it('that prefers the uncompressed bytes gets them', async () => {
    const { app, identity } = appWith(30);
    const res = await app.request('/', { headers: { 'Accept-Encoding': 'identity, gzip;q=0.5' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(identity)).toBe(true);
  });
});
