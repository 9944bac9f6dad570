import { describe, expect, it } from 'vitest';
import { ConversationInputSchema, ConversationPatchSchema, MAX_PROMOTED } from './conversation.ts';

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('the conversation schemas', () => {
  it('fill in everything but the place, so a conversation can be one tap', () => {
    expect(ConversationInputSchema.parse({ placeKind: 'hub' })).toEqual({
      placeKind: 'hub',
      venue: null,
      ways: [],
      promoted: [],
      tookHome: 0,
      interests: { volunteering: false, champion: false, panel: false },
    });
  });

  it('keep a contact only with consent ticked, and a way to reach the resident', () => {
    const base = {
      placeKind: 'clinic',
      interests: { volunteering: true, champion: false, panel: false },
    };
    expect(
      pathsOf(ConversationInputSchema.safeParse({ ...base, contact: { name: 'R', phone: '1' } })),
    ).toEqual(['contact.consent']);
    expect(
      pathsOf(
        ConversationInputSchema.safeParse({ ...base, contact: { name: 'R', consent: true } }),
      ),
    ).toEqual(['contact.phone']);
    const kept = ConversationInputSchema.parse({
      ...base,
      contact: { name: ' R ', email: 'R@Example.org', consent: true },
    });
    expect(kept.contact).toEqual({ name: 'R', phone: '', email: 'r@example.org', consent: true });
  });

  it('bound every list and refuse fields they do not know', () => {
    const many = Array.from({ length: MAX_PROMOTED + 1 }, (_, i) => ({
      kind: 'session',
      key: String(i + 1),
    }));
    expect(
      pathsOf(ConversationInputSchema.safeParse({ placeKind: 'hub', promoted: many })),
    ).toEqual(['promoted']);
    expect(ConversationInputSchema.safeParse({ placeKind: 'hub', note: 'x' }).success).toBe(false);
    expect(ConversationPatchSchema.safeParse({ contact: {} }).success).toBe(false);
    expect(ConversationPatchSchema.safeParse({ day: '2026-11-23' }).success).toBe(false);
  });
});
