import {
  AUDIENCES,
  BOOKINGS,
  formatLongDate,
  londonDateOf,
  SESSION_KINDS,
  WAYS,
  WEEKDAYS,
  weekdayName,
  type Group,
  type LocalOccurrence,
  type DateRange,
  type Session,
  type Venue,
} from '@fiveways/shared';
import { KIND_LABELS } from '@fiveways/shared/labels';
import { useLocation } from 'preact-iso/router';
import { useMemo, useState } from 'preact/hooks';
import { getParsed, messageOf, write, writeParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { ArchiveDialog } from '../components/archive-dialog.tsx';
import { TranslationFields } from '../components/translation-fields.tsx';
import { CancelDialog } from '../components/cancel-dialog.tsx';
import { ClockChangeWarnings } from '../components/clock-change-notice.tsx';
import { ImportedSessionNote, sourceOwnedOf } from '../components/imported-session-note.tsx';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  type Option,
} from '../components/form-fields.tsx';
import { CopySessionLink } from '../components/copy-session-link.tsx';
import { Link } from '../components/link.tsx';
import { MoveDialog } from '../components/move-dialog.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { useAuth } from '../hooks/use-auth.ts';
import {
  emptySessionForm,
  previewDates,
  shownWhen,
  recurrenceOf,
  sentenceOf,
  SESSION_FIELD_PATHS,
  sessionFormOf,
  sessionInputOf,
  withStartDate,
  type SessionForm,
} from '../session-form.ts';
import { addException, removeException, type ExceptionKind } from '../session-exceptions.ts';
import { findClockChangeWarnings } from '../clock-change.ts';
import { copiedSessionForm } from '../copy-session.ts';
import { sessionLockOf } from '../record-scope.ts';
import { firstDateOffered, isOver } from '../session-defaults.ts';
import { defaultVenueOf, venueOptionsOf } from '../venue-options.ts';

const NTH_OPTIONS: Option[] = [
  { value: '1', label: 'first' },
  { value: '2', label: 'second' },
  { value: '3', label: 'third' },
  { value: '4', label: 'fourth' },
  { value: '-1', label: 'last' },
];

interface EditorData {
  /** The venues this person may choose (every venue for an admin). */
  venues: Venue[];
  groups: Group[];
  session: Session | null;
  /** The session a new one is copied from (`?copy=ID`), if any. */
  copyOf: Session | null;
  schoolHolidays: DateRange[];
}

/** Create (id null) or edit a session. */
export function SessionEditorPage({ id }: { id: string | null }) {
  const { me } = useAuth();
  const asked = useLocation().query.copy ?? '';
  const copy = id === null && /^\d{1,12}$/.test(asked) ? asked : null;
  const [loaded, reload] = useLoad(
    async (signal): Promise<EditorData> => {
      const [venues, groups, session, copyOf, schoolHolidays] = await Promise.all([
        getParsed('/api/venues', (s) => s.VenueListSchema, signal),
        getParsed('/api/groups', (s) => s.GroupListSchema, signal).then(
          (list) => list.items,
          () => [],
        ),
        id === null
          ? Promise.resolve(null)
          : getParsed(`/api/sessions/${encodeURIComponent(id)}`, (s) => s.SessionSchema, signal),
        copy === null
          ? Promise.resolve(null)
          : getParsed(`/api/sessions/${copy}`, (s) => s.SessionSchema, signal),
        getParsed('/api/school-holidays', (s) => s.SchoolHolidayListSchema, signal).then(
          (list) => list.items.map((h) => ({ from: h.from, to: h.to })),
          () => [],
        ),
      ]);
      const mine = me.role === 'admin' ? venues : venues.filter((v) => me.venues.includes(v.slug));
      return { venues: mine, groups, session, copyOf, schoolHolidays };
    },
    `${id ?? 'new'}|${copy ?? ''}`,
  );
  const title = id === null ? 'Add a session' : 'Edit session';
  if (loaded.status !== 'ready') {
    return (
      <Page title={title}>
        <LoadState loaded={loaded} />
      </Page>
    );
  }
  return (
    <SessionEditor
      key={loaded.data.session?.id ?? `new-${loaded.data.copyOf?.id ?? ''}`}
      data={loaded.data}
      reload={reload}
      title={title}
    />
  );
}

