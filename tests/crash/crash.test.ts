// Durability: writes acknowledged with 201 survive SIGKILL of the server at random moments.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '@fiveways/api/src/db/open-db.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, logIn, startServer, type RunningServer } from './server-process.ts';

const ROUNDS = 5;
const WRITERS = 8;
const ADMIN = { email: 'crash-admin@example.org', password: 'crash test passphrase 1' };

const dir = mkdtempSync(join(tmpdir(), 'fiveways-crash-'));
const databasePath = join(dir, 'crash.db');
let server: RunningServer | null = null;
afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Acknowledged {
  id: number;
  title: string;
}

/** Posts sessions one after another until the server goes away; returns those answered 201. */
async function writeUntilKilled(
  target: RunningServer,
  cookie: string,
  round: number,
  writer: number,
  onAcknowledged: () => void,
): Promise<Acknowledged[]> {
  const acknowledged: Acknowledged[] = [];
  for (let n = 1; ; n += 1) {
    const title = `Crash round ${round} writer ${writer} number ${n}`;
    let res: Response;
    try {
      res = await fetch(`${target.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: target.url, cookie },
        body: JSON.stringify({
          title,
          venue: 'gorse-hill-community-centre',
          ways: ['connect'],
          startDate: '2027-03-02',
          startTime: '10:00',
          endTime: '11:00',
          repeat: { every: 'week', interval: 1, days: ['tue'] },
        }),
      });
    } catch {
      return acknowledged; // The server was killed: this write was never acknowledged.
    }
    if (res.status !== 201) {
      throw new Error(`Unexpected ${res.status} from a write: ${await res.text()}`);
    }
    let body: { id: number; title: string };
    try {
      body = (await res.json()) as { id: number; title: string };
    } catch {
      return acknowledged; // Killed while the body was on its way: not acknowledged to us.
    }
    acknowledged.push({ id: body.id, title: body.title });
    onAcknowledged();
  }
}

function checkDatabase(expected: readonly Acknowledged[]): {
  missing: Acknowledged[];
  integrity: unknown;
} {
  // The server is dead here; opening recovers the write-ahead log as a restart would.
  const db = openDb(databasePath);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const find = db.prepare('SELECT title FROM sessions WHERE id = ?');
    const missing = expected.filter(
      (a) => (find.get(a.id) as { title: string } | undefined)?.title !== a.title,
    );
    return { missing, integrity };
  } finally {
    db.close();
  }
}

describe('crash durability', () => {
  it('keeps every acknowledged write and a sound database across repeated SIGKILLs', async () => {
    const port = await freePort();
    const acknowledged: Acknowledged[] = [];
    const perRound: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      server = await startServer({ databasePath, port, demoData: true, admin: ADMIN });
      const cookie = await logIn(server, ADMIN);
      let firstWrite = () => {};
      const writing = new Promise<void>((resolve) => (firstWrite = resolve));
      const writers = Array.from({ length: WRITERS }, (_, w) =>
        writeUntilKilled(server as RunningServer, cookie, round, w + 1, firstWrite),
      );
      // Kill at a random moment once writes are flowing (however slow the machine is).
      // (If every writer stops or fails first, go on: the checks below report it.)
      await Promise.race([writing, Promise.all(writers)]);
      await sleep(50 + Math.floor(Math.random() * 1200));
      await server.stop('SIGKILL');
      server = null;
      const written = (await Promise.all(writers)).flat();
      acknowledged.push(...written);
      perRound.push(written.length);

      const { missing, integrity } = checkDatabase(acknowledged);
      expect(integrity, `round ${round}`).toBe('ok');
      expect(missing, `round ${round}: acknowledged but lost`).toEqual([]);
    }
    console.log(
      `crash test: ${ROUNDS} SIGKILLs, ${acknowledged.length} acknowledged writes (${perRound.join(', ')} per round), none lost`,
    );
    // Every kill landed while writes were being acknowledged.
    expect(perRound.every((n) => n > 0)).toBe(true);

    // And the service starts again on the database and serves what it acknowledged.
    server = await startServer({ databasePath, port, demoData: true });
    const last = acknowledged.at(-1);
    if (last !== undefined) {
      const res = await fetch(`${server.url}/api/sessions/${last.id}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { title: string }).title).toBe(last.title);
    }
    await server.stop('SIGTERM');
    server = null;
  }, 240_000);
});
