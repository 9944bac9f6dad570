import { describeRecurrence, londonDateOf, type Session } from '@fiveways/shared';
import { useLocation } from 'preact-iso/router';
import { getParsed } from '../../common/api-client.ts';
import { CopySessionLink } from '../components/copy-session-link.tsx';
import { Link } from '../components/link.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { useAuth } from '../hooks/use-auth.ts';
import { useLoad } from '../../common/use-load.ts';

async function loadSessions(
  venues: readonly string[] | null,
  signal: AbortSignal,
): Promise<Session[]> {
  const paths =
    venues === null
      ? ['/api/sessions']
      : venues.map((v) => `/api/sessions?${new URLSearchParams({ venue: v }).toString()}`);
  const lists = await Promise.all(
    paths.map(async (p) => (await getParsed(p, (s) => s.SessionListSchema, signal)).items),
  );
  return lists
    .flat()
    .sort((a, b) => a.venue.name.localeCompare(b.venue.name) || a.title.localeCompare(b.title));
}

/** Every active session at the venues this person looks after. */
export function SessionsPage() {
  const { me } = useAuth();
  const { query } = useLocation();
  // Venue staff see their venues' sessions; admins and Community Champions every venue's.
  const venues = me.role === 'staff' ? me.venues : null;
  const [loaded] = useLoad((signal) => loadSessions(venues, signal), venues?.join(',') ?? '*');
  const today = londonDateOf(new Date());
  return (
    <Page title="Sessions">
      {query.archived === '1' ? <Notice message="Archived. Residents no longer see it." /> : null}
      {me.role === 'champion' ? null : (
        <p>
          <Link class="button" href="/staff/sessions/new">
            Add a session
          </Link>
        </p>
      )}
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : loaded.data.length === 0 ? (
        <p>There are no sessions at your venues yet.</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">Sessions at your venues</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Venue</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.map((s) => (
              <tr key={s.id}>
                <td data-label="Title">
                  <Link href={`/staff/sessions/${s.id}`}>{s.title}</Link>{' '}
                  <CopySessionLink session={s} compact />
                </td>
                <td data-label="Venue">{s.venue.name}</td>
                <td data-label="When">{describeRecurrence(s, { today })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