function SessionEditor({
  data,
  reload,
  title,
}: {
  data: EditorData;
  reload: () => Promise<void>;
  title: string;
}) {
  const { me } = useAuth();
  const { query, route } = useLocation();
  const today = londonDateOf(new Date());
  const session = data.session;
  const [form, setForm] = useState<SessionForm>(() =>
    session
      ? sessionFormOf(session)
      : data.copyOf
        ? copiedSessionForm(data.copyOf, today)
        : emptySessionForm(firstDateOffered(new Date()), defaultVenueOf(data.venues, me)),
  );
  // Another venue's session opens read-only, saying why, rather than failing on Save.
  const lock = session === null ? null : sessionLockOf(me, session.venue);
  // Fields the group's own calendar owns are shown, not edited: an import would undo the edit.
  const owned = sourceOwnedOf(session);
  const fromCalendar = 'From the group’s own calendar: change it there.';
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState(
    query.saved === 'created' ? 'Published. It is in the kiosk and the feeds now.' : '',
  );
  const [confirmArchive, setConfirmArchive] = useState(false);

  const set =
    <K extends keyof SessionForm>(key: K) =>
    (value: SessionForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const err = (path: string) => errors.fields[path];

  const rule = useMemo(
    () => recurrenceOf(form, session?.exceptions ?? [], data.schoolHolidays),
    [form, session, data.schoolHolidays],
  );
  const preview = useMemo(() => (rule ? previewDates(rule, today, 6) : []), [rule, today]);
  // Told as the times are typed, before saving: a time in the clock-change hour surprises.
  const clockWarnings = useMemo(
    () => (rule ? findClockChangeWarnings(rule, today) : []),
    [rule, today],
  );

  const venueOptions: Option[] = venueOptionsOf(data.venues);
  if (session && !data.venues.some((v) => v.slug === session.venue.slug)) {
    venueOptions.push({ value: session.venue.slug, label: session.venue.name });
  }

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setNotice('');
    try {
      const body = sessionInputOf(form);
      if (session === null) {
        const created = await writeParsed('POST', '/api/sessions', body, (s) => s.SessionSchema);
        route(`/staff/sessions/${created.id}?saved=created`, true);
        return;
      }
      await write('PATCH', `/api/sessions/${session.id}`, body);
      setErrors(NO_ERRORS);
      setNotice('Saved. The kiosk and the feeds show the change now.');
      await reload();
    } catch (error) {
      setErrors(errorsFrom(error, SESSION_FIELD_PATHS));
    } finally {
      setBusy(false);
    }
  }

  async function archive() {
    if (session === null) return;
    await write('DELETE', `/api/sessions/${session.id}`);
    route('/staff/sessions?archived=1');
  }

  return (
    <Page title={session ? `Edit: ${session.title}` : title}>
      {session?.status === 'archived' ? (
        <p class="flash flash--error">This session is archived: residents no longer see it.</p>
      ) : null}
      {notice ? <Notice message={notice} /> : null}
      {lock ? <p class="read-only-note">{lock}</p> : null}
      {session ? <ImportedSessionNote session={session} /> : null}
      {data.copyOf ? (
        <p class="quiet">
          Copied from “{data.copyOf.title}”: check the details and the first date, then publish.
        </p>
      ) : null}
      {session && lock === null ? (
        <p>
          <CopySessionLink session={session} />
        </p>
      ) : null}
      <div class="editor">
        <fieldset class="form-lock" disabled={lock !== null}>
          <ErrorSummary errors={errors} />
          <form onSubmit={(e) => void save(e)} noValidate aria-label="Session details">
            <h2>What</h2>
            <TextField
              path="title"
              label="Title"
              hint={
                owned.has('title')
                  ? fromCalendar
                  : 'What residents see first, for example “Chair yoga” or “Time to Talk”.'
              }
              value={form.title}
              onInput={set('title')}
              error={err('title')}
              disabled={owned.has('title')}
              required
            />
            <CheckboxGroup
              path="ways"
              legend="Ways to wellbeing"
              hint="Choose every way it helps with."
              options={WAYS.map((w) => ({ value: w.slug, label: w.name }))}
              values={form.ways}
              onChange={set('ways')}
              error={err('ways')}
              inline
            />
            <SelectField
              path="kind"
              label="Kind of session"
              value={form.kind}
              options={SESSION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              onChange={set('kind')}
              error={err('kind')}
            />
            <TextArea
              path="description"
              label="Description"
              value={form.description}
              onInput={set('description')}
              error={err('description')}
              {...(owned.has('description') ? { hint: fromCalendar, disabled: true } : {})}
            />
            <CheckboxGroup
              path="audiences"
              legend="Who is it for? (optional)"
              hint="Leave all unticked if it is for everyone."
              options={AUDIENCES.map((a) => ({ value: a.slug, label: a.name }))}
              values={form.audiences}
              onChange={set('audiences')}
              error={err('audiences')}
            />

            <h2>Where</h2>
            <SelectField
              path="venue"
              label="Venue"
              value={form.venue}
              options={venueOptions}
              onChange={set('venue')}
              error={err('venue')}
              {...(owned.has('venue') ? { hint: fromCalendar, disabled: true } : {})}
            />

            <h2>When</h2>
            {owned.has('startDate') ? <p class="hint">{fromCalendar}</p> : null}
            <fieldset class="form-lock" disabled={owned.has('startDate')}>
              <div class="inline-fields">
                <TextField
                  path="startDate"
                  label={form.repeat === 'once' ? 'Date' : 'First date'}
                  type="date"
                  value={form.startDate}
                  onInput={(startDate) => setForm((f) => withStartDate(f, startDate))}
                  error={err('startDate')}
                  width="medium"
                  required
                />
                <TextField
                  path="startTime"
                  label="Starts at"
                  type="time"
                  value={form.startTime}
                  onInput={set('startTime')}
                  error={err('startTime')}
                  width="short"
                  required
                />
                <TextField
                  path="endTime"
                  label="Ends at"
                  type="time"
                  value={form.endTime}
                  onInput={set('endTime')}
                  error={err('endTime')}
                  width="short"
                  required
                />
              </div>
              <ClockChangeWarnings warnings={clockWarnings} />
              <RadioGroup
                path="repeat"
                legend="How often?"
                value={form.repeat}
                onChange={(v) =>
                  set('repeat')(v === 'once' ? 'once' : v === 'month' ? 'month' : 'week')
                }
                options={[
                  { value: 'once', label: 'Once only' },
                  { value: 'week', label: 'Every week, or every few weeks' },
                  { value: 'month', label: 'Once a month' },
                ]}
                error={err('repeat')}
              >
                {form.repeat === 'week' ? (
                  <div class="conditional">
                    <TextField
                      path="repeat.interval"
                      label="Every how many weeks?"
                      hint="1 for every week, 2 for every other week (fortnightly)."
                      type="number"
                      min="1"
                      max="8"
                      value={form.interval}
                      onInput={set('interval')}
                      error={err('repeat.interval')}
                      width="short"
                      required
                    />
                    <CheckboxGroup
                      path="repeat.days"
                      legend="On which days?"
                      options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d) }))}
                      values={form.days}
                      onChange={(days) => set('days')(WEEKDAYS.filter((d) => days.includes(d)))}
                      error={err('repeat.days')}
                      inline
                    />
                  </div>
                ) : null}
                {form.repeat === 'month' ? (
                  <div class="conditional inline-fields">
                    <SelectField
                      path="repeat.nth"
                      label="On the"
                      value={form.nth}
                      options={NTH_OPTIONS}
                      onChange={set('nth')}
                      error={err('repeat.nth')}
                    />
                    <SelectField
                      path="repeat.weekday"
                      label="Day of the week"
                      value={form.weekday}
                      options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d) }))}
                      onChange={(v) => set('weekday')(WEEKDAYS.find((d) => d === v) ?? 'mon')}
                      error={err('repeat.weekday')}
                    />
                  </div>
                ) : null}
              </RadioGroup>
              {form.repeat !== 'once' ? (
                <>
                  <RadioGroup
                    path="ends"
                    legend="When does it stop?"
                    value={form.ends}
                    onChange={(v) =>
                      set('ends')(v === 'until' ? 'until' : v === 'count' ? 'count' : 'never')
                    }
                    options={[
                      { value: 'never', label: 'It keeps going' },
                      { value: 'until', label: 'On a date' },
                      { value: 'count', label: 'After a number of times' },
                    ]}
                  >
                    {form.ends === 'until' ? (
                      <div class="conditional">
                        <TextField
                          path="until"
                          label="Last date"
                          type="date"
                          value={form.until}
                          onInput={set('until')}
                          error={err('until')}
                          width="medium"
                          required
                        />
                      </div>
                    ) : null}
                    {form.ends === 'count' ? (
                      <div class="conditional">
                        <TextField
                          path="count"
                          label="How many times?"
                          hint="For example 5 for a five-week course."
                          type="number"
                          min="1"
                          max="500"
                          value={form.count}
                          onInput={set('count')}
                          error={err('count')}
                          width="short"
                          required
                        />
                      </div>
                    ) : null}
                  </RadioGroup>
                  {form.ends === 'never' && err('until') ? (
                    <p class="field-error">{err('until')}</p>
                  ) : null}
                  <Checkbox
                    path="skipBankHolidays"
                    label="Not on bank holidays"
                    checked={form.skipBankHolidays}
                    onChange={set('skipBankHolidays')}
                    error={err('skipBankHolidays')}
                  />
                  <Checkbox
                    path="skipSchoolHolidays"
                    label="Not in school holidays"
                    hint="Worcestershire's school holidays, as kept in the staff area."
                    checked={form.skipSchoolHolidays}
                    onChange={set('skipSchoolHolidays')}
                    error={err('skipSchoolHolidays')}
                  />
                </>
              ) : null}
            </fieldset>

            <h2>Booking and cost</h2>
            <RadioGroup
              path="booking"
              legend="Do people need to book?"
              value={form.booking}
              onChange={set('booking')}
              options={BOOKINGS.map((b) => ({
                value: b,
                label: b === 'book' ? 'Yes, they need to book' : 'No, just drop in',
              }))}
              error={err('booking')}
            />
            <TextField
              path="bookingInfo"
              label="How to book, or anything to know first"
              value={form.bookingInfo}
              onInput={set('bookingInfo')}
              error={err('bookingInfo')}
            />
            <Checkbox
              path="cost.free"
              label="It is free"
              checked={form.free}
              onChange={set('free')}
              error={err('cost')}
            />
            <TextField
              path="cost.text"
              label="Cost details"
              hint="For example “£2, pay on the day” or “Free, donations welcome”."
              value={form.costText}
              onInput={set('costText')}
              error={err('cost.text')}
            />

            <h2>The first visit</h2>
            <TextArea
              path="whatToExpect"
              label="What to expect the first time"
              hint="Who greets them, what to bring, what happens."
              value={form.whatToExpect}
              onInput={set('whatToExpect')}
              error={err('whatToExpect')}
            />
            <TextArea
              path="accessibility"
              label="Accessibility notes"
              value={form.accessibility}
              onInput={set('accessibility')}
              error={err('accessibility')}
              rows={3}
            />

            <h2>Contact</h2>
            <div class="inline-fields">
              <TextField
                path="contact.name"
                label="Name"
                value={form.contactName}
                onInput={set('contactName')}
                error={err('contact.name')}
                width="medium"
              />
              <TextField
                path="contact.phone"
                label="Phone"
                type="tel"
                value={form.contactPhone}
                onInput={set('contactPhone')}
                error={err('contact.phone')}
                width="medium"
              />
            </div>
            <TextField
              path="contact.email"
              label="Email"
              type="email"
              value={form.contactEmail}
              onInput={set('contactEmail')}
              error={err('contact.email')}
            />
            <TextField
              path="contact.website"
              label="Website"
              type="url"
              value={form.contactWebsite}
              onInput={set('contactWebsite')}
              error={err('contact.website')}
            />
            <SelectField
              path="group"
              label="Run by a group in the directory"
              required={false}
              value={form.group}
              options={[
                { value: '', label: 'No group' },
                ...data.groups.map((g) => ({ value: g.slug, label: g.name })),
              ]}
              onChange={set('group')}
              error={err('group')}
            />
            <div class="button-row">
              {lock ? null : (
                <button type="submit" class="button" disabled={busy}>
                  {session ? 'Save changes' : 'Publish session'}
                </button>
              )}
              <Link href="/staff/sessions">Back to sessions</Link>
            </div>
          </form>
        </fieldset>
        <aside class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">When it runs</h2>
          <p class="preview__sentence" aria-live="polite">
            {sentenceOf(rule, today)}
          </p>
          {preview.length > 0 ? (
            <>
              <h3>Next dates</h3>
              <ol>
                {preview.map((p) => (
                  <li key={p.occurrence.date}>
                    {shownWhen(p.occurrence)}
                    {p.occurrence.status === 'cancelled' ? ' (cancelled)' : ''}
                    {p.clockNote ? <span class="clock-note">{p.clockNote}</span> : null}
                  </li>
                ))}
              </ol>
            </>
          ) : rule !== null ? (
            <p>No more dates: it has finished.</p>
          ) : null}
        </aside>
      </div>
      <TranslationFields
        path={session ? `/api/sessions/${session.id}` : null}
        translations={session?.translations}
        titleLabel="Title"
      />
      {session ? (
        <>
          <UpcomingDates
            session={session}
            venues={data.venues}
            reload={reload}
            today={today}
            readOnly={lock !== null}
          />
          {lock || session.importedFrom ? null : (
            <section class="form-section" aria-labelledby="archive-title">
              <h2 id="archive-title">Archive this session</h2>
              <p>
                Archiving removes every date from the kiosk and the feeds. Use it when a session has
                stopped for good; to skip one date, cancel that date instead.
              </p>
              <button
                type="button"
                class="button button--warning"
                onClick={() => setConfirmArchive(true)}
                disabled={session.status === 'archived'}
              >
                Archive session
              </button>
            </section>
          )}
          {confirmArchive ? (
            <ArchiveDialog
              name={session.title}
              consequence="Residents will no longer see any of its dates."
              onConfirm={archive}
              onClose={() => setConfirmArchive(false)}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

/** The next dates of a saved session, each with cancel, reinstate and move. */
function UpcomingDates(props: {
  session: Session;
  venues: Venue[];
  reload: () => Promise<void>;
  today: string;
  readOnly: boolean;
}) {
  const { session } = props;
  const now = new Date();
  const [cancelling, setCancelling] = useState<LocalOccurrence | null>(null);
  const [moving, setMoving] = useState<LocalOccurrence | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const dates = previewDates(session, props.today, 10).map((p) => p.occurrence);
  const label = (o: LocalOccurrence) => `${formatLongDate(o.startDate)} at ${o.startTime}`;
  const venueName = (slug: string | null) =>
    slug === null ? null : (props.venues.find((v) => v.slug === slug)?.name ?? slug);

  async function removeExceptionOf(o: LocalOccurrence, kind: ExceptionKind) {
    setFailure('');
    try {
      await removeException(session.id, kind, o.date);
      setNotice(
        kind === 'cancelled'
          ? `Back on: ${label(o)}.`
          : `Back to its usual time and place: ${formatLongDate(o.date)}.`,
      );
      await props.reload();
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  return (
    <section class="form-section" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">Coming up</h2>
      {props.readOnly ? null : <p>Cancel or move one date without changing the others.</p>}
      {notice ? <Notice message={notice} /> : null}
      {failure ? (
        <p class="flash flash--error" role="alert">
          {failure}
        </p>
      ) : null}
      {dates.length === 0 ? (
        <p class="quiet">No dates coming up.</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Date and time</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dates.map((o) => (
              <tr key={o.date}>
                <td data-label="Date and time">
                  {formatLongDate(o.startDate)}, {o.startTime}–{o.endTime}
                  {venueName(o.venueSlug) ? `, at ${venueName(o.venueSlug) ?? ''}` : ''}
                </td>
                <td data-label="Status">
                  {o.status === 'cancelled' ? (
                    <>
                      <span class="badge badge--cancelled">Cancelled</span> {o.reason ?? ''}
                    </>
                  ) : (
                    <span class="badge badge--on">On</span>
                  )}
                  {o.changed ? (
                    <span class="badge badge--moved">Moved from {formatLongDate(o.date)}</span>
                  ) : null}
                </td>
                <td>
                  <div class="row-actions">
                    {props.readOnly ? null : isOver(o.startDate, o.endTime, now) ? (
                      <span class="quiet">Over</span>
                    ) : o.status === 'cancelled' ? (
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        onClick={() => void removeExceptionOf(o, 'cancelled')}
                        aria-label={`Reinstate ${label(o)}`}
                      >
                        Reinstate
                      </button>
                    ) : (
                      <>
                        {o.changed ? (
                          <button
                            type="button"
                            class="button button--secondary button--small"
                            onClick={() => void removeExceptionOf(o, 'moved')}
                            aria-label={`Undo move of ${label(o)}`}
                          >
                            Undo move
                          </button>
                        ) : null}
                        <button
                          type="button"
                          class="button button--secondary button--small"
                          onClick={() => setMoving(o)}
                          aria-label={`Move ${label(o)}`}
                        >
                          Move
                        </button>
                        <button
                          type="button"
                          class="button button--warning-quiet button--small"
                          onClick={() => setCancelling(o)}
                          aria-label={`Cancel ${label(o)}`}
                        >
                          Cancel
                        </button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cancelling ? (
        <CancelDialog
          what={`${session.title} on ${label(cancelling)}`}
          onConfirm={async (reason) => {
            await addException(session.id, { kind: 'cancelled', date: cancelling.date, reason });
            setCancelling(null);
            setNotice(`Cancelled: ${label(cancelling)}.`);
            await props.reload();
          }}
          onClose={() => setCancelling(null)}
        />
      ) : null}
      {moving ? (
        <MoveDialog
          occurrence={moving}
          sessionVenue={session.venue.slug}
          ruleStartTime={session.startTime}
          ruleEndTime={session.endTime}
          venues={props.venues}
          onConfirm={async (exception) => {
            await addException(session.id, exception);
            setMoving(null);
            setNotice(`Moved: ${label(moving)}.`);
            await props.reload();
          }}
          onClose={() => setMoving(null)}
        />
      ) : null}
    </section>
  );
}
