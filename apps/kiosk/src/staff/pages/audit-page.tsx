import type { AuditEntry, User, Venue } from '@fiveways/shared';
import { describeAuditEntry } from '@fiveways/shared/audit-sentence';
import { useLocation } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { LoadState, Page } from '../components/page.tsx';
import { SelectField, type Option } from '../components/form-fields.tsx';
import { useLoad } from '../../common/use-load.ts';
import { getParsed, messageOf } from '../../common/api-client.ts';
import { venueOptionsOf } from '../venue-options.ts';

const PAGE_SIZE = 50;

/** The kinds of change to filter by, as the API names them. */
const KIND_OPTIONS: Option[] = [
  { value: '', label: 'Every kind of change' },
  { value: 'session', label: 'Sessions: any change', group: 'Sessions' },
  { value: 'session.create', label: 'Sessions added', group: 'Sessions' },
  { value: 'session.update', label: 'Sessions changed', group: 'Sessions' },
  { value: 'session.archive', label: 'Sessions archived', group: 'Sessions' },
  { value: 'session.cancel-occurrence', label: 'Dates cancelled', group: 'Sessions' },
  { value: 'session.reinstate-occurrence', label: 'Dates put back on', group: 'Sessions' },
  { value: 'session.change-occurrence', label: 'Dates moved', group: 'Sessions' },
  { value: 'session.undo-change', label: 'Moves undone', group: 'Sessions' },
  { value: 'group', label: 'Groups', group: 'Other records' },
  { value: 'venue', label: 'Venues', group: 'Other records' },
  { value: 'area', label: 'Areas', group: 'Other records' },
  { value: 'user', label: 'Accounts', group: 'Other records' },
  { value: 'organisation', label: 'Organisations', group: 'Other records' },
  { value: 'suggestion', label: 'Suggestions', group: 'Other records' },
  { value: 'closure', label: 'Closures: any change', group: 'Closures and holidays' },
  { value: 'closure.create', label: 'Venues closed', group: 'Closures and holidays' },
  { value: 'closure.undo', label: 'Closures undone', group: 'Closures and holidays' },
  { value: 'school-holiday', label: 'School holidays', group: 'Closures and holidays' },
];

export interface AuditFilters {
  venue: string;
  user: string;
  kind: string;
}

/** The API query for the filters (empty ones left out), and more. */
export function auditQueryOf(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v !== '') query.set(k, v);
  return query.toString();
}

function loadAudit(filters: AuditFilters, before: number | null, signal?: AbortSignal) {
  const extra: Record<string, string> = { limit: String(PAGE_SIZE) };
  if (before !== null) extra['before'] = String(before);
  return getParsed(`/api/audit?${auditQueryOf(filters, extra)}`, (s) => s.AuditListSchema, signal);
}

interface Choices {
  venues: Venue[];
  users: User[];
}

async function loadChoices(signal: AbortSignal): Promise<Choices> {
  const [venues, users] = await Promise.all([
    getParsed('/api/venues', (s) => s.VenueListSchema, signal),
    getParsed('/api/users', (s) => s.UserListSchema, signal).then((l) => l.items),
  ]);
  return { venues, users };
}

/** '2027-01-06T10:15:00.000Z' in London time: '6 Jan 2027, 10:15'. */
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

