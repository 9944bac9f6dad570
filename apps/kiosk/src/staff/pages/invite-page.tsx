import { PASSWORD_MIN_LENGTH } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { ErrorSummary, TextField } from '../components/form-fields.tsx';
import { Page } from '../components/page.tsx';
import { errorsFrom, localErrors, NO_ERRORS } from '../hooks/form-errors.ts';
import { ApiError, getParsed, write } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';

const FIELDS = ['password', 'confirmPassword'];

/** The one-time link an administrator hands over: set a first password, or a new one. */
export function InvitePage({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [confirmPassword, setConfirm] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [owner] = useLoad(
    (signal) =>
      getParsed(
        `/api/auth/invite/${encodeURIComponent(token)}`,
        (s) => s.InviteOwnerSchema,
        signal,
      ),
    token,
  );

  async function submit(e: Event) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (password.length < PASSWORD_MIN_LENGTH) {
      local.password = `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters`;
    }
    if (confirmPassword !== password) local.confirmPassword = 'The two passwords do not match';
    if (Object.keys(local).length > 0) {
      setErrors(localErrors(local));
      return;
    }
    setBusy(true);
    try {
      await write('POST', `/api/auth/invite/${encodeURIComponent(token)}`, { password });
      // Setting the password also logs in: start the staff area afresh.
      window.location.assign('/staff');
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
        setErrors({
          message:
            'This link has expired or has already been used. Ask an administrator for a new one.',
          fields: {},
          other: [],
        });
      } else {
        setErrors(errorsFrom(error, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Set your password" narrow>
      {owner.status === 'error' || owner.status === 'not-found' ? (
        <p class="flash flash--error" role="alert">
          This link has expired or has already been used. Ask an administrator for a new one.
        </p>
      ) : (
        <p>
          {owner.status === 'ready' && owner.data.name !== ''
            ? `Welcome, ${owner.data.name}. `
            : ''}
          Choose a password for your staff account
          {owner.status === 'ready' && owner.data.email !== '' ? ` (${owner.data.email})` : ''}.
          This link works once.
        </p>
      )}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          path="password"
          label="New password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.`}
          type="password"
          autoComplete="new-password"
          value={password}
          onInput={setPassword}
          error={errors.fields.password}
          required
        />
        <TextField
          path="confirmPassword"
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={confirmPassword}
          onInput={setConfirm}
          error={errors.fields.confirmPassword}
          required
        />
        <button type="submit" class="button" disabled={busy}>
          Set password
        </button>
      </form>
    </Page>
  );
}
