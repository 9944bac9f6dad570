import { ApiErrorSchema } from '@fiveways/shared';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBodySize } from './body-limit.ts';

function appWithLimit(maxBytes: number) {
  return new Hono()
    .use(limitBodySize({ maxBytes }))
    .post('/echo', async (c) => c.text(String((await c.req.text()).length)));
}

describe('limitBodySize', () => {
  it('passes bodies up to the limit through unchanged', async () => {
    const res = await appWithLimit(1024).request('/echo', {
      method: 'POST',
      body: 'x'.repeat(1024),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1024');
  });

  it('refuses a larger body with 413 and the error envelope', async () => {
    const res = await appWithLimit(1024).request('/echo', {
      method: 'POST',
      body: 'x'.repeat(1025),
    });
    expect(res.status).toBe(413);
    const body = ApiErrorSchema.parse(await res.json());
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.issues[0]?.path).toBe('body');
  });

  it('counts a streamed body without a Content-Length', async () => {
    const chunks = [new Uint8Array(800), new Uint8Array(800)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await appWithLimit(1024).request('/echo', {
      method: 'POST',
      body: stream,
      headers: { 'transfer-encoding': 'chunked' },
      // Node's fetch needs this to send a stream.
      duplex: 'half',
    });
    expect(res.status).toBe(413);
  });

  it('answers a streamed body that breaks off with a 400, not a server error', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(100));
        controller.error(new Error('aborted'));
      },
    });
    const res = await appWithLimit(1024).request('/echo', {
      method: 'POST',
      body: stream,
      headers: { 'transfer-encoding': 'chunked' },
      duplex: 'half',
    });
    expect(res.status).toBe(400);
    const body = ApiErrorSchema.parse(await res.json());
    expect(body.error).toMatchObject({ code: 'body_incomplete', issues: [{ path: 'body' }] });
  });
});
