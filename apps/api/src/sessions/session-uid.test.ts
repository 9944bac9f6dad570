import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/open-db.ts';
import { seedSampleData } from '../db/seed.ts';
import { makeFixture, makeStaffTestApp } from '../test-support.ts';
import { listSessions, recordUidDomain, sessionUid } from './sessions.queries.ts';

function uidsOf(db: Db): string[] {
  return listSessions(db)
    .sort((a, b) => a.id - b.id)
    .map((s) => s.uid);
}

describe('session UIDs', () => {
  it('carry the domain of a new deployment, from its first session on', () => {
    const db = openDb(':memory:');
    recordUidDomain(db, 'https://fiveways.example.org/');
    seedSampleData(db, makeFixture());
    expect(uidsOf(db)).toEqual([
      'session-1@fiveways.example.org',
      'session-2@fiveways.example.org',
      'session-3@fiveways.example.org',
      'session-4@fiveways.example.org',
    ]);
  });

  it('stay as they were for sessions made before, and new sessions get the domain', async () => {
    const t = makeStaffTestApp({ publicUrl: 'http://localhost:8787' });
    const { cookies } = await t.createPeople();
    recordUidDomain(t.db, t.publicUrl);
    const res = await t.request('POST', '/api/sessions', {
      cookie: cookies.admin,
      body: {
        title: 'Chair yoga',
        venue: 'gorse-hill-hub',
        ways: ['be-active'],
        startDate: '2027-03-01',
        startTime: '10:00',
        endTime: '11:00',
      },
    });
    expect(res.status).toBe(201);
    expect(uidsOf(t.db)).toEqual([
      'fiveways-worcester-session-1',
      'fiveways-worcester-session-2',
      'fiveways-worcester-session-3',
      'fiveways-worcester-session-4',
      'session-5@localhost:8787',
    ]);
    const feed = await (await t.request('GET', '/feeds/sessions/5.ics')).text();
    expect(feed).toContain('\r\nUID:session-5@localhost:8787\r\n');
  });

  it('keep the first domain when the service moves to a new address', () => {
    const db = openDb(':memory:');
    recordUidDomain(db, 'https://fiveways.example.org');
    recordUidDomain(db, 'https://wellbeing.worcester.example');
    expect(sessionUid(db, 7)).toBe('session-7@fiveways.example.org');
  });
});
