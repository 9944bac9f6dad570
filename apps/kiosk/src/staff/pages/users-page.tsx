import {
  formatShortDate,
  ROLE_LABELS,
  type InviteLink,
  type User,
  type Venue,
} from '@fiveways/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { getParsed, messageOf, write, writeParsed } from '../../common/api-client.ts';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  RadioGroup,
  TextField,
} from '../components/form-fields.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { ResetLinkDialog } from '../components/reset-link-dialog.tsx';
import { venueOptionsOf } from '../venue-options.ts';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { useAuth } from '../hooks/use-auth.ts';
import { useLoad } from '../../common/use-load.ts';

const FIELDS = ['email', 'name', 'role', 'venues', 'disabled'];

async function loadUsers(signal: AbortSignal) {
  const [users, venues] = await Promise.all([
    getParsed('/api/users', (s) => s.UserListSchema, signal),
    getParsed('/api/venues', (s) => s.VenueListSchema, signal),
  ]);
  return { users: users.items, venues };
}

export function UsersPage() {
  const { me } = useAuth();
  const [loaded, reload] = useLoad(loadUsers, 'users');
  const [editing, setEditing] = useState<User | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [link, setLink] = useState<{ invite: InviteLink; purpose: string } | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [resetting, setResetting] = useState<User | null>(null);
  const edit = (user: User | null) => {
    setEditing(user);
    setFormKey((k) => k + 1);
  };

  async function reset(user: User) {
    setFailure('');
    setNotice('');
    try {
      const invite = await writeParsed(
        'POST',
        `/api/users/${user.id}/reset`,
        {},
        (s) => s.InviteLinkSchema,
      );
      setLink({ invite, purpose: 'reset' });
    } catch (error) {
      setFailure(messageOf(error));
    }
    setResetting(null);
  }

  const venueName = (venues: Venue[], slug: string) =>
    venues.find((v) => v.slug === slug)?.name ?? slug;

  return (
    <Page title="Users">
      <p>
        Add staff here. There is no email: copy the one-time link and hand it over, and they choose
        their own password.
      </p>
      {notice ? <Notice message={notice} /> : null}
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      {link ? <LinkBox link={link.invite} purpose={link.purpose} /> : null}
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <div class="admin-layout">
          <table class="table">
            <caption class="visually-hidden">Staff accounts</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role and venues</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.users.map((u) => (
                <tr key={u.id}>
                  <td class="table__lead">
                    {u.name}
                    <br />
                    <span class="quiet">{u.email}</span>
                  </td>
                  <td data-label="Role and venues">
                    {u.role === 'staff'
                      ? `${ROLE_LABELS.staff}: ${u.venues.map((v) => venueName(loaded.data.venues, v)).join(', ')}`
                      : ROLE_LABELS[u.role]}
                  </td>
                  <td data-label="Status">
                    {u.disabled ? 'Disabled' : u.passwordSet ? 'Active' : 'Invited, not yet joined'}
                    <br />
                    <span class="quiet">Added {formatShortDate(u.createdAt.slice(0, 10))}</span>
                  </td>
                  <td>
                    <div class="button-row button-row--tight">
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        onClick={() => {
                          setNotice('');
                          setLink(null);
                          edit(u);
                        }}
                      >
                        Edit<span class="visually-hidden"> {u.name}</span>
                      </button>
                      {u.id !== me.id ? (
                        <button
                          type="button"
                          class="button button--secondary button--small"
                          onClick={() => {
                            setNotice('');
                            setResetting(u);
                          }}
                        >
                          Reset link<span class="visually-hidden"> for {u.name}</span>
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <UserEditor
            key={formKey}
            user={editing}
            venues={loaded.data.venues}
            onCreated={async (invite) => {
              setLink({ invite, purpose: 'invite' });
              edit(null);
              await reload();
            }}
            onSaved={async (message) => {
              setNotice(message);
              edit(null);
              await reload();
            }}
            onCancel={() => edit(null)}
          />
        </div>
      )}
      {resetting ? (
        <ResetLinkDialog
          user={resetting}
          onConfirm={() => reset(resetting)}
          onClose={() => setResetting(null)}
        />
      ) : null}
    </Page>
  );
}

/** The one-time link, ready to copy. */
function LinkBox({ link, purpose }: { link: InviteLink; purpose: string }) {
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // Bring the new link into view and announce it: it is what the admin came for.
  useEffect(() => {
    box.current?.focus();
  }, [link]);
  const expires = formatShortDate(link.expiresAt.slice(0, 10));
  return (
    <div class="flash" role="status" tabIndex={-1} ref={box}>
      <p>
        <strong>
          {purpose === 'invite'
            ? `Account made for ${link.user.name}.`
            : `New password link for ${link.user.name}.`}
        </strong>{' '}
        Give them this link; it works once, until {expires}.
      </p>
      <div class="link-box">
        <div class="field">
          <label for="f-invite-link">One-time link</label>
          <input
            id="f-invite-link"
            class="input"
            readOnly
            value={link.link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
        <button
          type="button"
          class="button"
          onClick={() => {
            navigator.clipboard.writeText(link.link).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  );
}

function UserEditor(props: {
  user: User | null;
  venues: Venue[];
  onCreated: (invite: InviteLink) => Promise<void>;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const user = props.user;
  const [email, setEmail] = useState(user?.email ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<string>(user?.role ?? 'staff');
  const [venues, setVenues] = useState<string[]>(user ? [...user.venues] : []);
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const chosen = role === 'staff' ? venues : [];
      if (user === null) {
        const body = { email, name, role, venues: chosen };
        await props.onCreated(
          await writeParsed('POST', '/api/users', body, (s) => s.InviteLinkSchema),
        );
      } else {
        await write('PATCH', `/api/users/${user.id}`, { name, role, venues: chosen, disabled });
        await props.onSaved(`Saved ${name}.`);
      }
    } catch (error) {
      setErrors(errorsFrom(error, FIELDS));
      setBusy(false);
    }
  }

  return (
    <section class="side-panel" aria-labelledby="user-form-title">
      <h2 id="user-form-title">{user ? `Edit ${user.name}` : 'Add a person'}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <TextField
          path="name"
          label="Name"
          value={name}
          onInput={setName}
          error={errors.fields.name}
          required
        />
        {user === null ? (
          <TextField
            path="email"
            label="Email address"
            type="email"
            value={email}
            onInput={setEmail}
            error={errors.fields.email}
            required
          />
        ) : null}
        <RadioGroup
          path="role"
          legend="Role"
          value={role}
          onChange={setRole}
          options={[
            { value: 'staff', label: 'Staff: sessions and groups at their venues' },
            { value: 'admin', label: 'Admin: everything, including venues, areas and users' },
            {
              value: 'champion',
              label: `${ROLE_LABELS.champion}: logs conversations and reads the directory; changes nothing in it`,
            },
          ]}
          error={errors.fields.role}
        />
        {role === 'staff' ? (
          <CheckboxGroup
            path="venues"
            legend="Venues they look after"
            options={venueOptionsOf(props.venues)}
            values={venues}
            onChange={setVenues}
            error={errors.fields.venues}
          />
        ) : null}
        {user !== null ? (
          <Checkbox
            path="disabled"
            label="Account disabled (they cannot log in)"
            checked={disabled}
            onChange={setDisabled}
            error={errors.fields.disabled}
          />
        ) : null}
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {user ? 'Save' : 'Add and make invite link'}
          </button>
          {user ? (
            <button type="button" class="button button--secondary" onClick={props.onCancel}>
              Stop editing
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
