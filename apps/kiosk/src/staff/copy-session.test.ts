import type { Session } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { copiedSessionForm, nextSensibleDate } from './copy-session.ts';

const WALK: Session = {
  id: 1,
  uid: 'session-1@example.org',
  title: 'Walk and Talk',
  venue: { slug: 'gorse-hill-hub', name: 'Gorse Hill Community Hub', areaSlug: 'gorse-hill' },
  ways: ['be-active', 'connect'],
  startDate: '2026-09-01',
  startTime: '10:00',
  endTime: '11:00',
  repeat: { every: 'week', interval: 1, days: ['tue'] },
  until: '2026-12-01',
  count: null,
  skipBankHolidays: true,
  skipSchoolHolidays: true,
  schoolHolidays: [{ from: '2026-10-26', to: '2026-10-30' }],
  kind: 'group',
  booking: 'drop-in',
  bookingInfo: '',
  cost: { free: true, text: '' },
  audiences: ['adults'],
  description: 'A gentle walk',
  whatToExpect: '',
  accessibility: '',
  contact: { name: '', phone: '', email: '', website: '' },
  group: 'walking-for-health',
  exceptions: [
    {
      date: '2026-09-08',
      kind: 'cancelled',
      reason: 'Rain',
      newDate: null,
      startTime: null,
      endTime: null,
      venueSlug: null,
    },
  ],
  status: 'active',
  sequence: 3,
  updatedAt: '2026-09-01T00:00:00.000Z',
};

describe('copying a session', () => {
  it('starts a weekly copy on the next date its rule gives after today', () => {
    // Thursday 26 November 2026: the next Tuesday is 1 December.
    expect(nextSensibleDate(WALK, '2026-11-26')).toBe('2026-12-01');
    // On a Tuesday evening, not today: the Tuesday after.
    expect(nextSensibleDate(WALK, '2026-12-01')).toBe('2026-12-08');
  });

  it('copies a future one-off a week on, and a past one to its weekday next week', () => {
    const clinic = { ...WALK, repeat: null, until: null, startDate: '2027-10-31' };
    expect(nextSensibleDate(clinic, '2026-11-26')).toBe('2027-11-07');
    const past = { ...clinic, startDate: '2026-11-02' };
    expect(nextSensibleDate(past, '2026-11-26')).toBe('2026-11-30');
  });

  it('fills the form with the details, "(copy)" in the title and an end date that still makes sense', () => {
    const form = copiedSessionForm(WALK, '2026-12-02');
    expect(form.title).toBe('Walk and Talk (copy)');
    expect(form.startDate).toBe('2026-12-08');
    expect(form.days).toEqual(['tue']);
    expect(form.ends).toBe('never');
    expect(form.until).toBe('');
    expect(form.group).toBe('walking-for-health');
    expect(form.skipSchoolHolidays).toBe(true);
    expect(form.description).toBe('A gentle walk');
    const long = copiedSessionForm({ ...WALK, title: 'x'.repeat(120) }, '2026-12-02');
    expect(long.title).toHaveLength(120);
  });
});
