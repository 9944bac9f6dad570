import { useState } from 'preact/hooks';
import { ErrorSummary, TextField } from '../components/form-fields.tsx';
import { Notice, Page } from '../components/page.tsx';
import { errorsFrom, localErrors, NO_ERRORS } from '../hooks/form-errors.ts';
import { ApiError, write } from '../../common/api-client.ts';

const FIELDS = ['email', 'password'];

export function LoginPage(props: { loggedOut: boolean; onLoggedIn: () => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (email.trim() === '') missing.email = 'Enter your email address';
    if (password === '') missing.password = 'Enter your password';
    if (Object.keys(missing).length > 0) {
      setErrors(localErrors(missing));
      return;
    }
    setBusy(true);
    try {
      await write('POST', '/api/auth/login', { email, password });
      setErrors(NO_ERRORS);
      await props.onLoggedIn();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setErrors({
          message: 'The email address or password is not right. Check them and try again.',
          fields: {},
          other: [],
        });
      } else if (error instanceof ApiError && error.status === 429) {
        setErrors({
          message:
            error.code === 'http-429'
              ? 'Too many attempts to log in. Wait 15 minutes, then try again.'
              : error.message,
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
    <Page title="Log in to the staff area" narrow>
      {props.loggedOut ? <Notice message="You have logged out." /> : null}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          path="email"
          label="Email address"
          type="email"
          autoComplete="username"
          value={email}
          onInput={setEmail}
          error={errors.fields.email}
          required
        />
        <TextField
          path="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={setPassword}
          error={errors.fields.password}
          required
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p class="hint">Forgotten your password? Ask an administrator for a reset link.</p>
    </Page>
  );
}
