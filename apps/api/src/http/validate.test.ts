import { ApiErrorSchema } from '@fiveways/shared';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handleError } from './errors.ts';
import { validateJson, validateQuery } from './validate.ts';

const BodySchema = z.strictObject({
  name: z.string({ error: 'Give a name' }).min(1, { error: 'Give a name' }),
  size: z.number({ error: 'Give the size as a number' }).int(),
});

function makeApp() {
  const app = new Hono()
    .post('/things', validateJson(BodySchema), (c) => {
      const body = c.req.valid('json');
      return c.json({ name: body.name, doubled: body.size * 2 }, 201);
    })
    .get('/search', validateQuery(z.object({ q: z.string().min(2) })), (c) =>
      c.json({ q: c.req.valid('query').q }),
    );
  app.onError(handleError);
  return app;
}

function post(body: string, contentType = 'application/json') {
  return makeApp().request('/things', {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });
}

describe('validateJson', () => {
  it('passes the parsed, typed body on', async () => {
    const res = await post('{"name":"Walk","size":4}');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: 'Walk', doubled: 8 });
  });

  it.each([
    ['{"name":', 'application/json'],
    ['not json', 'text/plain'],
    ['', 'application/json'],
  ])('answers 400 naming the body for %j', async (body, type) => {
    const res = await post(body, type);
    expect(res.status).toBe(400);
    const error = ApiErrorSchema.parse(await res.json()).error;
    expect(error.code).toBe('invalid_json');
    expect(error.issues).toEqual([{ path: 'body', message: 'Send the details as a JSON object' }]);
  });

  it('answers 400 naming each bad field, and unknown fields', async () => {
    const res = await post('{"name":"","size":"big","colour":"red"}');
    expect(res.status).toBe(400);
    const error = ApiErrorSchema.parse(await res.json()).error;
    expect(error.code).toBe('invalid_request');
    expect(error.issues).toEqual([
      { path: 'name', message: 'Give a name' },
      { path: 'size', message: 'Give the size as a number' },
      { path: 'colour', message: 'Remove what is not known here: colour' },
    ]);
    expect(error.message).toBe(
      'name: Give a name; size: Give the size as a number; colour: Remove what is not known here: colour',
    );
  });

  it('names the body when it is not an object at all', async () => {
    const res = await post('[1,2]');
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(await res.json()).error.issues[0]?.path).toBe('body');
  });
});

describe('validateQuery', () => {
  it('passes valid parameters and rejects bad ones by name', async () => {
    const app = makeApp();
    expect(await (await app.request('/search?q=walk')).json()).toEqual({ q: 'walk' });
    const res = await app.request('/search?q=w');
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(await res.json()).error.issues[0]?.path).toBe('q');
  });
});
