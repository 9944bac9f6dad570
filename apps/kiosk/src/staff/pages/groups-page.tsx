import { formatShortDate, WAYS, type Group, type Me } from '@fiveways/shared';
import { useLocation } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { getParsed, messageOf, writeParsed } from '../../common/api-client.ts';
import { Link } from '../components/link.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { useAuth } from '../hooks/use-auth.ts';
import { useLoad } from '../../common/use-load.ts';

/** Admins look after every group; staff the groups that meet at their venues. */
export function canManageGroup(me: Me, group: { venueSlug: string | null }): boolean {
  return me.role === 'admin' || (group.venueSlug !== null && me.venues.includes(group.venueSlug));
}

function wayNames(group: Group): string {
  return WAYS.filter((w) => group.ways.includes(w.slug))
    .map((w) => w.name)
    .join(', ');
}

async function loadGroups(signal: AbortSignal, champion: boolean) {
  const [all, unchecked] = await Promise.all([
    getParsed('/api/groups', (s) => s.GroupListSchema, signal),
    // Checking groups is venue staff's work; a Community Champion only reads the directory.
    champion
      ? { items: [] }
      : getParsed('/api/staff/groups/unchecked', (s) => s.GroupListSchema, signal),
  ]);
  return { all: all.items, unchecked: unchecked.items };
}

export function GroupsPage() {
  const { me } = useAuth();
  const { query } = useLocation();
  const champion = me.role === 'champion';
  const [loaded, reload] = useLoad((signal) => loadGroups(signal, champion), 'groups');
  const [notice, setNotice] = useState(
    query.archived === '1' ? 'Archived. Residents no longer see it.' : '',
  );
  const [failure, setFailure] = useState('');

  async function markChecked(group: Group) {
    setFailure('');
    try {
      const after = await writeParsed(
        'POST',
        `/api/groups/${group.slug}/checked`,
        {},
        (s) => s.GroupSchema,
      );
      setNotice(
        `Marked ${group.name} as checked on ${after.checkedAt ? formatShortDate(after.checkedAt) : 'today'}.`,
      );
      await reload();
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  const checkedCell = (g: Group) => (g.checkedAt ? formatShortDate(g.checkedAt) : 'Never');
  const actions = (g: Group) =>
    canManageGroup(me, g) ? (
      <div class="button-row button-row--tight">
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => void markChecked(g)}
          aria-label={`Checked today: ${g.name}`}
        >
          Checked today
        </button>
        <Link href={`/staff/groups/${g.slug}`} class="button button--secondary button--small">
          Edit<span class="visually-hidden"> {g.name}</span>
        </Link>
      </div>
    ) : (
      <div class="row-actions">
        <span class="quiet">Looked after by another venue</span>
        <Link href={`/staff/groups/${g.slug}`} class="button button--secondary button--small">
          View<span class="visually-hidden"> {g.name}</span>
        </Link>
      </div>
    );

  return (
    <Page title="Groups">
      <p>
        Keep each group’s details fresh: when you have confirmed they are still right, press
        “Checked today”.
      </p>
      {champion ? null : (
        <p>
          <Link class="button" href="/staff/groups/new">
            Add a group
          </Link>
        </p>
      )}
      {notice ? <Notice message={notice} /> : null}
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <>
          <h2 id="unchecked-title">Not checked in three months</h2>
          {loaded.data.unchecked.length === 0 ? (
            <p>All your groups have been checked in the last three months.</p>
          ) : (
            <table class="table" aria-labelledby="unchecked-title">
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Last checked</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.unchecked.map((g) => (
                  <tr key={g.slug}>
                    <td class="table__lead">{g.name}</td>
                    <td data-label="Last checked">{checkedCell(g)}</td>
                    <td>{actions(g)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 id="all-title">All groups</h2>
          <table class="table" aria-labelledby="all-title">
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Ways</th>
                <th scope="col">Last checked</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.all.map((g) => (
                <tr key={g.slug}>
                  <td class="table__lead">{g.name}</td>
                  <td data-label="Ways">{wayNames(g)}</td>
                  <td data-label="Last checked">{checkedCell(g)}</td>
                  <td>{actions(g)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
