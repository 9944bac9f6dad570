import { CANCEL_REASONS } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { errorsFrom, localErrors, NO_ERRORS } from '../hooks/form-errors.ts';
import { Dialog } from './dialog.tsx';
import { ErrorSummary, RadioGroup, TextField } from './form-fields.tsx';

const OTHER = 'other';

/** Asks why an occurrence is cancelled (a reason from the list or in their own words), then confirms. */
export function CancelDialog(props: {
  what: string;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  // Nothing chosen at first: one stray click must not put a wrong reason in residents' calendars.
  const [choice, setChoice] = useState('');
  const [otherText, setOtherText] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function confirm(e: Event) {
    e.preventDefault();
    if (choice === '') {
      setErrors(localErrors({ reason: 'Choose why it is cancelled' }));
      return;
    }
    const reason = choice === OTHER ? otherText.trim() : choice;
    if (reason === '') {
      setErrors(localErrors({ otherReason: 'Say why it is cancelled, so people know' }));
      return;
    }
    setBusy(true);
    try {
      await props.onConfirm(reason);
    } catch (error) {
      const found = errorsFrom(error, ['reason', 'date']);
      // The reason box is where a reason problem can be fixed.
      if (choice === OTHER && found.fields.reason !== undefined) {
        found.fields = { ...found.fields, otherReason: found.fields.reason };
        delete found.fields.reason;
      }
      setErrors(found);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Cancel ${props.what}?`} onClose={props.onClose}>
      <form onSubmit={(e) => void confirm(e)} noValidate>
        <ErrorSummary errors={errors} />
        <p>Residents see the reason in the kiosk and in their calendars.</p>
        <RadioGroup
          path="reason"
          legend="Why is it cancelled?"
          value={choice}
          onChange={setChoice}
          error={errors.fields.reason}
          options={[
            ...CANCEL_REASONS.map((r) => ({ value: r, label: r })),
            { value: OTHER, label: 'Another reason' },
          ]}
        >
          {choice === OTHER ? (
            <div class="conditional">
              <TextField
                path="otherReason"
                label="Reason"
                value={otherText}
                onInput={setOtherText}
                error={errors.fields.otherReason}
                required
              />
            </div>
          ) : null}
        </RadioGroup>
        <div class="button-row">
          <button type="submit" class="button button--warning" disabled={busy}>
            Cancel this one
          </button>
          <button type="button" class="button button--secondary" onClick={props.onClose}>
            Keep it on
          </button>
        </div>
      </form>
    </Dialog>
  );
}
