// Editing a venue changes the events of the sessions held there or moved there: calendars see a
// new SEQUENCE and LAST-MODIFIED on those, and nothing new on the others.

import { describe, expect, it } from 'vitest';
import { makeStaffTestApp, VENUE_B } from '../test-support.ts';
import { eventBlocks, prop } from './feed-test-helpers.ts';

async function setUp() {
  const t = makeStaffTestApp();
  const { cookies } = await t.createPeople();
  /** UID → 'SEQUENCE LAST-MODIFIED' of every event in all.ics. */
  async function stamps(): Promise<Map<string, string>> {
    const ics = await (await t.request('GET', '/feeds/all.ics')).text();
    return new Map(
      eventBlocks(ics).map((b) => [
        `${prop(b, 'UID')?.value ?? ''} ${prop(b, 'RECURRENCE-ID')?.value ?? ''}`,
        `${prop(b, 'SEQUENCE')?.value ?? ''} ${prop(b, 'LAST-MODIFIED')?.value ?? ''}`,
      ]),
    );
  }
  async function editVenue(body: Record<string, unknown>) {
    t.advance(60_000);
    const res = await t.request('PATCH', `/api/venues/${VENUE_B}`, {
      cookie: cookies.admin,
      body,
    });
    expect(res.status).toBe(200);
  }
  return { t, stamps, editVenue };
}

describe('a venue edit', () => {
  it('moves SEQUENCE and LAST-MODIFIED of the events at that venue or moved there', async () => {
    const { stamps, editVenue } = await setUp();
    const before = await stamps();
    await editVenue({ address: 'New Road, Worcester' });
    const after = await stamps();
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    // Time to Talk is held at Rainbow Hill; one date of Walk and Talk moved there.
    expect(new Set(changed.map((k) => k.split(' ')[0]))).toEqual(
      new Set(['fiveways-worcester-session-1', 'fiveways-worcester-session-2']),
    );
    for (const key of changed) {
      const [sequence, modified] = (after.get(key) ?? '').split(' ');
      const [was] = (before.get(key) ?? '').split(' ');
      expect(Number(sequence)).toBe(Number(was) + 1);
      expect(modified).toBe('20261123T100100Z');
    }
  });

  it('leaves every event alone when it changes nothing a calendar shows', async () => {
    const { stamps, editVenue } = await setUp();
    const before = await stamps();
    await editVenue({ phone: '01905 000000' });
    expect(await stamps()).toEqual(before);
  });
});
