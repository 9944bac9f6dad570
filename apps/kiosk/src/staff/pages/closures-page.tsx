// Close a venue for a date range: choose the venue, the days and one reason, see every date it
// cancels, confirm; and undo a closure as a whole.
import {
  addDays,
  formatLongDate,
  formatShortDate,
  londonDateOf,
  wallDateOf,
  wallTimeOf,
  type Closure,
  type ClosurePreview,
  type Venue,
} from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { getParsed, messageOf, writeParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { Dialog } from '../components/dialog.tsx';
import { ErrorSummary, SelectField, TextField } from '../components/form-fields.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { errorsFrom, localErrors, NO_ERRORS } from '../hooks/form-errors.ts';
import { useAuth } from '../hooks/use-auth.ts';
import '../closures.css';

const FIELDS = ['venue', 'from', 'to', 'reason'];

interface ClosuresData {
  venues: Venue[];
  closures: Closure[];
}

/** "Tue 1 Dec, 10:00–11:00": when an occurrence is, in few words. */
function shortWhen(start: string, end: string): string {
  const date = wallDateOf(start);
  const day = formatLongDate(date).split(' ')[0]?.slice(0, 3) ?? '';
  return `${day} ${formatShortDate(date)}, ${wallTimeOf(start)}–${wallTimeOf(end)}`;
}

function rangeOf(from: string, to: string): string {
  return from === to ? formatShortDate(from) : `${formatShortDate(from)} to ${formatShortDate(to)}`;
}

/** The venue list: the person's own venues, hubs first, hubs marked. */
function venueOptions(venues: readonly Venue[]) {
  return [...venues]
    .sort((a, b) => Number(b.isHub) - Number(a.isHub) || a.name.localeCompare(b.name))
    .map((v) => ({ value: v.slug, label: v.isHub ? `${v.name} (hub)` : v.name }));
}

export function ClosuresPage() {
  const { me } = useAuth();
  const [loaded, reload] = useLoad(async (signal): Promise<ClosuresData> => {
    const [venues, list] = await Promise.all([
      getParsed('/api/venues', (s) => s.VenueListSchema, signal),
      getParsed('/api/closures', (s) => s.ClosureListSchema, signal),
    ]);
    const mine = me.role === 'admin' ? venues : venues.filter((v) => me.venues.includes(v.slug));
    return { venues: mine, closures: list.items };
  }, `${me.id}`);
  return (
    <Page
      title="Close a venue"
      lead={
        <p>
          Closing a venue cancels every session there between two dates, with one reason residents
          see in the kiosk and their calendars. You can undo a closure as a whole.
        </p>
      }
    >
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : loaded.data.venues.length === 0 ? (
        <p>You have no venues yet: ask an administrator to add you to one.</p>
      ) : (
        <Closures data={loaded.data} reload={reload} />
      )}
    </Page>
  );
}

