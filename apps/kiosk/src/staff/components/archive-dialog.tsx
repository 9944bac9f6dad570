import { useState } from 'preact/hooks';
import { messageOf } from '../../common/api-client.ts';
import { Dialog } from './dialog.tsx';

/** Asks before archiving a session or a group; `onConfirm` archives it and moves on. */
export function ArchiveDialog(props: {
  name: string;
  /** What residents will no longer see, in one sentence. */
  consequence: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={`Archive “${props.name}”?`} onClose={props.onClose}>
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      <p>{props.consequence} This cannot be undone here.</p>
      <div class="button-row">
        <button
          type="button"
          class="button button--warning"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            props.onConfirm().catch((error: unknown) => {
              setFailure(messageOf(error));
              setBusy(false);
            });
          }}
        >
          Yes, archive it
        </button>
        <button type="button" class="button button--secondary" onClick={props.onClose}>
          No, keep it
        </button>
      </div>
    </Dialog>
  );
}
