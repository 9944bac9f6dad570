// The conversation log: a Champion at a clinic logs each resident in a few taps, with no typing
// unless the resident gives a contact (a separate step, with the consent wording and a box to
// tick). Where they are stays chosen for the next resident; everything else starts again.
import {
  CONTACT_CONSENT_WORDING,
  formatShortDate,
  INTEREST_LABELS,
  INTERESTS,
  MAX_TOOK_HOME,
  WAYS,
  type Conversation,
  type Group,
  type Occurrence,
  type Interests,
  type PlaceKind,
  type PromotedItem,
  type WaySlug,
} from '@fiveways/shared';
import { londonDateOf, londonWallTimeOf } from '@fiveways/shared/london-time';
import { useMemo, useState } from 'preact/hooks';
import { getParsed, writeParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { ErrorSummary, TextField } from '../components/form-fields.tsx';
import { LoadState, Page } from '../components/page.tsx';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import {
  describeTally,
  groupsByWay,
  orderVenues,
  sessionsAt,
  type VenueChoices,
} from './conversation-choices.ts';
import './conversations.css';

const FIELDS = [
  'day',
  'placeKind',
  'venue',
  'ways',
  'promoted',
  'tookHome',
  'interests',
  'contact.name',
  'contact.phone',
  'contact.email',
  'contact.consent',
  'contact',
];

const PLACES: { value: PlaceKind; label: string }[] = [
  { value: 'clinic', label: 'Clinic' },
  { value: 'hub', label: 'Hub' },
  { value: 'other', label: 'Other' },
];

/** Where the Champion is stays chosen on this device, for the next resident and the next visit. */
const PLACE_KEY = 'fw-conversation-place';

interface Place {
  placeKind: PlaceKind;
  venue: string | null;
}

function readPlace(): Place {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(PLACE_KEY) ?? 'null');
    if (typeof saved === 'object' && saved !== null && 'placeKind' in saved && 'venue' in saved) {
      const kind = PLACES.find((p) => p.value === saved.placeKind)?.value ?? 'clinic';
      return { placeKind: kind, venue: typeof saved.venue === 'string' ? saved.venue : null };
    }
  } catch {
    // Storage off or spoilt: start from a clinic.
  }
  return { placeKind: 'clinic', venue: null };
}

function keepPlace(place: Place) {
  try {
    localStorage.setItem(PLACE_KEY, JSON.stringify(place));
  } catch {
    // Private browsing: the place is chosen again next time.
  }
}

const NO_INTERESTS: Interests = { volunteering: false, champion: false, panel: false };

interface Resident {
  ways: WaySlug[];
  promoted: PromotedItem[];
  tookHome: number;
  interests: Interests;
  contactOpen: boolean;
  consent: boolean;
  name: string;
  phone: string;
  email: string;
}

const NEW_RESIDENT: Resident = {
  ways: [],
  promoted: [],
  tookHome: 0,
  interests: NO_INTERESTS,
  contactOpen: false,
  consent: false,
  name: '',
  phone: '',
  email: '',
};

async function loadChoices(today: string, signal: AbortSignal) {
  const [venues, occurrences, groups, mine] = await Promise.all([
    getParsed('/api/venues', (s) => s.VenueListSchema, signal),
    getParsed(
      `/api/occurrences?from=${today}&to=${today}&limit=1000`,
      (s) => s.OccurrenceListSchema,
      signal,
    ),
    getParsed('/api/groups?limit=1000', (s) => s.GroupListSchema, signal),
    getParsed('/api/conversations/today', (s) => s.MyConversationsSchema, signal),
  ]);
  return {
    venues: orderVenues(venues, occurrences.occurrences),
    occurrences: occurrences.occurrences,
    groupsByWay: groupsByWay(groups.items),
    mine,
  };
}

/** The London time a conversation was logged, e.g. '10:42'. */
const loggedAt = (c: Conversation) => londonWallTimeOf(new Date(c.createdAt)).time;

/** A big on/off button: the whole form is made of these, for a thumb. */
function Toggle(props: { pressed: boolean; onClick: () => void; label: string; wide?: boolean }) {
  return (
    <button
      type="button"
      class={`toggle${props.wide ? ' toggle--wide' : ''}`}
      aria-pressed={props.pressed}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}

function toggled<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean = Object.is): T[] {
  return list.some((x) => same(x, item)) ? list.filter((x) => !same(x, item)) : [...list, item];
}

const samePromoted = (a: PromotedItem, b: PromotedItem) => a.kind === b.kind && a.key === b.key;

