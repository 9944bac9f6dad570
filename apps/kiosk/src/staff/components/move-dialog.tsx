import { clockChangeClash, type LocalOccurrence, type Venue } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { ClockChangeNotice } from './clock-change-notice.tsx';
import type { MovedException } from '../session-exceptions.ts';
import { venueOptionsOf } from '../venue-options.ts';
import { Dialog } from './dialog.tsx';
import { ErrorSummary, SelectField, TextField } from './form-fields.tsx';

const FIELDS = ['newDate', 'startTime', 'endTime', 'venue', 'reason', 'date'];

interface MoveForm {
  newDate: string;
  startTime: string;
  endTime: string;
  venue: string;
  reason: string;
}

/** Moves one date of a session to another day, time or venue; the others stay as they are. */
export function MoveDialog(props: {
  occurrence: LocalOccurrence;
  /** The session's own venue and times: a field left at these is sent as unchanged (null). */
  sessionVenue: string;
  ruleStartTime: string;
  ruleEndTime: string;
  venues: readonly Venue[];
  onConfirm: (exception: MovedException) => Promise<void>;
  onClose: () => void;
}) {
  const o = props.occurrence;
  const [form, setForm] = useState<MoveForm>({
    newDate: o.startDate,
    startTime: o.startTime,
    endTime: o.endTime,
    venue: o.venueSlug ?? props.sessionVenue,
    reason: '',
  });
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof MoveForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function confirm(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      await props.onConfirm({
        kind: 'moved',
        date: o.date,
        newDate: form.newDate === o.date ? null : form.newDate,
        startTime: form.startTime === props.ruleStartTime ? null : form.startTime,
        endTime: form.endTime === props.ruleEndTime ? null : form.endTime,
        venue: form.venue === props.sessionVenue ? null : form.venue,
        reason: form.reason,
      });
    } catch (error) {
      setErrors(errorsFrom(error, FIELDS));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Move this date" onClose={props.onClose}>
      <form onSubmit={(e) => void confirm(e)} noValidate>
        <ErrorSummary errors={errors} prefix="move." />
        <TextField
          path="move.newDate"
          label="New date"
          type="date"
          value={form.newDate}
          onInput={set('newDate')}
          error={errors.fields.newDate ?? errors.fields.date}
          width="medium"
          required
        />
        <div class="inline-fields">
          <TextField
            path="move.startTime"
            label="Starts at"
            type="time"
            value={form.startTime}
            onInput={set('startTime')}
            error={errors.fields.startTime}
            width="short"
            required
          />
          <TextField
            path="move.endTime"
            label="Ends at"
            type="time"
            value={form.endTime}
            onInput={set('endTime')}
            error={errors.fields.endTime}
            width="short"
            required
          />
        </div>
        <ClockChangeNotice
          date={form.newDate}
          change={clockChangeClash(form.newDate, form.startTime, form.endTime)}
        />
        <SelectField
          path="move.venue"
          label="Venue"
          value={form.venue}
          options={venueOptionsOf(props.venues)}
          onChange={set('venue')}
          error={errors.fields.venue}
        />
        <TextField
          path="move.reason"
          label="Reason"
          hint="Shown to residents, for example “Hall booked for a wedding”."
          value={form.reason}
          onInput={set('reason')}
          error={errors.fields.reason}
        />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            Move it
          </button>
          <button type="button" class="button button--secondary" onClick={props.onClose}>
            Do not move
          </button>
        </div>
      </form>
    </Dialog>
  );
}
