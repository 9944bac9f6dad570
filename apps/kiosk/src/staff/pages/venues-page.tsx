import type { Area, Venue } from '@fiveways/shared';
import { ACCESSIBILITY_FEATURES, ACCESSIBILITY_LABELS } from '@fiveways/shared/labels';
import { useState } from 'preact/hooks';
import { getParsed, write } from '../../common/api-client.ts';
import {
  Checkbox,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../components/form-fields.tsx';
import { VenueAddressFieldset } from '../components/venue-address-fieldset.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { useLoad } from '../../common/use-load.ts';
import { slugFrom } from '../slug.ts';

interface VenueForm {
  slug: string;
  name: string;
  areaSlug: string;
  isHub: boolean;
  address: string;
  postcode: string;
  latitude: string;
  longitude: string;
  phone: string;
  stepFree: boolean;
  hearingLoop: boolean;
  accessibleToilet: boolean;
  parking: boolean;
  babyChange: boolean;
  notes: string;
}

const FIELDS = [
  'slug',
  'name',
  'areaSlug',
  'isHub',
  'address',
  'postcode',
  'latitude',
  'longitude',
  'phone',
  'accessibility',
  'accessibility.notes',
];

function formOf(v: Venue | null, area: string): VenueForm {
  const a = v?.accessibility;
  return {
    slug: v?.slug ?? '',
    name: v?.name ?? '',
    areaSlug: v?.areaSlug ?? area,
    isHub: v?.isHub ?? false,
    address: v?.address ?? '',
    postcode: v?.postcode ?? '',
    latitude: v?.latitude === null || v === null ? '' : String(v.latitude),
    longitude: v?.longitude === null || v === null ? '' : String(v.longitude),
    phone: v?.phone ?? '',
    stepFree: a?.stepFree ?? false,
    hearingLoop: a?.hearingLoop ?? false,
    accessibleToilet: a?.accessibleToilet ?? false,
    parking: a?.parking ?? false,
    babyChange: a?.babyChange ?? false,
    notes: a?.notes ?? '',
  };
}

/** A number when the text is one, null when blank, else the text (so the server names it). */
function coordinate(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  return Number.isFinite(Number(t)) ? Number(t) : t;
}

function bodyOf(f: VenueForm, creating: boolean): Record<string, unknown> {
  return {
    ...(creating ? { slug: f.slug.trim() } : {}),
    name: f.name,
    areaSlug: f.areaSlug,
    isHub: f.isHub,
    address: f.address,
    postcode: f.postcode,
    latitude: coordinate(f.latitude),
    longitude: coordinate(f.longitude),
    phone: f.phone,
    accessibility: {
      stepFree: f.stepFree,
      hearingLoop: f.hearingLoop,
      accessibleToilet: f.accessibleToilet,
      parking: f.parking,
      babyChange: f.babyChange,
      notes: f.notes,
    },
  };
}

export function VenuesPage() {
  const [loaded, reload] = useLoad(async (signal) => {
    const [venues, areas] = await Promise.all([
      getParsed('/api/venues', (s) => s.VenueListSchema, signal),
      getParsed('/api/areas', (s) => s.AreaListSchema, signal),
    ]);
    return { venues, areas };
  }, 'venues');
  const [editing, setEditing] = useState<Venue | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState('');

  return (
    <Page title="Venues">
      {notice ? <Notice message={notice} /> : null}
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <div class="admin-layout">
          <table class="table">
            <caption class="visually-hidden">Venues</caption>
            <thead>
              <tr>
                <th scope="col">Venue</th>
                <th scope="col">Area</th>
                <th scope="col">Hub</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.venues.map((v) => (
                <tr key={v.slug}>
                  <td class="table__lead">
                    {v.name}
                    {v.isHub ? <span class="badge badge--hub">Hub</span> : null}
                    <br />
                    <span class="quiet">{v.address}</span>
                  </td>
                  <td data-label="Area">
                    {loaded.data.areas.find((a) => a.slug === v.areaSlug)?.name ?? v.areaSlug}
                  </td>
                  <td data-label="Hub">{v.isHub ? 'Yes' : 'No'}</td>
                  <td>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      onClick={() => {
                        setEditing(v);
                        setFormKey((k) => k + 1);
                        setNotice('');
                      }}
                    >
                      Edit<span class="visually-hidden"> {v.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <VenueEditor
            key={formKey}
            venue={editing}
            areas={loaded.data.areas}
            onSaved={async (message) => {
              setNotice(message);
              setEditing(null);
              setFormKey((k) => k + 1);
              await reload();
            }}
            onCancel={() => {
              setEditing(null);
              setFormKey((k) => k + 1);
            }}
          />
        </div>
      )}
    </Page>
  );
}

function VenueEditor(props: {
  venue: Venue | null;
  areas: Area[];
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const venue = props.venue;
  const [form, setForm] = useState(() => formOf(venue, props.areas[0]?.slug ?? ''));
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof VenueForm>(key: K) =>
    (value: VenueForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const err = (path: string) => errors.fields[path];

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      if (venue === null) await write('POST', '/api/venues', bodyOf(form, true));
      else await write('PATCH', `/api/venues/${venue.slug}`, bodyOf(form, false));
      await props.onSaved(venue === null ? `Added ${form.name}.` : `Saved ${form.name}.`);
    } catch (error) {
      setErrors(errorsFrom(error, FIELDS));
      setBusy(false);
    }
  }

  return (
    <section class="side-panel" aria-labelledby="venue-form-title">
      <h2 id="venue-form-title">{venue ? `Edit ${venue.name}` : 'Add a venue'}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <TextField
          path="name"
          label="Name"
          value={form.name}
          onInput={(name) =>
            setForm((f) => ({ ...f, name, slug: venue === null ? slugFrom(name) : f.slug }))
          }
          error={err('name')}
          required
        />
        {venue === null ? (
          <TextField
            path="slug"
            label="Short name for web addresses"
            hint="Used in feed addresses; it cannot be changed later."
            value={form.slug}
            onInput={set('slug')}
            error={err('slug')}
            required
          />
        ) : null}
        <SelectField
          path="areaSlug"
          label="Area"
          value={form.areaSlug}
          options={props.areas.map((a) => ({ value: a.slug, label: a.name }))}
          onChange={set('areaSlug')}
          error={err('areaSlug')}
        />
        <Checkbox
          path="isHub"
          label="A Worcester Community Trust hub"
          checked={form.isHub}
          onChange={set('isHub')}
          error={err('isHub')}
        />
        <TextField
          path="address"
          label="Street address"
          value={form.address}
          onInput={set('address')}
          error={err('address')}
          required
        />
        <TextField
          path="postcode"
          label="Postcode"
          value={form.postcode}
          onInput={set('postcode')}
          error={err('postcode')}
          width="short"
        />
        <VenueAddressFieldset venue={venue} />
        <TextField
          path="phone"
          label="Phone"
          type="tel"
          value={form.phone}
          onInput={set('phone')}
          error={err('phone')}
          width="medium"
        />
        <div class="inline-fields">
          <TextField
            path="latitude"
            label="Latitude"
            value={form.latitude}
            onInput={set('latitude')}
            error={err('latitude')}
            width="short"
          />
          <TextField
            path="longitude"
            label="Longitude"
            value={form.longitude}
            onInput={set('longitude')}
            error={err('longitude')}
            width="short"
          />
        </div>
        <fieldset class="field fieldset" id="f-accessibility" tabIndex={-1}>
          <legend>Accessibility</legend>
          {ACCESSIBILITY_FEATURES.map((feature) => (
            <Checkbox
              key={feature}
              path={`accessibility.${feature}`}
              label={ACCESSIBILITY_LABELS[feature]}
              checked={form[feature]}
              onChange={set(feature)}
            />
          ))}
        </fieldset>
        <TextArea
          path="accessibility.notes"
          label="Accessibility notes"
          value={form.notes}
          onInput={set('notes')}
          error={err('accessibility.notes')}
          rows={3}
        />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {venue ? 'Save venue' : 'Add venue'}
          </button>
          {venue ? (
            <button type="button" class="button button--secondary" onClick={props.onCancel}>
              Stop editing
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
