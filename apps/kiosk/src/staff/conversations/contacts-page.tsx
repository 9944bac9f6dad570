// Residents' contacts, given to a Champion with consent: admins read them here and delete one
// when the resident asks. Deleting is for real; the audit log keeps only that it happened.
import { formatShortDate, INTEREST_LABELS, type ChampionContact } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { getParsed, messageOf, write } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { Dialog } from '../components/dialog.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';

const loadContacts = (signal: AbortSignal) =>
  getParsed('/api/champion-contacts', (s) => s.ChampionContactListSchema, signal);

export function ContactsPage() {
  const [loaded, reload] = useLoad(loadContacts, 'contacts');
  const [deleting, setDeleting] = useState<ChampionContact | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');

  async function remove(contact: ChampionContact) {
    setFailure('');
    try {
      await write('DELETE', `/api/champion-contacts/${contact.id}`);
      setNotice('Deleted. Nothing of that contact is kept.');
      await reload();
    } catch (error) {
      setFailure(messageOf(error));
    }
    setDeleting(null);
  }

  return (
    <Page title="Residents’ contacts">
      <p>
        Residents gave these to a Community Champion, agreeing to be contacted about what they are
        interested in. Only admins see them; they are in no export. Delete one whenever the resident
        asks.
      </p>
      {notice ? <Notice message={notice} /> : null}
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : loaded.data.items.length === 0 ? (
        <p>No contacts are kept.</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">Contacts kept with consent</caption>
          <thead>
            <tr>
              <th scope="col">Resident</th>
              <th scope="col">Interested in</th>
              <th scope="col">Agreed</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.items.map((c) => (
              <tr key={c.id}>
                <td class="table__lead">
                  {c.name}
                  <br />
                  <span class="quiet">
                    {[c.phone, c.email].filter((x) => x !== '').join(' · ')}
                  </span>
                </td>
                <td data-label="Interested in">
                  {c.interestedIn.map((i) => INTEREST_LABELS[i]).join(', ')}
                </td>
                <td data-label="Agreed">
                  {formatShortDate(c.consentedAt.slice(0, 10))}
                  {c.createdBy ? <span class="quiet"> with {c.createdBy.name}</span> : null}
                </td>
                <td>
                  <button
                    type="button"
                    class="button button--warning-quiet button--small"
                    onClick={() => {
                      setNotice('');
                      setDeleting(c);
                    }}
                  >
                    Delete<span class="visually-hidden"> {c.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting ? (
        <Dialog title={`Delete ${deleting.name}’s contact?`} onClose={() => setDeleting(null)}>
          <p>It is deleted for good. The conversation’s counts stay.</p>
          <div class="button-row">
            <button
              type="button"
              class="button button--warning"
              onClick={() => void remove(deleting)}
            >
              Delete for good
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setDeleting(null)}
            >
              Keep it
            </button>
          </div>
        </Dialog>
      ) : null}
    </Page>
  );
}
