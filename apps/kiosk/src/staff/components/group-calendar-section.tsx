// "Group's own calendar" on the group editor: link the calendar the group already keeps, preview
// what would come in, import it now, and see how its imports are going and what each one did.
import type {
  CalendarLink,
  Group,
  ImportPreview,
  ImportReportLine,
  ImportRun,
  Venue,
} from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { getParsed, messageOf, write, writeParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { venueOptionsOf } from '../venue-options.ts';
import { ErrorSummary, SelectField, TextField } from './form-fields.tsx';
import { Notice } from './page.tsx';
import './group-calendar.css';

const REPORTS_SHOWN = 3;

function whenOf(at: string | null): string {
  if (at === null) return 'never';
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  }).format(new Date(at));
}

const OUTCOME_WORDS: Record<ImportRun['outcome'], string> = {
  running: 'Under way',
  imported: 'Imported',
  'not-modified': 'No change in the calendar',
  failed: 'Failed',
};

const KIND_WORDS: Record<ImportReportLine['kind'], string> = {
  added: 'Added',
  updated: 'Updated',
  archived: 'Archived',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
  expanded: 'Expanded',
};

function countsOf(run: ImportRun): string {
  return `${run.added} added, ${run.updated} updated, ${run.archived} archived, ${run.skipped} skipped`;
}

