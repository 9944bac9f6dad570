import { describe, expect, it } from 'vitest';
import {
  AUDIT_MESSAGES_EN,
  describeAuditEntry,
  fillTemplate,
  formatAuditDate,
  type AuditSentenceInput,
} from './audit-sentence.ts';

const SAM = { name: 'Sam', email: 'sam@example.org', role: 'staff', venues: [{ name: 'Warndon' }] };

function entry(parts: Partial<AuditSentenceInput>): AuditSentenceInput {
  return {
    at: '2026-12-01T10:00:00.000Z',
    kind: 'session.update',
    actor: SAM,
    record: { title: 'Food Bank volunteering', venue: { name: 'Warndon' } },
    occurrence: null,
    changed: [],
    ...parts,
  };
}

const occurrence = {
  date: '2026-12-04',
  reason: 'Staff unavailable',
  newDate: null,
  startTime: null,
  endTime: null,
  venue: null,
};

describe('describeAuditEntry', () => {
  it('says who cancelled what, on which date and why', () => {
    expect(describeAuditEntry(entry({ kind: 'session.cancel-occurrence', occurrence }))).toBe(
      'Sam (Warndon) cancelled Food Bank volunteering on Fri 4 Dec: Staff unavailable',
    );
  });

  it('names a Community Champion by their role, since they look after no venue', () => {
    expect(
      describeAuditEntry(
        entry({
          kind: 'conversation.create',
          actor: { name: 'Ali', email: 'ali@example.org', role: 'champion', venues: [] },
        }),
      ),
    ).toBe('Ali (Community Champion) logged a conversation at Food Bank volunteering');
  });

  it('gives the year of a date in another year, and names an admin and the system', () => {
    expect(
      describeAuditEntry(
        entry({
          kind: 'session.reinstate-occurrence',
          actor: { name: '', email: 'jo@example.org', role: 'admin', venues: [] },
          occurrence: { ...occurrence, date: '2027-01-05' },
        }),
      ),
    ).toBe('jo@example.org (admin) put Food Bank volunteering back on for Tue 5 Jan 2027');
    expect(describeAuditEntry(entry({ kind: 'session.archive', actor: null }))).toBe(
      'The system archived the session Food Bank volunteering',
    );
  });

  it('names each venue of someone with several, and only the name of someone with none', () => {
    const two = { ...SAM, venues: [{ name: 'Warndon' }, { name: 'Lyppard' }] };
    expect(describeAuditEntry(entry({ kind: 'group.checked', actor: two }))).toBe(
      'Sam (Warndon, Lyppard) checked the group Food Bank volunteering is up to date',
    );
    expect(
      describeAuditEntry(entry({ kind: 'group.checked', actor: { ...SAM, venues: [] } })),
    ).toBe('Sam checked the group Food Bank volunteering is up to date');
  });

  it('says where a moved date went, only the parts that changed', () => {
    expect(
      describeAuditEntry(
        entry({
          kind: 'session.change-occurrence',
          occurrence: {
            ...occurrence,
            reason: null,
            newDate: '2026-12-05',
            startTime: '11:00',
            endTime: '12:00',
            venue: { name: 'Lyppard Hub' },
          },
        }),
      ),
    ).toBe(
      'Sam (Warndon) moved Food Bank volunteering on Fri 4 Dec to Sat 5 Dec 11:00–12:00 at Lyppard Hub',
    );
  });

  it('names changed fields in words and leaves out the noisy ones', () => {
    expect(
      describeAuditEntry(
        entry({ changed: ['title', 'startTime', 'sequence', 'updatedAt', 'fooBar'] }),
      ),
    ).toBe('Sam (Warndon) changed Food Bank volunteering (title, start time, foo bar)');
    expect(describeAuditEntry(entry({ changed: ['sequence'] }))).toBe(
      'Sam (Warndon) changed Food Bank volunteering',
    );
  });

  it('says a cancellation has no reason rather than leaving a gap', () => {
    expect(
      describeAuditEntry(
        entry({ kind: 'session.cancel-occurrence', occurrence: { ...occurrence, reason: null } }),
      ),
    ).toBe('Sam (Warndon) cancelled Food Bank volunteering on Fri 4 Dec: no reason given');
  });

  it('still says something for a kind it has no words for', () => {
    expect(describeAuditEntry(entry({ kind: 'venue.close-range' }))).toBe(
      'Sam (Warndon): venue.close-range on Food Bank volunteering',
    );
  });

  it('takes a title with braces as text, never as a placeholder', () => {
    expect(
      describeAuditEntry(
        entry({ kind: 'session.archive', record: { title: '{actor} {reason}', venue: null } }),
      ),
    ).toBe('Sam (Warndon) archived the session {actor} {reason}');
  });

  it('words come from the table: another table is another language', () => {
    const pl = {
      ...AUDIT_MESSAGES_EN,
      kinds: { 'session.archive': '{actor} zarchiwizował(a) {title}' },
      admin: 'administrator',
    };
    expect(describeAuditEntry(entry({ kind: 'session.archive' }), pl)).toBe(
      'Sam (Warndon) zarchiwizował(a) Food Bank volunteering',
    );
  });
});

