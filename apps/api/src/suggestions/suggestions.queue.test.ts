// The moderation queue: who may read and decide, what a decision keeps and audits, and the
// outcome email (captured in memory, sent over real SMTP, or failing), after which the
// suggester's address is deleted.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  AuditListSchema,
  GroupSuggestionListSchema,
  GroupSuggestionSchema,
  SuggestionDecisionSchema,
} from '@fiveways/shared';
import { describeAuditEntry } from '@fiveways/shared/audit-sentence';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { makeStaffTestApp, VENUE_A } from '../test-support.ts';
import { createMemoryMailer, createSmtpMailer, type Mailer } from './mailer.ts';

const PUBLIC = {
  language: 'pl',
  name: 'Warndon Walkers',
  what: 'A gentle walk round the lakes, then tea.',
  where: 'Meet outside Warndon library',
  when: 'Thursdays at 10am',
  ways: ['be-active', 'connect'],
  groupContact: 'Pat, 07700 900123',
  groupAgreed: true,
  replyEmail: 'resident@example.org',
};

async function setUp(mailer?: Mailer) {
  const memory = createMemoryMailer('Five Ways Worcester <no-reply@example.org>');
  const t = makeStaffTestApp({ suggestions: { mailer: mailer ?? memory.mailer } });
  const people = await t.createPeople();
  async function suggestPublicly(body: Record<string, unknown> = {}): Promise<number> {
    const tokenRes = await t.request('GET', '/api/suggestions/form-token');
    const { token } = (await tokenRes.json()) as { token: string };
    t.advance(30_000);
    const res = await t.request('POST', '/api/suggestions', {
      body: { ...PUBLIC, formToken: token, ...body },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const row = t.db.prepare('SELECT max(id) AS id FROM group_suggestions').get() as { id: number };
    return row.id;
  }
  const replyEmailOf = (id: number) =>
    (
      t.db.prepare('SELECT reply_email FROM group_suggestions WHERE id = ?').get(id) as {
        reply_email: string | null;
      }
    ).reply_email;
  async function audit(kind: string) {
    const res = await t.request('GET', `/api/audit?kind=${kind}`, { cookie: people.cookies.admin });
    return AuditListSchema.parse(await res.json()).items;
  }
  return { t, ...people, sent: memory.sent, suggestPublicly, replyEmailOf, audit };
}

describe('the moderation queue', () => {
  it('is closed to the public, and lists new ones first without the suggester’s email', async () => {
    const { t, cookies, suggestPublicly } = await setUp();
    const first = await suggestPublicly({ name: 'First' });
    const second = await suggestPublicly({ name: 'Second', replyEmail: '' });
    const third = await suggestPublicly({ name: 'Third' });
    for (const path of [
      '/api/staff/suggestions',
      '/api/staff/suggestions/new-count',
      `/api/staff/suggestions/${first}`,
    ]) {
      expect((await t.request('GET', path)).status, path).toBe(401);
    }
    expect(
      (
        await t.request('POST', `/api/staff/suggestions/${first}/decline`, {
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(401);
    const declined = await t.request('POST', `/api/staff/suggestions/${second}/decline`, {
      cookie: cookies.staffA,
      body: { reason: 'Not in Worcester' },
    });
    expect(declined.status).toBe(200);

    const res = await t.request('GET', '/api/staff/suggestions', { cookie: cookies.staffB });
    const text = await res.clone().text();
    expect(text).not.toContain('resident@example.org');
    const list = GroupSuggestionListSchema.parse(await res.json());
    expect(list.items.map((s) => [s.id, s.status])).toEqual([
      [first, 'new'],
      [third, 'new'],
      [second, 'declined'],
    ]);
    expect(list.newCount).toBe(2);
    expect(list.items[0]).toMatchObject({ hasReplyEmail: true, source: 'public', language: 'pl' });
    const count = await t.request('GET', '/api/staff/suggestions/new-count', {
      cookie: cookies.admin,
    });
    expect(await count.json()).toEqual({ newCount: 2 });
    const onlyNew = await t.request('GET', '/api/staff/suggestions?status=declined', {
      cookie: cookies.admin,
    });
    expect(GroupSuggestionListSchema.parse(await onlyNew.json()).items.map((s) => s.id)).toEqual([
      second,
    ]);
    const bad = await t.request('GET', '/api/staff/suggestions?status=maybe', {
      cookie: cookies.admin,
    });
    expect(bad.status).toBe(400);
    const one = await t.request('GET', `/api/staff/suggestions/${first}`, {
      cookie: cookies.admin,
    });
    expect(GroupSuggestionSchema.parse(await one.json()).name).toBe('First');
    expect(
      (await t.request('GET', '/api/staff/suggestions/999', { cookie: cookies.admin })).status,
    ).toBe(404);
  });

  it('declines with a reason: audited, the suggester emailed in their language, the address deleted', async () => {
    const { t, cookies, sent, suggestPublicly, replyEmailOf, audit } = await setUp();
    const id = await suggestPublicly();
    const noReason = await t.request('POST', `/api/staff/suggestions/${id}/decline`, {
      cookie: cookies.staffA,
      body: { reason: ' ' },
    });
    expect(noReason.status).toBe(400);
    expect(
      ((await noReason.json()) as { error: { issues: { path: string }[] } }).error.issues,
    ).toEqual([{ path: 'reason', message: 'Reason: please fill this in' }]);

    const res = await t.request('POST', `/api/staff/suggestions/${id}/decline`, {
      cookie: cookies.staffA,
      body: { reason: 'It meets outside Worcester' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const decision = SuggestionDecisionSchema.parse(await res.json());
    expect(decision.email).toBe('sent');
    expect(decision.suggestion).toMatchObject({
      status: 'declined',
      declineReason: 'It meets outside Worcester',
      hasReplyEmail: false,
      replyError: null,
      groupSlug: null,
    });
    expect(replyEmailOf(id)).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual(['resident@example.org']);
    const raw = sent[0]?.raw ?? '';
    expect(raw).toMatch(/^Content-Language: pl$/m);
    expect(raw).toMatch(/^From: Five Ways Worcester <no-reply@example.org>$/m);
    // Quoted-printable keeps the Polish readable once decoded.
    const body = raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    expect(Buffer.from(body, 'latin1').toString('utf8')).toContain(
      'Powód: It meets outside Worcester',
    );

    const [entry] = await audit('suggestion');
    expect(entry?.kind).toBe('suggestion.decline');
    expect(entry && describeAuditEntry(entry)).toMatch(/declined the suggestion Warndon Walkers$/);
    expect(JSON.stringify(entry)).not.toContain('resident@example.org');

    const again = await t.request('POST', `/api/staff/suggestions/${id}/approve`, {
      cookie: cookies.admin,
      body: { groupSlug: 'knit-and-natter' },
    });
    expect(again.status).toBe(409);
  });

  it('approves into the group made from it, and merges into one already listed', async () => {
    const { t, cookies, sent, suggestPublicly, replyEmailOf, audit } = await setUp();
    const id = await suggestPublicly({ language: 'en' });
    const noGroup = await t.request('POST', `/api/staff/suggestions/${id}/approve`, {
      cookie: cookies.staffA,
      body: { groupSlug: 'warndon-walkers' },
    });
    expect(noGroup.status).toBe(400);
    expect(await noGroup.text()).toContain('There is no group \\"warndon-walkers\\"');

    const made = await t.request('POST', '/api/groups', {
      cookie: cookies.staffA,
      body: {
        slug: 'warndon-walkers',
        name: 'Warndon Walkers',
        ways: ['be-active'],
        venueSlug: VENUE_A,
      },
    });
    expect(made.status).toBe(201);
    const approved = await t.request('POST', `/api/staff/suggestions/${id}/approve`, {
      cookie: cookies.staffA,
      body: { groupSlug: 'warndon-walkers' },
    });
    expect(approved.status).toBe(200);
    const decision = SuggestionDecisionSchema.parse(await approved.json());
    expect(decision.suggestion).toMatchObject({ status: 'approved', groupSlug: 'warndon-walkers' });
    expect(decision.email).toBe('sent');
    expect(sent[0]?.raw).toContain('http://localhost:8787/follow/groups/warndon-walkers');
    expect(replyEmailOf(id)).toBeNull();

    const other = await suggestPublicly({ name: 'Knitting at the church', replyEmail: '' });
    const merged = await t.request('POST', `/api/staff/suggestions/${other}/merge`, {
      cookie: cookies.admin,
      body: { groupSlug: 'knit-and-natter' },
    });
    const mergeDecision = SuggestionDecisionSchema.parse(await merged.json());
    expect(mergeDecision).toMatchObject({
      email: 'none',
      suggestion: { status: 'merged', groupSlug: 'knit-and-natter' },
    });
    expect(sent).toHaveLength(1);
    const kinds = (await audit('suggestion')).map((e) => describeAuditEntry(e));
    expect(kinds).toEqual([
      expect.stringMatching(/admin\) merged the suggestion Knitting at the church into a group/),
      expect.stringMatching(/approved the suggestion Warndon Walkers as a new group$/),
    ]);
  });

  it('keeps the address and tells staff when the email cannot be sent, and sends it on a retry', async () => {
    let working = false;
    const memory = createMemoryMailer();
    // Nothing listens on port 9 here: a real SMTP transport that fails to connect.
    const down = createSmtpMailer('smtp://127.0.0.1:9', 'Five Ways <no-reply@example.org>');
    const switching: Mailer = {
      where: 'test',
      send: (mail) => (working ? memory.mailer.send(mail) : down.send(mail)),
    };
    const { t, cookies, suggestPublicly, replyEmailOf } = await setUp(switching);
    const id = await suggestPublicly();
    const res = await t.request('POST', `/api/staff/suggestions/${id}/decline`, {
      cookie: cookies.admin,
      body: { reason: 'Duplicate' },
    });
    const decision = SuggestionDecisionSchema.parse(await res.json());
    expect(decision.email).toBe('failed');
    expect(decision.message).toMatch(/could not be sent \(The mail server could not be reached\)/);
    expect(decision.suggestion).toMatchObject({
      status: 'declined',
      hasReplyEmail: true,
      replyError: 'The mail server could not be reached',
    });
    expect(replyEmailOf(id)).toBe('resident@example.org');

    working = true;
    const retry = await t.request('POST', `/api/staff/suggestions/${id}/email`, {
      cookie: cookies.staffB,
    });
    expect(SuggestionDecisionSchema.parse(await retry.json())).toMatchObject({
      email: 'sent',
      suggestion: { hasReplyEmail: false, replyError: null },
    });
    expect(replyEmailOf(id)).toBeNull();
    expect(memory.sent).toHaveLength(1);
  });
});

describe('the outcome email over SMTP', () => {
  let server: SMTPServer | undefined;
  afterEach(async () => {
    if (server) await new Promise<void>((done) => server?.close(() => done()));
    server = undefined;
  });

  it('is delivered to a real SMTP server, then the address is deleted', async () => {
    const received: { from: string; to: string[]; data: string }[] = [];
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          received.push({
            from: from === false ? '' : from.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const { port } = server.server.address() as AddressInfo;
    const mailer = createSmtpMailer(
      `smtp://127.0.0.1:${port}`,
      'Five Ways Worcester <no-reply@example.org>',
    );
    const { t, cookies, suggestPublicly, replyEmailOf } = await setUp(mailer);
    const id = await suggestPublicly({ language: 'en' });
    const res = await t.request('POST', `/api/staff/suggestions/${id}/merge`, {
      cookie: cookies.admin,
      body: { groupSlug: 'walking-for-health' },
    });
    expect(SuggestionDecisionSchema.parse(await res.json()).email).toBe('sent');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      from: 'no-reply@example.org',
      to: ['resident@example.org'],
    });
    expect(received[0]?.data).toMatch(/^Subject: Your suggestion: Warndon Walkers\r?$/m);
    expect(received[0]?.data).toContain('Walking for Health');
    expect(replyEmailOf(id)).toBeNull();
  });
});

describe('suggestions made in the staff area', () => {
  it('are the maker’s to edit while new, then nobody’s; others may not', async () => {
    const { t, cookies, ids, audit } = await setUp();
    const made = await t.request('POST', '/api/staff/suggestions', {
      cookie: cookies.staffA,
      body: {
        name: 'Rainbow Hill Allotments',
        what: 'Shared plots, tools lent.',
        where: 'Behind the hub',
        when: 'Saturday mornings',
        ways: ['take-notice'],
      },
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const suggestion = GroupSuggestionSchema.parse(await made.json());
    expect(suggestion).toMatchObject({ source: 'champion', createdBy: ids.staffA, status: 'new' });

    const path = `/api/staff/suggestions/${suggestion.id}`;
    const byOther = await t.request('PATCH', path, {
      cookie: cookies.staffB,
      body: { when: 'Sundays' },
    });
    expect(byOther.status).toBe(403);
    const contactWithoutTick = await t.request('PATCH', path, {
      cookie: cookies.staffA,
      body: { groupContact: 'Sam 01905 000000' },
    });
    expect(contactWithoutTick.status).toBe(400);
    const edited = await t.request('PATCH', path, {
      cookie: cookies.staffA,
      body: { when: 'Saturdays 9 to 12', groupContact: 'Sam 01905 000000', groupAgreed: true },
    });
    expect(edited.status, await edited.clone().text()).toBe(200);
    expect(GroupSuggestionSchema.parse(await edited.json())).toMatchObject({
      when: 'Saturdays 9 to 12',
      groupContact: 'Sam 01905 000000',
      name: 'Rainbow Hill Allotments',
    });

    await t.request('POST', `${path}/decline`, {
      cookie: cookies.admin,
      body: { reason: 'Already listed by the council' },
    });
    const late = await t.request('PATCH', path, {
      cookie: cookies.staffA,
      body: { when: 'Sundays' },
    });
    expect(late.status).toBe(403);
    const sentences = (await audit('suggestion')).map((e) => describeAuditEntry(e));
    expect(sentences).toEqual([
      expect.stringMatching(/declined the suggestion Rainbow Hill Allotments$/),
      expect.stringMatching(
        /changed their suggestion Rainbow Hill Allotments \(when, contact for the group\)$/,
      ),
      expect.stringMatching(/suggested the group Rainbow Hill Allotments$/),
    ]);
  });
});

describe('a Community Champion', () => {
  it('suggests and edits their own, sees only theirs, and decides nothing', async () => {
    const { t, cookies, suggestPublicly } = await setUp();
    const publicOne = await suggestPublicly();
    const championId = await t.createUser('champion@example.org', 'champion');
    const champion = t.cookieFor(championId);
    const made = await t.request('POST', '/api/staff/suggestions', {
      cookie: champion,
      body: {
        name: 'Tolladine Tea Dance',
        what: 'Dancing and tea for over-60s.',
        where: 'Tolladine church hall',
        when: 'Second Sunday of the month',
        ways: ['connect', 'be-active'],
        groupContact: 'Jo 07700 900456',
        groupAgreed: true,
      },
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const own = GroupSuggestionSchema.parse(await made.json());
    expect(own).toMatchObject({ source: 'champion', createdBy: championId });

    const list = GroupSuggestionListSchema.parse(
      await (await t.request('GET', '/api/staff/suggestions', { cookie: champion })).json(),
    );
    expect(list.items.map((s) => s.id)).toEqual([own.id]);
    expect(list.newCount).toBe(1);
    expect(
      (await t.request('GET', `/api/staff/suggestions/${publicOne}`, { cookie: champion })).status,
    ).toBe(403);
    const edited = await t.request('PATCH', `/api/staff/suggestions/${own.id}`, {
      cookie: champion,
      body: { when: 'Every second Sunday, 2 to 4pm' },
    });
    expect(edited.status).toBe(200);

    for (const [action, body] of [
      ['approve', { groupSlug: 'knit-and-natter' }],
      ['merge', { groupSlug: 'knit-and-natter' }],
      ['decline', { reason: 'No' }],
    ] as const) {
      const res = await t.request('POST', `/api/staff/suggestions/${own.id}/${action}`, {
        cookie: champion,
        body,
      });
      expect(res.status, action).toBe(403);
    }
    const staffList = GroupSuggestionListSchema.parse(
      await (await t.request('GET', '/api/staff/suggestions', { cookie: cookies.staffA })).json(),
    );
    expect(staffList.items.map((s) => s.status)).toEqual(['new', 'new']);
  });
});