function Snapshot({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <>
      <h3 class="audit-entry__snapshot-title">{label}</h3>
      <pre class="audit-entry__snapshot">{JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

function EntryItem({ entry }: { entry: AuditEntry }) {
  return (
    <li class="audit-entry">
      <p class="audit-entry__sentence">{describeAuditEntry(entry)}</p>
      <p class="audit-entry__when quiet">
        <time dateTime={entry.at}>{when(entry.at)}</time>
      </p>
      <details class="audit-entry__details">
        <summary>Details</summary>
        <p>
          <code>{entry.action}</code> on {entry.entity} <code>{entry.entityId}</code>
          {entry.user ? ` by ${entry.user.email}` : ''}
          {entry.changed.length > 0 ? `. Fields changed: ${entry.changed.join(', ')}` : ''}
        </p>
        <Snapshot label="Before" value={entry.before} />
        <Snapshot label="After" value={entry.after} />
      </details>
    </li>
  );
}

/** The filters, as chosen so far; "Show" puts them in the address. */
function FilterForm({ filters, choices }: { filters: AuditFilters; choices: Choices | null }) {
  const { route } = useLocation();
  const [draft, setDraft] = useState<AuditFilters>(filters);

  const venueOptions: Option[] = [
    { value: '', label: 'Every venue' },
    ...(choices ? venueOptionsOf(choices.venues) : []),
  ];
  const userOptions: Option[] = [
    { value: '', label: 'Everyone' },
    ...(choices
      ? choices.users.map((u) => ({
          value: String(u.id),
          label: u.name ? `${u.name} (${u.email})` : u.email,
        }))
      : []),
  ];

  function applyFilters(e: Event) {
    e.preventDefault();
    const q = auditQueryOf(draft);
    route(q === '' ? '/staff/admin/audit' : `/staff/admin/audit?${q}`);
  }

  return (
    <form class="audit-filters" onSubmit={applyFilters} aria-label="Filter the audit log">
      <SelectField
        path="venue"
        label="Venue"
        value={draft.venue}
        options={venueOptions}
        onChange={(venue) => setDraft((d) => ({ ...d, venue }))}
      />
      <SelectField
        path="user"
        label="Person"
        value={draft.user}
        options={userOptions}
        onChange={(user) => setDraft((d) => ({ ...d, user }))}
      />
      <SelectField
        path="kind"
        label="Kind of change"
        value={draft.kind}
        options={KIND_OPTIONS}
        onChange={(kind) => setDraft((d) => ({ ...d, kind }))}
      />
      <div class="button-row audit-filters__buttons">
        <button type="submit" class="button">
          Show
        </button>
        <a
          class="button button--secondary"
          href={`/api/audit?${auditQueryOf(filters, { format: 'csv' })}`}
          download
        >
          Download as CSV
        </a>
      </div>
    </form>
  );
}

export function AuditPage() {
  const { query } = useLocation();
  const filters: AuditFilters = {
    venue: query.venue ?? '',
    user: query.user ?? '',
    kind: query.kind ?? '',
  };
  const key = auditQueryOf(filters);
  const [loaded] = useLoad((signal) => loadAudit(filters, null, signal), `audit|${key}`);
  const [choices] = useLoad(loadChoices, 'audit-choices');
  const [more, setMore] = useState<{ key: string; items: AuditEntry[]; next: number | null }>({
    key: '',
    items: [],
    next: null,
  });
  const [failure, setFailure] = useState('');
  const filterForm = (
    <FilterForm
      // Made again once the lists of venues and people arrive, so a filter in the address shows.
      key={`${key}|${choices.status}`}
      filters={filters}
      choices={choices.status === 'ready' ? choices.data : null}
    />
  );

  if (loaded.status !== 'ready') {
    return (
      <Page title="Audit log">
        {filterForm}
        <LoadState loaded={loaded} />
      </Page>
    );
  }
  const extra = more.key === key ? more : { key, items: [], next: undefined };
  const entries = [...loaded.data.items, ...extra.items];
  const nextBefore = extra.next === undefined ? loaded.data.nextBefore : extra.next;
  const filtered = key !== '';

  async function loadOlder() {
    if (nextBefore === null) return;
    try {
      const page = await loadAudit(filters, nextBefore);
      setMore({ key, items: [...extra.items, ...page.items], next: page.nextBefore });
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  return (
    <Page title="Audit log">
      <p>Every change anyone has made, newest first.</p>
      {filterForm}
      {entries.length === 0 ? (
        <p>{filtered ? 'No changes match these filters.' : 'Nothing has been changed yet.'}</p>
      ) : (
        <ol class="audit-list" aria-label="Changes, newest first">
          {entries.map((e) => (
            <EntryItem key={e.id} entry={e} />
          ))}
        </ol>
      )}
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      {nextBefore !== null ? (
        <button type="button" class="button button--secondary" onClick={() => void loadOlder()}>
          Show older changes
        </button>
      ) : null}
    </Page>
  );
}
