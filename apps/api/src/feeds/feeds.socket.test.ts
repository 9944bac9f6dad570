// Feeds over a real socket: a feed kept in many chunks goes out as one body, with the length it
// says, uncompressed or as one gzip member, and a write shows in it.

import { execFileSync } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaffTestApp } from '../test-support.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('feeds kept in chunks, over a real socket', () => {
  // One session id per chunk: every session is its own piece of the body.
  const t = makeStaffTestApp({ feedChunkIds: 1 });
  let server: Server;
  let port = 0;
  let cookie = '';

  beforeAll(async () => {
    cookie = (await t.createPeople()).cookies.admin;
    const listener = getRequestListener(t.app.fetch);
    server = createServer((req, res) => void listener(req, res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  function raw(path: string, headers: Record<string, string> = {}, method = 'GET') {
    return new Promise<RawAnswer>((done, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', fail);
      req.end();
    });
  }

  it('sends the whole feed with a true Content-Length, plain and as gzip', async () => {
    const inProcess = Buffer.from(await (await t.request('GET', '/feeds/all.ics')).arrayBuffer());
    expect(inProcess.toString('utf8').match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(4);

    const plain = await raw('/feeds/all.ics');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.byteLength);
    expect(plain.body.equals(inProcess)).toBe(true);

    const gz = await raw('/feeds/all.ics', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(gz.body.byteLength);
    expect(gunzipSync(gz.body).equals(inProcess)).toBe(true);
    // GNU gzip, an independent decoder, checks the trailer's CRC-32 and length.
    expect(execFileSync('gzip', ['-dc'], { input: gz.body }).equals(inProcess)).toBe(true);

    const head = await raw('/feeds/all.ics', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(head.headers['etag']).toBe(plain.headers['etag']);
  });

  it('answers with a session’s change, in both forms, on the next request after the write', async () => {
    const before = await raw('/feeds/all.ics', { 'accept-encoding': 'gzip' });
    const res = await t.request('PATCH', '/api/sessions/3', {
      cookie,
      body: { title: 'Chair Yoga for Everyone' },
    });
    expect(res.status).toBe(200);
    const gz = await raw('/feeds/all.ics', { 'accept-encoding': 'gzip' });
    expect(gz.headers['etag']).not.toBe(before.headers['etag']);
    expect(gunzipSync(gz.body).toString('utf8')).toContain('SUMMARY:Chair Yoga for Everyone\r\n');
    const plain = await raw('/feeds/all.ics');
    expect(plain.body.equals(gunzipSync(gz.body))).toBe(true);
  });
});
