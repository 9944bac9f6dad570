import { ApiErrorSchema, SessionSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, getJson } from '../test-support.ts';

const SessionListSchema = z.object({ items: z.array(SessionSchema), total: z.number() });

describe('GET /api/sessions/:id', () => {
  it('returns the whole session with its venue and exceptions', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/sessions/1');
    expect(status).toBe(200);
    expect(SessionSchema.parse(body)).toEqual({
      id: 1,
      uid: 'fiveways-worcester-session-1',
      title: 'Walk and Talk',
      venue: { slug: 'gorse-hill-hub', name: 'Gorse Hill Community Hub', areaSlug: 'gorse-hill' },
      ways: ['be-active', 'connect'],
      startDate: '2027-03-02',
      startTime: '10:00',
      endTime: '11:00',
      repeat: { every: 'week', interval: 1, days: ['tue'] },
      until: null,
      count: null,
      skipBankHolidays: false,
      kind: 'group',
      booking: 'drop-in',
      bookingInfo: '',
      cost: { free: true, text: '' },
      audiences: ['adults', 'older-people'],
      description: '',
      whatToExpect: '',
      accessibility: '',
      contact: { name: '', phone: '', email: '', website: '' },
      group: 'walking-for-health',
      exceptions: [
        {
          date: '2027-03-16',
          kind: 'cancelled',
          reason: 'Bad weather',
          newDate: null,
          startTime: null,
          endTime: null,
          venueSlug: null,
        },
        {
          date: '2027-03-23',
          kind: 'changed',
          reason: '',
          newDate: null,
          startTime: null,
          endTime: null,
          venueSlug: 'rainbow-hill-hub',
        },
      ],
      status: 'active',
      sequence: 0,
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('still returns an archived session, marked archived', async () => {
    const { app, db } = createTestApp();
    db.prepare("UPDATE sessions SET status = 'archived' WHERE id = 2").run();
    const { status, body } = await getJson(app, '/api/sessions/2');
    expect(status).toBe(200);
    expect(SessionSchema.parse(body).status).toBe('archived');
  });

  it.each(['abc', '0', '-1', '1.5', '1e3'])('rejects the id %s naming it', async (id) => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, `/api/sessions/${id}`);
    expect(status).toBe(400);
    const error = ApiErrorSchema.parse(body).error;
    expect(error.code).toBe('invalid_request');
    expect(error.issues.map((i) => i.path)).toEqual(['id']);
  });

  it.each(['999', '99999999999999999999'])('answers 404 for the unknown id %s', async (id) => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, `/api/sessions/${id}`);
    expect(status).toBe(404);
    expect(ApiErrorSchema.parse(body).error.code).toBe('not_found');
  });
});

describe('GET /api/sessions', () => {
  it('lists active sessions by title as {items, total}', async () => {
    const { app, db } = createTestApp();
    db.prepare("UPDATE sessions SET status = 'archived' WHERE id = 2").run();
    const list = SessionListSchema.parse((await getJson(app, '/api/sessions')).body);
    expect(list.items.map((s) => s.title)).toEqual([
      'Community Health Clinic',
      'Healthy Living',
      'Walk and Talk',
    ]);
    expect(list.total).toBe(3);
    expect(list.items.find((s) => s.id === 1)?.exceptions).toHaveLength(2);
  });

  it('filters by venue, group and way', async () => {
    const { app } = createTestApp();
    const ids = async (query: string) =>
      SessionListSchema.parse((await getJson(app, `/api/sessions${query}`)).body).items.map(
        (s) => s.id,
      );
    expect(await ids('?venue=gorse-hill-hub')).toEqual([4, 1]);
    expect(await ids('?group=walking-for-health')).toEqual([1]);
    expect(await ids('?way=connect')).toEqual([2, 1]);
    expect(await ids('?way=connect&venue=rainbow-hill-hub')).toEqual([2]);
  });

  it('rejects an unknown way naming it', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/sessions?way=dance');
    expect(status).toBe(400);
    expect(ApiErrorSchema.parse(body).error.issues[0]?.path).toBe('way');
  });
});