function RunReport({ run }: { run: ImportRun }) {
  return (
    <li class="import-run">
      <p>
        <strong>{whenOf(run.startedAt)}</strong>{' '}
        <span class={`badge${run.outcome === 'failed' ? ' badge--cancelled' : ''}`}>
          {OUTCOME_WORDS[run.outcome]}
        </span>{' '}
        {run.outcome === 'imported' ? <span class="quiet">{countsOf(run)}</span> : null}
      </p>
      {run.error ? <p class="field-error">{run.error}</p> : null}
      {run.report.length > 0 ? (
        <ul class="import-report">
          {run.report.map((line, i) => (
            <li key={i} class={`import-report__line import-report__line--${line.kind}`}>
              <span class="import-report__kind">{KIND_WORDS[line.kind]}</span>{' '}
              <strong>{line.title || 'Untitled'}</strong>: {line.text}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function LinkedCalendar(props: {
  link: CalendarLink;
  readOnly: boolean;
  onChanged: (notice: string) => Promise<void>;
}) {
  const { link } = props;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const [runs, reloadRuns] = useLoad(
    (signal) =>
      getParsed(
        `/api/calendars/${link.id}/runs?limit=${REPORTS_SHOWN}`,
        (s) => s.ImportRunListSchema,
        signal,
      ),
    `${link.id}|${link.lastAttemptAt ?? ''}`,
  );

  async function importNow() {
    setBusy(true);
    setFailure('');
    try {
      const run = await writeParsed(
        'POST',
        `/api/calendars/${link.id}/import`,
        undefined,
        (s) => s.ImportRunSchema,
      );
      await reloadRuns();
      await props.onChanged(
        run.outcome === 'failed'
          ? ''
          : run.outcome === 'not-modified'
            ? 'Imported: the calendar has not changed since the last import.'
            : `Imported: ${countsOf(run)}.`,
      );
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  async function unlink() {
    setBusy(true);
    try {
      await write('DELETE', `/api/calendars/${link.id}`);
      await props.onChanged(
        'Unlinked. Its sessions stay, and staff now edit all of their details here.',
      );
    } catch (error) {
      setFailure(messageOf(error));
      setBusy(false);
    }
  }

  return (
    <div class="linked-calendar">
      <p class="linked-calendar__url">
        <a href={link.url} rel="noreferrer">
          {link.url}
        </a>
      </p>
      {link.warning ? (
        <p class="flash flash--error" role="alert">
          {link.warning}
        </p>
      ) : null}
      <dl class="linked-calendar__state">
        <dt>Last imported</dt>
        <dd>{whenOf(link.lastSuccessAt)}</dd>
        <dt>Last changed</dt>
        <dd>{whenOf(link.lastChangedAt)}</dd>
        <dt>Last error</dt>
        <dd>{link.lastError ?? 'none'}</dd>
        <dt>Next try</dt>
        <dd>
          {whenOf(link.nextAttemptAt)}
          {link.consecutiveFailures > 0
            ? ` (after ${link.consecutiveFailures} failed ${link.consecutiveFailures === 1 ? 'try' : 'tries'} in a row)`
            : ''}
        </dd>
      </dl>
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      {props.readOnly ? null : (
        <div class="button-row">
          <button type="button" class="button" disabled={busy} onClick={() => void importNow()}>
            Import now
          </button>
          <button
            type="button"
            class="button button--warning-quiet"
            disabled={busy}
            onClick={() => void unlink()}
          >
            Unlink
          </button>
        </div>
      )}
      <h3>Latest imports</h3>
      {runs.status !== 'ready' ? null : runs.data.items.length === 0 ? (
        <p class="quiet">Not imported yet: press Import now, or wait for the next try.</p>
      ) : (
        <ul class="import-runs">
          {runs.data.items.map((run) => (
            <RunReport key={run.id} run={run} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PreviewList({ preview }: { preview: ImportPreview }) {
  // One-offs expanded from a rule are summed up under "Added date by date", not listed each.
  const sessions = preview.sessions.filter((s) => s.expandedFrom === null);
  return (
    <div class="import-preview" aria-live="polite">
      <h3>What would come in</h3>
      {preview.sessions.length === 0 ? (
        <p class="quiet">No sessions: the calendar has no events we can import.</p>
      ) : (
        <ul class="import-report">
          {sessions.map((s) => (
            <li key={s.sourceKey} class="import-report__line import-report__line--added">
              <strong>{s.title}</strong>: {s.when}
              {s.cancelledDates.length > 0
                ? `; cancelled on ${s.cancelledDates.length} ${s.cancelledDates.length === 1 ? 'date' : 'dates'}`
                : ''}
            </li>
          ))}
        </ul>
      )}
      {preview.expanded.length > 0 ? (
        <>
          <h3>Added date by date</h3>
          <ul class="import-report">
            {preview.expanded.map((e) => (
              <li key={e.uid} class="import-report__line import-report__line--expanded">
                <strong>{e.title}</strong>: {e.reason} ({e.oneOffs} one-off sessions)
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.skipped.length > 0 ? (
        <>
          <h3>Left out</h3>
          <ul class="import-report">
            {preview.skipped.map((s, i) => (
              <li key={i} class="import-report__line import-report__line--skipped">
                <strong>{s.title || 'Untitled'}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function GroupCalendarSection(props: {
  group: Group;
  venues: readonly Venue[];
  readOnly: boolean;
}) {
  const { group } = props;
  const path = `/api/groups/${encodeURIComponent(group.slug)}/calendars`;
  const [loaded, reload] = useLoad(
    (signal) => getParsed(path, (s) => s.CalendarLinkListSchema, signal),
    group.slug,
  );
  const [url, setUrl] = useState('');
  const [venue, setVenue] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const needsVenue = group.venueSlug === null;
  const body = () => ({ url, venue: venue === '' ? null : venue });

  async function showPreview(e: Event) {
    e.preventDefault();
    setBusy(true);
    setPreview(null);
    setNotice('');
    try {
      setPreview(
        await writeParsed('POST', `${path}/preview`, body(), (s) => s.ImportPreviewSchema),
      );
      setErrors(NO_ERRORS);
    } catch (error) {
      setErrors(errorsFrom(error, ['url', 'venue']));
    } finally {
      setBusy(false);
    }
  }

  async function link() {
    setBusy(true);
    try {
      await write('POST', path, body());
      setErrors(NO_ERRORS);
      setPreview(null);
      setUrl('');
      setNotice('Linked. Press Import now to bring its sessions in, or wait for the next try.');
      await reload();
    } catch (error) {
      setErrors(errorsFrom(error, ['url', 'venue']));
    } finally {
      setBusy(false);
    }
  }

  const links = loaded.status === 'ready' ? loaded.data.items : [];
  return (
    <section class="form-section group-calendar" aria-labelledby="group-calendar-title">
      <h2 id="group-calendar-title">Group’s own calendar</h2>
      <p>
        If the group keeps its own calendar (Google, Outlook, Apple or Nextcloud), link it here and
        its sessions come in by themselves, every hour. Their titles, descriptions, dates and times
        then come from that calendar; ways to wellbeing, who it is for, booking, cost and
        accessibility stay yours to edit.
      </p>
      {notice ? <Notice message={notice} /> : null}
      {loaded.status === 'error' ? <p class="flash flash--error">{loaded.message}</p> : null}
      {links.map((l) => (
        <LinkedCalendar
          key={l.id}
          link={l}
          readOnly={props.readOnly}
          onChanged={async (message) => {
            setNotice(message);
            await reload();
          }}
        />
      ))}
      {props.readOnly || links.length > 0 ? null : (
        <form onSubmit={(e) => void showPreview(e)} noValidate aria-label="Link a calendar">
          <ErrorSummary errors={errors} />
          <TextField
            path="url"
            label="Calendar address"
            hint="The calendar’s public or secret iCal address, starting with https:// or webcal://."
            type="url"
            value={url}
            onInput={(v) => {
              setUrl(v);
              setPreview(null);
            }}
            error={errors.fields.url}
            required
          />
          <SelectField
            path="venue"
            label={
              needsVenue ? 'Where its sessions are held' : 'Venue when the calendar names none'
            }
            hint={
              needsVenue
                ? 'This group meets at no particular venue: choose where its imported sessions are held, unless an event names one of ours.'
                : 'Leave as it is to use the venue where the group usually meets.'
            }
            value={venue}
            options={[
              { value: '', label: needsVenue ? 'Choose a venue' : 'Where the group meets' },
              ...venueOptionsOf(props.venues),
            ]}
            onChange={setVenue}
            error={errors.fields.venue}
            required={needsVenue}
          />
          <div class="button-row">
            <button type="submit" class="button button--secondary" disabled={busy}>
              Preview
            </button>
            {preview ? (
              <button type="button" class="button" disabled={busy} onClick={() => void link()}>
                Link this calendar
              </button>
            ) : null}
          </div>
          {preview ? <PreviewList preview={preview} /> : null}
        </form>
      )}
    </section>
  );
}
