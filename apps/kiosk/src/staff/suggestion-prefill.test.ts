import type { GroupSuggestion } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { draftFromSuggestion, splitContact } from './suggestion-prefill.ts';

const SUGGESTION: GroupSuggestion = {
  id: 3,
  receivedAt: '2026-11-23T10:00:00.000Z',
  source: 'public',
  language: 'en',
  name: 'Warndon Walkers',
  what: 'A gentle walk round the lakes, then tea.',
  where: 'Meet outside Warndon library',
  when: 'Thursdays at 10am',
  ways: ['be-active', 'connect'],
  groupContact: 'Pat Jones, 07700 900123, pat@example.org',
  hasReplyEmail: true,
  replyError: null,
  status: 'new',
  decidedAt: null,
  decidedBy: null,
  groupSlug: null,
  declineReason: null,
  createdBy: null,
  updatedAt: null,
};

describe('draftFromSuggestion', () => {
  it('fills the new group from what the suggester told us', () => {
    expect(draftFromSuggestion(SUGGESTION)).toEqual({
      slug: 'warndon-walkers',
      name: 'Warndon Walkers',
      description:
        'A gentle walk round the lakes, then tea.\n\nWhen: Thursdays at 10am\n\nWhere: Meet outside Warndon library',
      ways: ['be-active', 'connect'],
      contactName: 'Pat Jones',
      contactPhone: '07700 900123',
      contactEmail: 'pat@example.org',
      contactWebsite: '',
    });
  });
});

describe('splitContact', () => {
  it('finds a web address, an email and a UK phone number, and keeps the rest as the name', () => {
    expect(splitContact('https://walkers.example.org/join')).toEqual({
      name: '',
      phone: '',
      email: '',
      website: 'https://walkers.example.org/join',
    });
    expect(splitContact('Ring Sam on +44 1905 123456')).toMatchObject({
      name: 'Ring Sam on',
      phone: '+44 1905 123456',
    });
    expect(splitContact('')).toEqual({ name: '', phone: '', email: '', website: '' });
  });
});
