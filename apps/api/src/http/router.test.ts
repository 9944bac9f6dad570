import { ApiErrorSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../ops/logger.ts';
import { errorHandler } from './errors.ts';
import { IdParamSchema } from './params.ts';
import { createRouter, sentFields, validJson, validParams, validQuery } from './router.ts';

const BodySchema = z.strictObject({
  name: z.string({ error: 'Give a name' }).min(1, { error: 'Give a name' }),
  size: z.number({ error: 'Give the size as a number' }).int(),
  colour: z.string().default('green'),
});

function makeApp() {
  const app = createRouter()
    .post('/things', validJson(BodySchema), (c) => {
      const body = c.req.valid('json');
      return c.json({ name: body.name, doubled: body.size * 2 }, 201);
    })
    .patch('/things', validJson(BodySchema.partial()), async (c) =>
      c.json(await sentFields(c, c.req.valid('json'))),
    )
    .get('/search', validQuery(z.object({ q: z.string().min(2).optional() })), (c) =>
      c.json({ q: c.req.valid('query').q ?? null }),
    )
    .get('/things/:id', validParams(IdParamSchema), (c) => c.json(c.req.valid('param')));
  app.onError(errorHandler(silentLogger));
  return app;
}

function send(body: string, contentType = 'application/json', method = 'POST') {
  return makeApp().request('/things', { method, body, headers: { 'content-type': contentType } });
}

async function errorOf(res: Response) {
  return ApiErrorSchema.parse(await res.json()).error;
}

describe('validJson', () => {
  it('passes the parsed, typed body on', async () => {
    const res = await send('{"name":"Walk","size":4}');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: 'Walk', doubled: 8 });
  });

  it.each(['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded'])(
    'reads a JSON body whatever its Content-Type says (%s), as fetch sends a string body',
    async (type) => {
      const res = await send('{"name":"Walk","size":4}', type);
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ name: 'Walk', doubled: 8 });
    },
  );

  it.each([
    ['{"name":', 'application/json'],
    ['', 'application/json'],
    ['not json', 'text/plain'],
    ['[1,', 'text/plain;charset=UTF-8'],
  ])('answers 400 invalid_json naming the body for %j sent as %s', async (body, type) => {
    const res = await send(body, type);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: 'invalid_json',
      message: 'Send the details as JSON (Content-Type: application/json)',
      issues: [{ path: 'body', message: 'Send the details as one JSON object' }],
    });
  });

  it('answers 400 naming each bad field and unknown fields, in plain English', async () => {
    const res = await send('{"name":"","size":"big","shape":"round"}');
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: 'invalid_request',
      message: 'name: Give a name',
      issues: [
        { path: 'name', message: 'Give a name' },
        { path: 'size', message: 'Give the size as a number' },
        { path: 'shape', message: 'Remove the field this form does not know: shape' },
      ],
    });
  });

  it('names the body when it is not a set of named details at all', async () => {
    for (const body of ['[1,2]', '"text"', 'null']) {
      const res = await send(body);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).issues).toEqual([
        { path: 'body', message: 'Send the details as one JSON object, like {"name": "…"}' },
      ]);
    }
  });
});

describe('sentFields', () => {
  it('keeps only the fields the client sent, not the defaults zod filled in', async () => {
    const res = await send('{"size":3}', 'application/json', 'PATCH');
    expect(await res.json()).toEqual({ size: 3 });
  });
});

describe('validQuery and validParams', () => {
  it('pass valid parameters, treat empty ones as absent, and refuse bad ones by name', async () => {
    const app = makeApp();
    expect(await (await app.request('/search?q=walk')).json()).toEqual({ q: 'walk' });
    expect(await (await app.request('/search?q=')).json()).toEqual({ q: null });
    const res = await app.request('/search?q=w');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues[0]?.path).toBe('q');
    expect(await (await app.request('/things/12')).json()).toEqual({ id: 12 });
    const bad = await app.request('/things/twelve');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues).toEqual([
      { path: 'id', message: 'Give the id as a whole number, for example 12' },
    ]);
  });
});