describe('the helpers', () => {
  it('fill named places and leave unknown ones', () => {
    expect(fillTemplate('{a} and {b}', { a: '1' })).toBe('1 and {b}');
  });
  it('write a date short, with the year only when it differs', () => {
    expect(formatAuditDate('2026-12-04', '2026-01-01T00:00:00Z')).toBe('Fri 4 Dec');
    expect(formatAuditDate('2027-12-03', '2026-01-01T00:00:00Z')).toBe('Fri 3 Dec 2027');
  });
});

describe('describeAuditEntry for closures, school holidays and organisations', () => {
  const HUB = {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'staff',
    venues: [{ name: 'Warndon Community Hub' }],
  };
  const closure = {
    record: { title: 'Warndon Community Hub', venue: { name: 'Warndon Community Hub' } },
    actor: HUB,
  };
  const christmas = {
    from: '2026-12-21',
    to: '2027-01-01',
    reason: 'Christmas closure',
    count: 12,
  };

  it('says which venue was closed, when, why and how many dates that cancelled', () => {
    expect(describeAuditEntry(entry({ ...closure, kind: 'closure.create', span: christmas }))).toBe(
      'Sam (Warndon Community Hub) closed Warndon Community Hub from Mon 21 Dec to Fri 1 Jan 2027: Christmas closure — 12 dates cancelled',
    );
    const one = { ...christmas, to: '2026-12-21', count: 1 };
    expect(describeAuditEntry(entry({ ...closure, kind: 'closure.create', span: one }))).toBe(
      'Sam (Warndon Community Hub) closed Warndon Community Hub from Mon 21 Dec to Mon 21 Dec: Christmas closure — 1 date cancelled',
    );
    const none = { ...christmas, count: 0, reason: '' };
    expect(describeAuditEntry(entry({ ...closure, kind: 'closure.create', span: none }))).toBe(
      'Sam (Warndon Community Hub) closed Warndon Community Hub from Mon 21 Dec to Fri 1 Jan 2027: no reason given — no dates cancelled',
    );
  });

  it('says which closure was undone', () => {
    expect(describeAuditEntry(entry({ ...closure, kind: 'closure.undo', span: christmas }))).toBe(
      'Sam (Warndon Community Hub) undid the closure of Warndon Community Hub from Mon 21 Dec to Fri 1 Jan 2027: Christmas closure',
    );
  });

  it('names school holidays and their days when added, changed or removed', () => {
    const admin = { name: 'Jo', email: 'jo@example.org', role: 'admin', venues: [] };
    const holiday = {
      actor: admin,
      record: { title: 'Christmas 2026', venue: null },
      at: '2026-11-01T10:00:00.000Z',
      span: { from: '2026-12-21', to: '2027-01-01', reason: null, count: null },
    };
    expect(describeAuditEntry(entry({ ...holiday, kind: 'school-holiday.create' }))).toBe(
      'Jo (admin) added school holidays Christmas 2026 (21 Dec to 1 Jan 2027)',
    );
    const update = { ...holiday, kind: 'school-holiday.update', changed: ['to', 'updatedAt'] };
    expect(describeAuditEntry(entry(update))).toBe(
      'Jo (admin) changed school holidays Christmas 2026 (last day), now 21 Dec to 1 Jan 2027',
    );
    expect(describeAuditEntry(entry({ ...holiday, kind: 'school-holiday.delete' }))).toBe(
      'Jo (admin) removed school holidays Christmas 2026 (21 Dec to 1 Jan 2027)',
    );
  });

  it('names an organisation added or changed', () => {
    const trust = { actor: SAM, record: { title: 'Worcester Community Trust', venue: null } };
    expect(describeAuditEntry(entry({ ...trust, kind: 'organisation.create' }))).toBe(
      'Sam (Warndon) added organisation Worcester Community Trust',
    );
    expect(describeAuditEntry(entry({ ...trust, kind: 'organisation.update', changed: [] }))).toBe(
      'Sam (Warndon) changed organisation Worcester Community Trust',
    );
    const fields = ['charityNumber', 'website', 'updatedAt'];
    expect(
      describeAuditEntry(entry({ ...trust, kind: 'organisation.update', changed: fields })),
    ).toBe(
      'Sam (Warndon) changed organisation Worcester Community Trust (charity number, website)',
    );
  });
});

describe('describeAuditEntry for a group age range', () => {
  it('names the ages in words', () => {
    const changed = ['minAge', 'maxAge', 'updatedAt'];
    expect(describeAuditEntry(entry({ kind: 'group.update', changed }))).toBe(
      'Sam (Warndon) changed the group Food Bank volunteering (youngest age, oldest age)',
    );
  });
});
