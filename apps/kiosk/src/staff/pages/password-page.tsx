import { PASSWORD_MIN_LENGTH } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { ErrorSummary, TextField } from '../components/form-fields.tsx';
import { Notice, Page } from '../components/page.tsx';
import { errorsFrom, localErrors, NO_ERRORS } from '../hooks/form-errors.ts';
import { ApiError, write } from '../../common/api-client.ts';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];

export function PasswordPage() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirmPassword, setConfirm] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setDone(false);
    const local: Record<string, string> = {};
    if (currentPassword === '') local.currentPassword = 'Enter your current password';
    if (newPassword.length < PASSWORD_MIN_LENGTH) {
      local.newPassword = `Choose a new password of at least ${PASSWORD_MIN_LENGTH} characters`;
    }
    if (confirmPassword !== newPassword)
      local.confirmPassword = 'The two new passwords do not match';
    if (Object.keys(local).length > 0) {
      setErrors(localErrors(local));
      return;
    }
    setBusy(true);
    try {
      await write('POST', '/api/auth/password', { currentPassword, newPassword });
      setErrors(NO_ERRORS);
      setCurrent('');
      setNew('');
      setConfirm('');
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length === 0 && error.status === 401) {
        setErrors(localErrors({ currentPassword: 'Your current password is not right' }));
      } else {
        setErrors(errorsFrom(error, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Change your password" narrow>
      {done ? <Notice message="Your password has been changed." /> : null}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          path="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onInput={setCurrent}
          error={errors.fields.currentPassword}
          required
        />
        <TextField
          path="newPassword"
          label="New password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.`}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onInput={setNew}
          error={errors.fields.newPassword}
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
          Change password
        </button>
      </form>
    </Page>
  );
}
