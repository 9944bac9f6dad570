// Deleting a resident's contact removes it from the database file itself, not just from view.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db.ts';
import { deleteContact, insertContact, insertConversation } from './conversations.queries.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('deleting a contact', () => {
  it('leaves none of its bytes in the database file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fiveways-contact-'));
    dirs.push(dir);
    const path = join(dir, 'contacts.db');
    const db = openDb(path);
    const at = '2026-11-23T10:00:00.000Z';
    const conversationId = insertConversation(
      db,
      {
        loggedBy: 1,
        day: '2026-11-23',
        placeKind: 'clinic',
        venue: null,
        ways: [],
        promoted: [],
        tookHome: 0,
        interests: { volunteering: true, champion: false, panel: false },
      },
      at,
    );
    const id = insertContact(
      db,
      {
        conversationId,
        name: 'Zebedee Quillfeather',
        phone: '07700 900123',
        email: 'zq.resident@example.net',
        interestedIn: ['volunteering'],
        wording: 'wording',
        createdBy: 1,
      },
      at,
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path).includes('Quillfeather')).toBe(true);
    db.transaction(() => deleteContact(db, id)).immediate();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    for (const piece of ['Quillfeather', '07700 900123', 'zq.resident']) {
      expect(bytes.includes(piece), piece).toBe(false);
    }
  });
});
