import {
  WAYS,
  type Group,
  type GroupSuggestion,
  type Me,
  type SuggestionDecision,
} from '@fiveways/shared';
import { useLocation } from 'preact-iso/router';
import { useEffect, useState } from 'preact/hooks';
import { getParsed, messageOf, writeParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../components/form-fields.tsx';
import { Link } from '../components/link.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { useAuth } from '../hooks/use-auth.ts';
import { announceSuggestionsChanged } from '../components/suggestions-count.tsx';
import '../suggestions.css';

/** Admins and venue staff decide; a Community Champion suggests, and edits their own. */
export function canModerate(me: Me): boolean {
  return me.role === 'admin' || me.role === 'staff';
}

const LANGUAGE_NAMES: Record<GroupSuggestion['language'], string> = {
  en: 'English',
  pl: 'Polish',
  ro: 'Romanian',
  ur: 'Urdu',
};

const STATUS_WORDS: Record<GroupSuggestion['status'], string> = {
  new: 'New',
  approved: 'Approved',
  merged: 'Merged',
  declined: 'Declined',
};

/** '23 Nov 2026, 10:00' in London time. */
function when(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** What a queue notice says after a group was added from a suggestion (from the group editor). */
export function noticeOfQuery(query: Record<string, string | undefined>): {
  message: string;
  failed: boolean;
} | null {
  const approved = query['approved'];
  if (approved !== undefined) {
    const email = query['email'];
    const told =
      email === 'sent'
        ? ' The suggester has been emailed and their address deleted.'
        : email === 'failed'
          ? ' The email to the suggester could not be sent: their address is kept, try again below.'
          : '';
    return {
      message: `Added the group ${approved} and approved the suggestion.${told}`,
      failed: false,
    };
  }
  const added = query['added'];
  if (added !== undefined) {
    return {
      message: `Added the group ${added}, but the suggestion could not be marked approved (${query['unmarked'] ?? 'unknown error'}). Merge it into ${added} below.`,
      failed: true,
    };
  }
  return null;
}

interface QueueData {
  items: GroupSuggestion[];
  groups: Group[];
}

async function loadQueue(moderator: boolean, signal: AbortSignal): Promise<QueueData> {
  const [list, groups] = await Promise.all([
    getParsed('/api/staff/suggestions', (s) => s.GroupSuggestionListSchema, signal),
    moderator
      ? getParsed('/api/groups', (s) => s.GroupListSchema, signal).then((g) => g.items)
      : Promise.resolve([]),
  ]);
  return { items: list.items, groups };
}

export function SuggestionsPage() {
  const { me } = useAuth();
  const moderator = canModerate(me);
  const { query } = useLocation();
  const [loaded, reload] = useLoad((signal) => loadQueue(moderator, signal), 'suggestions');
  const fromEditor = noticeOfQuery(query);
  const [notice, setNotice] = useState(fromEditor?.failed === false ? fromEditor.message : '');
  const [failure, setFailure] = useState(fromEditor?.failed === true ? fromEditor.message : '');

  async function decided(decision: SuggestionDecision) {
    setFailure(decision.email === 'failed' ? decision.message : '');
    setNotice(
      `${STATUS_WORDS[decision.suggestion.status]}: ${decision.suggestion.name}.${
        decision.email === 'sent' ? ` ${decision.message}` : ''
      }`,
    );
    announceSuggestionsChanged();
    await reload();
  }

  const lead = moderator
    ? 'Groups residents and Community Champions say the directory is missing. Nothing here is public until you approve it.'
    : 'Tell us about groups the directory is missing. Staff check each one before anything is published.';

  return (
    <Page title="Suggestions" lead={<p>{lead}</p>}>
      {notice ? <Notice message={notice} /> : null}
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      <details class="form-section suggest-new" open={!moderator}>
        <summary>Suggest a group</summary>
        <SuggestionForm
          suggestion={null}
          onSaved={async (s) => {
            setNotice(`Thank you: “${s.name}” is in the queue.`);
            announceSuggestionsChanged();
            await reload();
          }}
        />
      </details>
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <Queue
          data={loaded.data}
          me={me}
          onDecided={decided}
          onChanged={reload}
          onFailed={setFailure}
        />
      )}
    </Page>
  );
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

/** The Urdu letters' font, fetched only when a suggestion on the page is written in them. */
function useUrduFontFor(items: readonly GroupSuggestion[]) {
  const needed = items.some((s) => ARABIC_SCRIPT.test(`${s.name}${s.what}${s.where}${s.when}`));
  useEffect(() => {
    if (!needed) return;
    void Promise.all([
      import('@fontsource/noto-naskh-arabic/arabic-400.css'),
      import('@fontsource/noto-naskh-arabic/arabic-700.css'),
    ]).catch(() => undefined);
  }, [needed]);
}

function Queue(props: {
  data: QueueData;
  me: Me;
  onDecided: (d: SuggestionDecision) => Promise<void>;
  onChanged: () => Promise<void>;
  onFailed: (message: string) => void;
}) {
  useUrduFontFor(props.data.items);
  const waiting = props.data.items.filter((s) => s.status === 'new');
  const done = props.data.items.filter((s) => s.status !== 'new');
  return (
    <>
      <h2 id="waiting-title">Waiting for a decision ({waiting.length})</h2>
      {waiting.length === 0 ? <p>Nothing is waiting.</p> : null}
      <ul class="suggestion-list" aria-labelledby="waiting-title">
        {waiting.map((s) => (
          <li key={s.id}>
            <SuggestionCard {...props} suggestion={s} />
          </li>
        ))}
      </ul>
      {done.length > 0 ? (
        <>
          <h2 id="done-title">Dealt with</h2>
          <ul class="suggestion-list" aria-labelledby="done-title">
            {done.map((s) => (
              <li key={s.id}>
                <SuggestionCard {...props} suggestion={s} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function wayNames(ways: readonly string[]): string {
  const names = WAYS.filter((w) => ways.includes(w.slug)).map((w) => w.name);
  return names.length === 0 ? 'None chosen' : names.join(', ');
}

function SuggestionCard(props: {
  suggestion: GroupSuggestion;
  data: QueueData;
  me: Me;
  onDecided: (d: SuggestionDecision) => Promise<void>;
  onChanged: () => Promise<void>;
  onFailed: (message: string) => void;
}) {
  const { suggestion: s, me } = props;
  const [editing, setEditing] = useState(false);
  const moderator = canModerate(me);
  const mine = s.createdBy === me.id;
  const titleId = `suggestion-${s.id}`;
  const source =
    s.source === 'public'
      ? `Public form, in ${LANGUAGE_NAMES[s.language]}`
      : mine
        ? 'You, in the staff area'
        : 'A Community Champion or staff member';
  const group = props.data.groups.find((g) => g.slug === s.groupSlug);
  return (
    <article class={`suggestion suggestion--${s.status}`} aria-labelledby={titleId}>
      <header class="suggestion__head">
        <h3 id={titleId} dir="auto">
          {s.name}
        </h3>
        <span class={`badge suggestion__status suggestion__status--${s.status}`}>
          {STATUS_WORDS[s.status]}
        </span>
      </header>
      <p class="quiet">
        {when(s.receivedAt)} · {source}
      </p>
      {editing ? (
        <SuggestionForm
          suggestion={s}
          onSaved={async () => {
            setEditing(false);
            await props.onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl class="suggestion__facts">
          <div>
            <dt>What happens</dt>
            <dd class="suggestion__text" dir="auto">
              {s.what}
            </dd>
          </div>
          <div>
            <dt>Where</dt>
            <dd dir="auto">{s.where}</dd>
          </div>
          <div>
            <dt>When</dt>
            <dd dir="auto">{s.when}</dd>
          </div>
          <div>
            <dt>Ways to wellbeing</dt>
            <dd>{wayNames(s.ways)}</dd>
          </div>
          <div>
            <dt>Contact for the group</dt>
            <dd>
              {s.groupContact === ''
                ? 'None given'
                : `${s.groupContact} (the group agreed to share it)`}
            </dd>
          </div>
          <div>
            <dt>Reply</dt>
            <dd>
              {s.replyError !== null
                ? `Not sent: ${s.replyError}. The address is kept to try again.`
                : s.hasReplyEmail
                  ? 'The suggester left an email: they will be told the outcome, then it is deleted.'
                  : s.status === 'new'
                    ? 'No email left.'
                    : 'Nothing to send (no email, or already told).'}
            </dd>
          </div>
          {s.status === 'approved' || s.status === 'merged' ? (
            <div>
              <dt>{s.status === 'approved' ? 'Became' : 'Merged into'}</dt>
              <dd>
                {s.groupSlug === null ? (
                  'No group was recorded'
                ) : (
                  <Link href={`/staff/groups/${s.groupSlug}`}>{group?.name ?? s.groupSlug}</Link>
                )}
              </dd>
            </div>
          ) : null}
          {s.status === 'declined' ? (
            <div>
              <dt>Reason</dt>
              <dd>{s.declineReason}</dd>
            </div>
          ) : null}
        </dl>
      )}
      {s.status === 'new' && mine && !editing ? (
        <p>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => setEditing(true)}
          >
            Edit<span class="visually-hidden"> {s.name}</span>
          </button>
        </p>
      ) : null}
      {s.status === 'new' && moderator && !editing ? <Decisions {...props} /> : null}
      {s.status !== 'new' && moderator && s.replyError !== null ? (
        <RetryEmail suggestion={s} onDecided={props.onDecided} onFailed={props.onFailed} />
      ) : null}
    </article>
  );
}

function Decisions(props: {
  suggestion: GroupSuggestion;
  data: QueueData;
  onDecided: (d: SuggestionDecision) => Promise<void>;
  onFailed: (message: string) => void;
}) {
  const s = props.suggestion;
  const [groupSlug, setGroupSlug] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const prefix = `s${s.id}-`;

  async function decide(action: 'merge' | 'decline', body: Record<string, string>) {
    setBusy(true);
    try {
      const decision = await writeParsed(
        'POST',
        `/api/staff/suggestions/${s.id}/${action}`,
        body,
        (sc) => sc.SuggestionDecisionSchema,
      );
      setErrors(NO_ERRORS);
      await props.onDecided(decision);
    } catch (error) {
      const found = errorsFrom(error, ['groupSlug', 'reason']);
      setErrors({
        ...found,
        fields: Object.fromEntries(
          Object.entries(found.fields).map(([k, v]) => [`${prefix}${k}`, v]),
        ),
      });
      if (Object.keys(found.fields).length === 0) props.onFailed(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="suggestion__decide">
      <ErrorSummary errors={errors} />
      <div class="suggestion__decision">
        <h4>Approve</h4>
        <p>Opens a new group filled in from this suggestion. Adding the group approves it.</p>
        <Link class="button" href={`/staff/groups/new?suggestion=${s.id}`}>
          Approve as a new group<span class="visually-hidden">: {s.name}</span>
        </Link>
      </div>
      <form
        class="suggestion__decision"
        aria-label={`Merge ${s.name} into a group`}
        onSubmit={(e) => {
          e.preventDefault();
          void decide('merge', { groupSlug });
        }}
      >
        <h4>Merge</h4>
        <SelectField
          path={`${prefix}groupSlug`}
          label="It is a group already listed"
          value={groupSlug}
          options={[
            { value: '', label: 'Choose the group' },
            ...props.data.groups.map((g) => ({ value: g.slug, label: g.name })),
          ]}
          onChange={setGroupSlug}
          error={errors.fields[`${prefix}groupSlug`]}
        />
        <button type="submit" class="button button--secondary" disabled={busy || groupSlug === ''}>
          Merge<span class="visually-hidden"> {s.name}</span>
        </button>
      </form>
      <form
        class="suggestion__decision"
        aria-label={`Decline ${s.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          void decide('decline', { reason });
        }}
      >
        <h4>Decline</h4>
        <TextField
          path={`${prefix}reason`}
          label="Reason"
          hint="The suggester sees this if they left an email."
          value={reason}
          onInput={setReason}
          error={errors.fields[`${prefix}reason`]}
          required
        />
        <button type="submit" class="button button--warning" disabled={busy}>
          Decline<span class="visually-hidden"> {s.name}</span>
        </button>
      </form>
    </div>
  );
}

function RetryEmail(props: {
  suggestion: GroupSuggestion;
  onDecided: (d: SuggestionDecision) => Promise<void>;
  onFailed: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <p>
      <button
        type="button"
        class="button button--secondary button--small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          writeParsed(
            'POST',
            `/api/staff/suggestions/${props.suggestion.id}/email`,
            {},
            (s) => s.SuggestionDecisionSchema,
          )
            .then(props.onDecided, (error: unknown) => props.onFailed(messageOf(error)))
            .finally(() => setBusy(false));
        }}
      >
        Try the email again<span class="visually-hidden"> for {props.suggestion.name}</span>
      </button>
    </p>
  );
}

interface FormState {
  name: string;
  what: string;
  where: string;
  when: string;
  ways: string[];
  groupContact: string;
  groupAgreed: boolean;
  replyEmail: string;
}

const FIELDS = [
  'name',
  'what',
  'where',
  'when',
  'ways',
  'groupContact',
  'groupAgreed',
  'replyEmail',
];

/** A suggestion made (or, while new, changed) in the staff area. */
function SuggestionForm(props: {
  suggestion: GroupSuggestion | null;
  onSaved: (s: GroupSuggestion) => Promise<void>;
  onCancel?: () => void;
}) {
  const s = props.suggestion;
  const blank: FormState = {
    name: s?.name ?? '',
    what: s?.what ?? '',
    where: s?.where ?? '',
    when: s?.when ?? '',
    ways: s ? [...s.ways] : [],
    groupContact: s?.groupContact ?? '',
    groupAgreed: s !== null && s.groupContact !== '',
    replyEmail: '',
  };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const prefix = s === null ? 'new-' : `edit${s.id}-`;
  const set =
    <K extends keyof FormState>(key: K) =>
    (value: FormState[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const err = (path: string) => errors.fields[`${prefix}${path}`];

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const { replyEmail, ...rest } = form;
      const body = s === null || replyEmail !== '' ? { ...rest, replyEmail } : rest;
      const saved = await writeParsed(
        s === null ? 'POST' : 'PATCH',
        s === null ? '/api/staff/suggestions' : `/api/staff/suggestions/${s.id}`,
        body,
        (sc) => sc.GroupSuggestionSchema,
      );
      setErrors(NO_ERRORS);
      if (s === null) setForm(blank);
      await props.onSaved(saved);
    } catch (error) {
      const found = errorsFrom(error, FIELDS);
      setErrors({
        ...found,
        fields: Object.fromEntries(
          Object.entries(found.fields).map(([k, v]) => [`${prefix}${k}`, v]),
        ),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="suggestion-form"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={s === null ? 'Suggest a group' : `Change ${s.name}`}
    >
      <ErrorSummary errors={errors} />
      <TextField
        path={`${prefix}name`}
        label="Name of the group or activity"
        value={form.name}
        onInput={set('name')}
        error={err('name')}
        required
      />
      <TextArea
        path={`${prefix}what`}
        label="What happens"
        value={form.what}
        onInput={set('what')}
        error={err('what')}
        rows={3}
      />
      <div class="inline-fields">
        <TextField
          path={`${prefix}where`}
          label="Where"
          value={form.where}
          onInput={set('where')}
          error={err('where')}
          width="medium"
          required
        />
        <TextField
          path={`${prefix}when`}
          label="When"
          value={form.when}
          onInput={set('when')}
          error={err('when')}
          width="medium"
          required
        />
      </div>
      <CheckboxGroup
        path={`${prefix}ways`}
        legend="Ways to wellbeing (optional)"
        options={WAYS.map((w) => ({ value: w.slug, label: w.name }))}
        values={form.ways}
        onChange={set('ways')}
        error={err('ways')}
        inline
      />
      <TextField
        path={`${prefix}groupContact`}
        label="Contact for the group"
        hint="Only one the group has agreed to share publicly."
        value={form.groupContact}
        onInput={set('groupContact')}
        error={err('groupContact')}
      />
      <Checkbox
        path={`${prefix}groupAgreed`}
        label="The group agreed to share this contact"
        checked={form.groupAgreed}
        onChange={set('groupAgreed')}
        error={err('groupAgreed')}
      />
      <TextField
        path={`${prefix}replyEmail`}
        label="Email for a reply"
        hint={
          s?.hasReplyEmail
            ? 'An email is kept for the reply; type a new one only to replace it.'
            : 'The resident’s, if they would like to hear the outcome. It is deleted once they have been told.'
        }
        type="email"
        value={form.replyEmail}
        onInput={set('replyEmail')}
        error={err('replyEmail')}
      />
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>
          {s === null ? 'Send suggestion' : 'Save changes'}
        </button>
        {props.onCancel ? (
          <button type="button" class="button button--secondary" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
