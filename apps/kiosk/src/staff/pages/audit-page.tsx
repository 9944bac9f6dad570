import type { AuditEntry } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { LoadState, Page } from '../components/page.tsx';
import { useLoad } from '../../common/use-load.ts';
import { getParsed, messageOf } from '../../common/api-client.ts';

const PAGE_SIZE = 50;

function loadAudit(before: number | null, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (before !== null) query.set('before', String(before));
  return getParsed(`/api/audit?${query.toString()}`, (s) => s.AuditListSchema, signal);
}

/** Top-level fields whose values differ between before and after. */
export function changedFields(before: unknown, after: unknown): string[] {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
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
    <details>
      <summary>{label}</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

export function AuditPage() {
  const [loaded] = useLoad((signal) => loadAudit(null, signal), 'audit');
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [failure, setFailure] = useState('');

  if (loaded.status !== 'ready') {
    return (
      <Page title="Audit log">
        <LoadState loaded={loaded} />
      </Page>
    );
  }
  const entries = [...loaded.data.items, ...more];
  const nextBefore = next === undefined ? loaded.data.nextBefore : next;

  async function loadOlder() {
    if (nextBefore === null) return;
    try {
      const page = await loadAudit(nextBefore);
      setMore((m) => [...m, ...page.items]);
      setNext(page.nextBefore);
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  return (
    <Page title="Audit log">
      <p>Every change anyone has made, newest first.</p>
      {entries.length === 0 ? (
        <p>Nothing has been changed yet.</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">Changes, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Before and after</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const changed = changedFields(e.before, e.after);
              return (
                <tr key={e.id}>
                  <td>{when(e.at)}</td>
                  <td>
                    {e.user ? e.user.name || e.user.email : 'The system, or a removed account'}
                  </td>
                  <td>
                    {e.action}
                    <br />
                    <span class="quiet">
                      {e.entity} {e.entityId}
                    </span>
                    {changed.length > 0 ? (
                      <>
                        <br />
                        Changed: {changed.join(', ')}
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Snapshot label="Before" value={e.before} />
                    <Snapshot label="After" value={e.after} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
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
