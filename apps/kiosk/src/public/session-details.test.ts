import type { LocalOccurrence } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { bookingLabel, buildMapLink, describeOccurrenceLine } from './session-details.ts';

const session = { startTime: '10:00', endTime: '12:00' };
const venues = new Map([['rainbow-hill-hub', 'Rainbow Hill Hub']]);

function occurrence(overrides: Partial<LocalOccurrence>): LocalOccurrence {
  return {
    date: '2027-03-30',
    startDate: '2027-03-30',
    startTime: '10:00',
    endTime: '12:00',
    status: 'scheduled',
    reason: null,
    changed: false,
    venueSlug: null,
    ...overrides,
  };
}

describe('describeOccurrenceLine', () => {
  it('gives the long date and times of an ordinary occurrence, with no note', () => {
    expect(describeOccurrenceLine(occurrence({}), session, venues)).toEqual({
      key: '2027-03-30',
      when: 'Tuesday 30 March 2027, 10:00–12:00',
      cancelled: false,
      note: null,
    });
  });

  it('marks a cancelled occurrence with its reason', () => {
    const line = describeOccurrenceLine(
      occurrence({ status: 'cancelled', reason: 'Staff unavailable' }),
      session,
      venues,
    );
    expect(line.cancelled).toBe(true);
    expect(line.note).toBe('Cancelled — Staff unavailable');
  });

  it('says "Cancelled" alone when no reason was given', () => {
    const line = describeOccurrenceLine(occurrence({ status: 'cancelled' }), session, venues);
    expect(line.note).toBe('Cancelled');
  });

  it('shows a moved occurrence at its new date and time and says where it moved from', () => {
    const line = describeOccurrenceLine(
      occurrence({ startDate: '2027-03-31', startTime: '13:00', endTime: '15:00', changed: true }),
      session,
      venues,
    );
    expect(line.when).toBe('Wednesday 31 March 2027, 13:00–15:00');
    expect(line.note).toBe('Moved from Tuesday 30 March 2027, 10:00–12:00');
    expect(line.key).toBe('2027-03-30');
  });

  it('says when only the time changed, and what the usual time is', () => {
    const line = describeOccurrenceLine(
      occurrence({ startTime: '14:00', endTime: '15:30', changed: true }),
      session,
      venues,
    );
    expect(line.when).toBe('Tuesday 30 March 2027, 14:00–15:30');
    expect(line.note).toBe('New time (usually 10:00–12:00)');
  });

  it('names the venue an occurrence moved to', () => {
    const line = describeOccurrenceLine(
      occurrence({ changed: true, venueSlug: 'rainbow-hill-hub' }),
      session,
      venues,
    );
    expect(line.note).toBe('At Rainbow Hill Hub this time');
  });
});

describe('labels', () => {
  it('says whether to book', () => {
    expect(bookingLabel('book')).toBe('Please book a place');
    expect(bookingLabel('drop-in')).toBe('Just drop in, no need to book');
  });

  it('builds a maps search from the name, address and postcode', () => {
    expect(buildMapLink({ name: 'Hub', address: '1 High St', postcode: 'WR4 9AA' })).toBe(
      'https://www.google.com/maps/search/?api=1&query=Hub%2C%201%20High%20St%2C%20WR4%209AA',
    );
  });
});