export function ConversationsPage() {
  const today = londonDateOf(new Date());
  const [loaded, reload] = useLoad((signal) => loadChoices(today, signal), `choices:${today}`);
  const [place, setPlace] = useState<Place>(readPlace);
  const [day, setDay] = useState(today);
  const [changingDay, setChangingDay] = useState(false);
  const [resident, setResident] = useState<Resident>(NEW_RESIDENT);
  const [editing, setEditing] = useState<Conversation | null>(null);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  const choose = (next: Place) => {
    setPlace(next);
    keepPlace(next);
  };
  const update = (change: Partial<Resident>) => setResident((r) => ({ ...r, ...change }));
  const anyInterest = INTERESTS.some((i) => resident.interests[i]);

  function startAgain(message: string) {
    setResident(NEW_RESIDENT);
    setEditing(null);
    setErrors(NO_ERRORS);
    setSaved(message);
    window.scrollTo({ top: 0 });
  }

  function correct(conversation: Conversation) {
    setEditing(conversation);
    setSaved('');
    choose({ placeKind: conversation.placeKind, venue: conversation.venue });
    setResident({
      ...NEW_RESIDENT,
      ways: [...conversation.ways],
      promoted: [...conversation.promoted],
      tookHome: conversation.tookHome,
      interests: conversation.interests,
    });
    window.scrollTo({ top: 0 });
  }

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setSaved('');
    const fields = {
      placeKind: place.placeKind,
      venue: place.venue,
      ways: resident.ways,
      promoted: resident.promoted,
      tookHome: resident.tookHome,
      interests: resident.interests,
    };
    try {
      if (editing === null) {
        const body = {
          ...fields,
          ...(day === today ? {} : { day }),
          ...(resident.contactOpen
            ? {
                contact: {
                  name: resident.name,
                  phone: resident.phone,
                  email: resident.email,
                  // Sent as ticked or not: the server refuses a contact without consent.
                  consent: resident.consent,
                },
              }
            : {}),
        };
        await writeParsed('POST', '/api/conversations', body, (s) => s.ConversationSchema);
        const count = (loaded.status === 'ready' ? loaded.data.mine.items.length : 0) + 1;
        startAgain(`Saved. That is conversation ${count} today. Ready for the next resident.`);
      } else {
        await writeParsed(
          'PATCH',
          `/api/conversations/${editing.id}`,
          fields,
          (s) => s.ConversationSchema,
        );
        startAgain('Correction saved.');
      }
      await reload();
    } catch (error) {
      setErrors(errorsFrom(error, FIELDS));
    }
    setBusy(false);
  }

  return (
    <Page title="Log a conversation" narrow>
      {saved ? (
        <div class="flash conversation-saved" role="status">
          {saved}
        </div>
      ) : null}
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <>
          <p class="conversation-tally" aria-live="polite">
            <strong>My conversations today:</strong> {describeTally(loaded.data.mine.tally)}
          </p>
          <ErrorSummary errors={errors} />
          <form class="conversation-form" onSubmit={(e) => void save(e)} noValidate>
            {editing ? (
              <p class="flash">
                Correcting the conversation logged at {loggedAt(editing)}.{' '}
                <button type="button" class="button button--link" onClick={() => startAgain('')}>
                  Stop correcting
                </button>
              </p>
            ) : null}
            <WherePicker
              place={place}
              venues={loaded.data.venues}
              onChange={choose}
              error={errors.fields.placeKind ?? errors.fields.venue}
            />
            {editing === null ? (
              <p class="conversation-day">
                {day === today ? 'Today' : formatShortDate(day)}{' '}
                {changingDay ? (
                  <input
                    type="date"
                    class="input input--short"
                    id="f-day"
                    aria-label="Date of the conversation"
                    value={day}
                    max={today}
                    onInput={(e) => setDay(e.currentTarget.value || today)}
                  />
                ) : (
                  <button
                    type="button"
                    class="button button--link"
                    onClick={() => setChangingDay(true)}
                  >
                    Change date
                  </button>
                )}
                {errors.fields.day ? <span class="field-error">{errors.fields.day}</span> : null}
              </p>
            ) : null}

            <fieldset class="conversation-group" id="f-ways" tabIndex={-1}>
              <legend>Which ways came up?</legend>
              {errors.fields.ways ? <p class="field-error">{errors.fields.ways}</p> : null}
              <div class="toggle-grid">
                {WAYS.map((w) => (
                  <Toggle
                    key={w.slug}
                    label={w.name}
                    pressed={resident.ways.includes(w.slug)}
                    onClick={() => update({ ways: toggled(resident.ways, w.slug) })}
                  />
                ))}
              </div>
            </fieldset>

            <PromotedPicker
              venue={place.venue}
              occurrences={loaded.data.occurrences}
              groupsByWay={loaded.data.groupsByWay}
              ways={resident.ways}
              promoted={resident.promoted}
              onToggle={(item) =>
                update({ promoted: toggled(resident.promoted, item, samePromoted) })
              }
              error={errors.fields.promoted}
            />

            <fieldset class="conversation-group" id="f-tookHome" tabIndex={-1}>
              <legend>How many did they take home?</legend>
              {errors.fields.tookHome ? <p class="field-error">{errors.fields.tookHome}</p> : null}
              <div class="stepper">
                <button
                  type="button"
                  class="toggle stepper__button"
                  aria-label="One fewer taken home"
                  disabled={resident.tookHome === 0}
                  onClick={() => update({ tookHome: Math.max(0, resident.tookHome - 1) })}
                >
                  −
                </button>
                <output class="stepper__value" aria-live="polite">
                  {resident.tookHome}
                </output>
                <button
                  type="button"
                  class="toggle stepper__button"
                  aria-label="One more taken home"
                  disabled={resident.tookHome >= MAX_TOOK_HOME}
                  onClick={() => update({ tookHome: resident.tookHome + 1 })}
                >
                  +
                </button>
              </div>
            </fieldset>

            <fieldset class="conversation-group" id="f-interests" tabIndex={-1}>
              <legend>Interested in…</legend>
              <div class="toggle-grid toggle-grid--one">
                {INTERESTS.map((i) => (
                  <Toggle
                    key={i}
                    wide
                    label={INTEREST_LABELS[i]}
                    pressed={resident.interests[i]}
                    onClick={() =>
                      update({ interests: { ...resident.interests, [i]: !resident.interests[i] } })
                    }
                  />
                ))}
              </div>
            </fieldset>

            {editing === null && anyInterest ? (
              <ContactStep resident={resident} onChange={update} errors={errors.fields} />
            ) : null}

            <div class="conversation-save">
              <button type="submit" class="button conversation-save__button" disabled={busy}>
                {editing ? 'Save correction' : 'Save'}
              </button>
            </div>
          </form>
          <MyDay items={loaded.data.mine.items} onCorrect={correct} />
        </>
      )}
    </Page>
  );
}