function Closures({ data, reload }: { data: ClosuresData; reload: () => Promise<void> }) {
  const today = londonDateOf(new Date());
  const options = venueOptions(data.venues);
  const [venue, setVenue] = useState(options[0]?.value ?? '');
  const [from, setFrom] = useState(addDays(today, 1));
  const [to, setTo] = useState(addDays(today, 1));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const [preview, setPreview] = useState<ClosurePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [undoing, setUndoing] = useState<Closure | null>(null);

  async function showPreview(e: Event) {
    e.preventDefault();
    setNotice('');
    if (reason.trim() === '') {
      setErrors(
        localErrors({
          reason: 'Give a reason residents will see, for example "Closed for Christmas"',
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const query = new URLSearchParams({ venue, from, to }).toString();
      setPreview(await getParsed(`/api/closures/preview?${query}`, (s) => s.ClosurePreviewSchema));
      setErrors(NO_ERRORS);
    } catch (error) {
      setPreview(null);
      setErrors(errorsFrom(error, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (preview === null) return;
    setBusy(true);
    try {
      const closure = await writeParsed(
        'POST',
        '/api/closures',
        { venue: preview.venue.slug, from: preview.from, to: preview.to, reason },
        (s) => s.ClosureSchema,
      );
      const n = closure.occurrences.length;
      setNotice(
        `${closure.venue.name} closed ${rangeOf(closure.from, closure.to)}: ${n} ${n === 1 ? 'date' : 'dates'} cancelled. Residents see this straight away.`,
      );
      setPreview(null);
      setReason('');
      await reload();
    } catch (error) {
      setErrors(errorsFrom(error, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const change = (set: (v: string) => void) => (value: string) => {
    set(value);
    setPreview(null);
  };

  return (
    <div class="closures">
      {notice ? <Notice message={notice} /> : null}
      <form
        class="closures__form"
        onSubmit={(e) => void showPreview(e)}
        noValidate
        aria-label="Close a venue"
      >
        <ErrorSummary errors={errors} />
        <SelectField
          path="venue"
          label="Venue"
          value={venue}
          options={options}
          onChange={change(setVenue)}
          error={errors.fields.venue}
        />
        <div class="closures__dates">
          <TextField
            path="from"
            label="First day closed"
            type="date"
            value={from}
            onInput={change(setFrom)}
            error={errors.fields.from}
            width="medium"
            required
          />
          <TextField
            path="to"
            label="Last day closed"
            type="date"
            value={to}
            min={from}
            onInput={change(setTo)}
            error={errors.fields.to}
            width="medium"
            required
          />
        </div>
        <TextField
          path="reason"
          label="Reason residents will see"
          hint="For example “Closed for Christmas” or “Heating broken”."
          value={reason}
          onInput={setReason}
          error={errors.fields.reason}
          required
        />
        <button type="submit" class="button" disabled={busy}>
          Show what will be cancelled
        </button>
      </form>

      {preview ? (
        <section class="closures__preview" aria-labelledby="preview-title">
          <h2 id="preview-title" tabIndex={-1}>
            {preview.occurrences.length === 0
              ? `Nothing is on at ${preview.venue.name} then`
              : `${preview.occurrences.length} ${preview.occurrences.length === 1 ? 'date' : 'dates'} will be cancelled`}
          </h2>
          <p>
            {preview.venue.name}, {rangeOf(preview.from, preview.to)}. Reason: “{reason.trim()}”.
          </p>
          {preview.occurrences.length > 0 ? (
            <ul class="closures__list">
              {preview.occurrences.map((o) => (
                <li key={`${o.sessionId}-${o.date}`}>
                  <span class="closures__when">{shortWhen(o.start, o.end)}</span>
                  <span>{o.title}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {preview.alreadyCancelled > 0 ? (
            <p class="quiet">
              {preview.alreadyCancelled}{' '}
              {preview.alreadyCancelled === 1 ? 'date there is' : 'dates there are'} already
              cancelled and keep their own reason.
            </p>
          ) : null}
          <div class="button-row">
            <button
              type="button"
              class="button button--warning"
              disabled={busy || preview.occurrences.length === 0}
              onClick={() => void confirm()}
            >
              Close venue and cancel {preview.occurrences.length}{' '}
              {preview.occurrences.length === 1 ? 'date' : 'dates'}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setPreview(null)}>
              Change the details
            </button>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="closures-title">
        <h2 id="closures-title">Closures</h2>
        {data.closures.length === 0 ? (
          <p class="quiet">No venue of yours has been closed yet.</p>
        ) : (
          <ul class="closures__history">
            {data.closures.map((c) => (
              <li key={c.id} class={c.undoneAt ? 'closure closure--undone' : 'closure'}>
                <p class="closure__title">
                  <strong>{c.venue.name}</strong>, {rangeOf(c.from, c.to)}
                </p>
                <p>“{c.reason}”</p>
                <p class="quiet">
                  Closed by {c.createdBy?.name || c.createdBy?.email || 'someone'} on{' '}
                  {formatShortDate(londonDateOf(new Date(c.createdAt)))}: {c.occurrences.length}{' '}
                  {c.occurrences.length === 1 ? 'date' : 'dates'} cancelled.
                  {c.undoneAt
                    ? ` Undone by ${c.undoneBy?.name || c.undoneBy?.email || 'someone'} on ${formatShortDate(londonDateOf(new Date(c.undoneAt)))}.`
                    : ''}
                </p>
                {c.occurrences.length > 0 ? (
                  <details>
                    <summary>The dates</summary>
                    <ul class="closures__list">
                      {c.occurrences.map((o) => (
                        <li key={`${o.sessionId}-${o.date}`}>
                          <span class="closures__when">{shortWhen(o.start, o.end)}</span>
                          <span>{o.title}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {c.undoneAt === null ? (
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => setUndoing(c)}
                  >
                    Undo closure
                    <span class="visually-hidden">
                      {' '}
                      of {c.venue.name}, {rangeOf(c.from, c.to)}
                    </span>
                  </button>
                ) : (
                  <p>
                    <span class="badge">Undone</span>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {undoing ? (
        <UndoDialog
          closure={undoing}
          onClose={() => setUndoing(null)}
          onDone={async (message) => {
            setUndoing(null);
            setNotice(message);
            await reload();
          }}
        />
      ) : null}
    </div>
  );
}

function UndoDialog(props: {
  closure: Closure;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const { closure } = props;
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const n = closure.occurrences.length;
  async function undo() {
    setBusy(true);
    try {
      await writeParsed('POST', `/api/closures/${closure.id}/undo`, {}, (s) => s.ClosureSchema);
      await props.onDone(
        `Closure undone: ${closure.venue.name} is open ${rangeOf(closure.from, closure.to)} again.`,
      );
    } catch (error) {
      setFailure(messageOf(error));
      setBusy(false);
    }
  }
  return (
    <Dialog title={`Undo the closure of ${closure.venue.name}?`} onClose={props.onClose}>
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      <p>
        The {n} {n === 1 ? 'date' : 'dates'} it cancelled from {rangeOf(closure.from, closure.to)}{' '}
        come back on. Dates cancelled separately stay cancelled.
      </p>
      <div class="button-row">
        <button
          type="button"
          class="button button--warning"
          disabled={busy}
          onClick={() => void undo()}
        >
          Undo closure
        </button>
        <button type="button" class="button button--secondary" onClick={props.onClose}>
          Keep it closed
        </button>
      </div>
    </Dialog>
  );
}
