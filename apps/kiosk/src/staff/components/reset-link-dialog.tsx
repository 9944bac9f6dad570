import type { User } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { messageOf } from '../../common/api-client.ts';
import { Dialog } from './dialog.tsx';

/** Asks before a new password link is made: it ends any link the person was given before. */
export function ResetLinkDialog(props: {
  user: User;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const who = props.user.name || props.user.email;
  return (
    <Dialog title={`Make a new password link for ${who}?`} onClose={props.onClose}>
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      <p>
        Any link made for {who} before stops working at once. Hand the new link to them yourself.
      </p>
      {props.user.passwordSet ? (
        <p>Their password keeps working until they choose a new one with the new link.</p>
      ) : null}
      <div class="button-row">
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            props.onConfirm().catch((error: unknown) => {
              setFailure(messageOf(error));
              setBusy(false);
            });
          }}
        >
          Make a new link
        </button>
        <button type="button" class="button button--secondary" onClick={props.onClose}>
          Keep the old one
        </button>
      </div>
    </Dialog>
  );
}
