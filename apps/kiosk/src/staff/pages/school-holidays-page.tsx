// Worcestershire's school holidays, kept as data: sessions set to "Not in school holidays" skip
// these dates. Admins check them against the council's term dates each year and correct them.
import { formatLongDate, type SchoolHoliday } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { getParsed, messageOf, write, writeParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { Dialog } from '../components/dialog.tsx';
import { ErrorSummary, TextField } from '../components/form-fields.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import '../closures.css';

const FIELDS = ['name', 'from', 'to'];

interface HolidayForm {
  name: string;
  from: string;
  to: string;
}

export function SchoolHolidaysPage() {
  const [loaded, reload] = useLoad(
    (signal) => getParsed('/api/school-holidays', (s) => s.SchoolHolidayListSchema, signal),
    'school-holidays',
  );
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<SchoolHoliday | 'new' | null>(null);
  const [removing, setRemoving] = useState<SchoolHoliday | null>(null);

  async function saved(message: string) {
    setEditing(null);
    setRemoving(null);
    setNotice(message);
    await reload();
  }

  return (
    <Page
      title="School holidays"
      lead={
        <p>
          Sessions marked “Not in school holidays” skip these dates in the kiosk and in calendars.
          They start as Worcestershire’s published term dates as best known: check them against the
          council’s term dates each year (academies may differ) and correct them here.
        </p>
      }
    >
      <div class="term-dates">
        {notice ? <Notice message={notice} /> : null}
        <p>
          <button
            type="button"
            class="button"
            onClick={() => {
              setNotice('');
              setEditing('new');
            }}
          >
            Add a school holiday
          </button>
        </p>
        {loaded.status !== 'ready' ? (
          <LoadState loaded={loaded} />
        ) : loaded.data.items.length === 0 ? (
          <p>No school holidays are kept yet.</p>
        ) : (
          <ul class="term-dates__list">
            {loaded.data.items.map((h) => (
              <li key={h.id} class="term-date">
                <p>
                  <strong>{h.name}</strong>
                </p>
                <p>
                  {formatLongDate(h.from)}
                  {h.from === h.to ? '' : ` to ${formatLongDate(h.to)}`}
                </p>
                <div class="term-date__actions">
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    onClick={() => {
                      setNotice('');
                      setEditing(h);
                    }}
                  >
                    Change<span class="visually-hidden"> {h.name}</span>
                  </button>
                  <button
                    type="button"
                    class="button button--warning-quiet button--small"
                    onClick={() => {
                      setNotice('');
                      setRemoving(h);
                    }}
                  >
                    Remove<span class="visually-hidden"> {h.name}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      {editing !== null ? (
        <HolidayDialog
          holiday={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      ) : null}
      {removing !== null ? (
        <RemoveDialog holiday={removing} onClose={() => setRemoving(null)} onRemoved={saved} />
      ) : null}
    </Page>
  );
}

function HolidayDialog(props: {
  holiday: SchoolHoliday | null;
  onClose: () => void;
  onSaved: (message: string) => Promise<void>;
}) {
  const { holiday } = props;
  const [form, setForm] = useState<HolidayForm>({
    name: holiday?.name ?? '',
    from: holiday?.from ?? '',
    to: holiday?.to ?? '',
  });
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof HolidayForm) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const path = holiday === null ? '/api/school-holidays' : `/api/school-holidays/${holiday.id}`;
      const answer = await writeParsed(
        holiday === null ? 'POST' : 'PATCH',
        path,
        form,
        (s) => s.SchoolHolidaySchema,
      );
      await props.onSaved(
        `${holiday === null ? 'Added' : 'Saved'}: ${answer.name}. Sessions that skip school holidays follow it now.`,
      );
    } catch (error) {
      setErrors(errorsFrom(error, FIELDS));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={holiday === null ? 'Add a school holiday' : `Change ${holiday.name}`}
      onClose={props.onClose}
    >
      <form class="term-dates__form" onSubmit={(e) => void save(e)} noValidate>
        <ErrorSummary errors={errors} />
        <TextField
          path="name"
          label="Name"
          hint="For example “May half-term 2027”."
          value={form.name}
          onInput={set('name')}
          error={errors.fields.name}
          required
        />
        <TextField
          path="from"
          label="First day off school"
          type="date"
          value={form.from}
          onInput={set('from')}
          error={errors.fields.from}
          width="medium"
          required
        />
        <TextField
          path="to"
          label="Last day off school"
          type="date"
          value={form.to}
          min={form.from}
          onInput={set('to')}
          error={errors.fields.to}
          width="medium"
          required
        />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            Save
          </button>
          <button type="button" class="button button--secondary" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveDialog(props: {
  holiday: SchoolHoliday;
  onClose: () => void;
  onRemoved: (message: string) => Promise<void>;
}) {
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  async function remove() {
    setBusy(true);
    try {
      await write('DELETE', `/api/school-holidays/${props.holiday.id}`);
      await props.onRemoved(`Removed: ${props.holiday.name}. Sessions run on those dates again.`);
    } catch (error) {
      setFailure(messageOf(error));
      setBusy(false);
    }
  }
  return (
    <Dialog title={`Remove ${props.holiday.name}?`} onClose={props.onClose}>
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      <p>Sessions that skip school holidays will run on these dates again.</p>
      <div class="button-row">
        <button
          type="button"
          class="button button--warning"
          disabled={busy}
          onClick={() => void remove()}
        >
          Remove
        </button>
        <button type="button" class="button button--secondary" onClick={props.onClose}>
          Keep it
        </button>
      </div>
    </Dialog>
  );
}
