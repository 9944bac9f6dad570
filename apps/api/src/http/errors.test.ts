import { ApiErrorSchema } from '@fiveways/shared';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../ops/logger.ts';
import { errorHandler, fieldError, notFound } from './errors.ts';
import { createRouter } from './router.ts';

function appThrowing(error: Error) {
  const lines: string[] = [];
  const app = createRouter().get('/api/auth/invite/:token', () => {
    throw error;
  });
  app.onError(errorHandler(createLogger({ write: (l) => lines.push(l) })));
  return { app, lines };
}

async function answerTo(error: Error) {
  const { app, lines } = appThrowing(error);
  const res = await app.request('/api/auth/invite/secret-token');
  return { status: res.status, error: ApiErrorSchema.parse(await res.json()).error, lines };
}

describe('the error envelope', () => {
  it('says what is missing in one wording', async () => {
    expect(await answerTo(notFound('group with that name'))).toEqual({
      status: 404,
      error: { code: 'not_found', message: 'There is no group with that name', issues: [] },
      lines: [],
    });
  });

  it('names the field at fault', async () => {
    const { status, error } = await answerTo(fieldError('venue', 'There is no venue "atlantis"'));
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'invalid_request',
      message: 'venue: There is no venue "atlantis"',
      issues: [{ path: 'venue', message: 'There is no venue "atlantis"' }],
    });
  });

  it('wraps an HTTPException thrown without an envelope', async () => {
    const { status, error } = await answerTo(new HTTPException(415, { message: 'Not that' }));
    expect(status).toBe(415);
    expect(error).toEqual({ code: 'unsupported_media_type', message: 'Not that', issues: [] });
  });

  it('answers a failure nobody meant with a plain 500, logged through the logger', async () => {
    const { status, error, lines } = await answerTo(new Error('disk on fire'));
    expect(status).toBe(500);
    expect(error).toEqual({
      code: 'internal_error',
      message: 'Something went wrong on our side. Please try again.',
      issues: [],
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'error',
      msg: 'unhandled error',
      method: 'GET',
      path: '/api/auth/invite/:redacted',
      error: 'disk on fire',
    });
    expect(line.stack).toContain('disk on fire');
  });
});