function WherePicker(props: {
  place: Place;
  venues: VenueChoices;
  onChange: (place: Place) => void;
  error: string | undefined;
}) {
  const { place, venues } = props;
  const inShort = venues.short.some((v) => v.slug === place.venue);
  return (
    <fieldset class="conversation-group" id="f-placeKind" tabIndex={-1}>
      <legend>Where are you?</legend>
      {props.error ? <p class="field-error">{props.error}</p> : null}
      <div class="toggle-grid toggle-grid--three">
        {PLACES.map((p) => (
          <Toggle
            key={p.value}
            label={p.label}
            pressed={place.placeKind === p.value}
            onClick={() => props.onChange({ ...place, placeKind: p.value })}
          />
        ))}
      </div>
      <div class="toggle-grid" id="f-venue" role="group" aria-label="Venue">
        {venues.short.map((v) => (
          <Toggle
            key={v.slug}
            label={v.name}
            pressed={place.venue === v.slug}
            onClick={() =>
              props.onChange({ ...place, venue: place.venue === v.slug ? null : v.slug })
            }
          />
        ))}
      </div>
      <label class="conversation-more" for="f-venue-more">
        Another venue
      </label>
      <select
        id="f-venue-more"
        class="input"
        value={inShort || place.venue === null ? '' : place.venue}
        onChange={(e) =>
          props.onChange({
            ...place,
            venue: e.currentTarget.value === '' ? null : e.currentTarget.value,
          })
        }
      >
        <option value="">{inShort ? 'Chosen above' : 'None, or not a venue we list'}</option>
        {venues.rest.map((v) => (
          <option key={v.slug} value={v.slug}>
            {v.name}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

function PromotedPicker(props: {
  venue: string | null;
  occurrences: readonly Occurrence[];
  groupsByWay: Record<WaySlug, Group[]>;
  ways: readonly WaySlug[];
  promoted: readonly PromotedItem[];
  onToggle: (item: PromotedItem) => void;
  error: string | undefined;
}) {
  const here = useMemo(
    () => sessionsAt(props.venue, props.occurrences),
    [props.venue, props.occurrences],
  );
  const isOn = (item: PromotedItem) => props.promoted.some((p) => samePromoted(p, item));
  return (
    <fieldset class="conversation-group" id="f-promoted" tabIndex={-1}>
      <legend>What did you tell them about?</legend>
      {props.error ? <p class="field-error">{props.error}</p> : null}
      {here.length > 0 ? (
        <>
          <h3 class="conversation-sub">On here today</h3>
          <div class="toggle-grid toggle-grid--one">
            {here.map((o) => {
              const item: PromotedItem = { kind: 'session', key: String(o.sessionId) };
              return (
                <Toggle
                  key={o.sessionId}
                  wide
                  label={`${o.title} (${o.start.slice(11, 16)})`}
                  pressed={isOn(item)}
                  onClick={() => props.onToggle(item)}
                />
              );
            })}
          </div>
        </>
      ) : null}
      <h3 class="conversation-sub">Groups, by way</h3>
      {WAYS.map((w) => {
        const groups = props.groupsByWay[w.slug];
        const chosen = groups.filter((g) => isOn({ kind: 'group', key: g.slug })).length;
        return (
          <details key={w.slug} class="conversation-way" open={props.ways.includes(w.slug)}>
            <summary>
              {w.name}
              {chosen > 0 ? <span class="quiet"> · {chosen} chosen</span> : null}
            </summary>
            <div class="toggle-grid toggle-grid--one">
              {groups.map((g) => {
                const item: PromotedItem = { kind: 'group', key: g.slug };
                return (
                  <Toggle
                    key={g.slug}
                    wide
                    label={g.name}
                    pressed={isOn(item)}
                    onClick={() => props.onToggle(item)}
                  />
                );
              })}
            </div>
          </details>
        );
      })}
    </fieldset>
  );
}

/** The optional contact: only when the resident asks, with the wording read to them first. */
function ContactStep(props: {
  resident: Resident;
  onChange: (change: Partial<Resident>) => void;
  errors: Record<string, string>;
}) {
  const { resident, onChange, errors } = props;
  if (!resident.contactOpen) {
    return (
      <p>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => onChange({ contactOpen: true })}
        >
          They want us to contact them…
        </button>
      </p>
    );
  }
  return (
    <fieldset class="conversation-group conversation-contact" id="f-contact" tabIndex={-1}>
      <legend>Their contact (only if they agree)</legend>
      {errors.contact ? <p class="field-error">{errors.contact}</p> : null}
      <p>Read this to the resident, or let them read it:</p>
      <blockquote class="consent-wording">{CONTACT_CONSENT_WORDING}</blockquote>
      <div class={`field check-item${errors['contact.consent'] ? ' field--error' : ''}`}>
        <input
          type="checkbox"
          id="f-contact-consent"
          checked={resident.consent}
          onChange={(e) => onChange({ consent: e.currentTarget.checked })}
        />
        <label for="f-contact-consent">The resident agreed to this</label>
        {errors['contact.consent'] ? <p class="field-error">{errors['contact.consent']}</p> : null}
      </div>
      {resident.consent ? (
        <>
          <TextField
            path="contact.name"
            label="Name"
            value={resident.name}
            onInput={(name) => onChange({ name })}
            error={errors['contact.name']}
            autoComplete="off"
            required
          />
          <TextField
            path="contact.phone"
            label="Phone"
            type="tel"
            value={resident.phone}
            onInput={(phone) => onChange({ phone })}
            error={errors['contact.phone']}
            autoComplete="off"
          />
          <TextField
            path="contact.email"
            label="Email"
            type="email"
            value={resident.email}
            onInput={(email) => onChange({ email })}
            error={errors['contact.email']}
            autoComplete="off"
          />
        </>
      ) : null}
      <button
        type="button"
        class="button button--link"
        onClick={() =>
          onChange({ contactOpen: false, consent: false, name: '', phone: '', email: '' })
        }
      >
        No contact after all
      </button>
    </fieldset>
  );
}

function MyDay(props: { items: readonly Conversation[]; onCorrect: (c: Conversation) => void }) {
  if (props.items.length === 0) return null;
  return (
    <section class="conversation-day-list" aria-labelledby="my-day">
      <h2 id="my-day">Today’s conversations</h2>
      <p class="quiet">You can correct them until the end of today.</p>
      <ol>
        {[...props.items].reverse().map((c) => (
          <li key={c.id}>
            <span>
              {loggedAt(c)} · {c.ways.length} ways · {c.promoted.length} told about · {c.tookHome}{' '}
              taken home{c.contactKept ? ' · contact kept' : ''}
            </span>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => props.onCorrect(c)}
            >
              Correct
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
