import { describe, expect, it } from 'vitest';
import { groupLockOf, sessionLockOf } from './record-scope.ts';

const RAINBOW = { slug: 'rainbow-hill-hub', name: 'Rainbow Hill Hub' };
const staff = { role: 'staff' as const, venues: ['warndon-hub'] };

describe('who may change a record', () => {
  it('says why a session at another venue is read-only, and who can change it', () => {
    expect(sessionLockOf(staff, RAINBOW)).toBe(
      'This session is at Rainbow Hill Hub. Staff for that venue or an administrator can change it.',
    );
    expect(sessionLockOf(staff, { slug: 'warndon-hub', name: 'Warndon' })).toBeNull();
    expect(sessionLockOf({ role: 'admin', venues: [] }, RAINBOW)).toBeNull();
  });

  it('leaves a group at no particular venue to administrators', () => {
    expect(groupLockOf(staff, null)).toMatch(/only an administrator/);
    expect(groupLockOf(staff, RAINBOW)).toMatch(/^This group meets at Rainbow Hill Hub\./);
    expect(groupLockOf({ role: 'admin', venues: [] }, null)).toBeNull();
  });
});
