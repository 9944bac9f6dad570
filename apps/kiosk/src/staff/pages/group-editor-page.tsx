import {
  AUDIENCES,
  WAYS,
  type Area,
  type Group,
  type GroupSuggestion,
  type Venue,
} from '@fiveways/shared';
import { useLocation } from 'preact-iso/router';
import { useRef, useState } from 'preact/hooks';
import { getParsed, write, writeParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { ArchiveDialog } from '../components/archive-dialog.tsx';
import { TranslationFields } from '../components/translation-fields.tsx';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type Option,
} from '../components/form-fields.tsx';
import { GroupAgesFieldset } from '../components/group-ages-fieldset.tsx';
import { GroupCalendarSection } from '../components/group-calendar-section.tsx';
import { GroupOrganisationFieldset } from '../components/group-organisation-fieldset.tsx';
import { Link } from '../components/link.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { useAuth } from '../hooks/use-auth.ts';
import { groupLockOf, useLockedForm } from '../record-scope.ts';
import { slugFrom } from '../slug.ts';
import { approveAsGroup, loadSuggestion, suggestionIdOf } from '../suggestion-approval.ts';
import { draftFromSuggestion } from '../suggestion-prefill.ts';
import { defaultVenueOf, venueOptionsOf } from '../venue-options.ts';

interface GroupForm {
  slug: string;
  name: string;
  description: string;
  ways: string[];
  areaSlugs: string[];
  audiences: string[];
  free: boolean;
  costText: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  contactWebsite: string;
  languages: string;
  accessibility: string;
  venueSlug: string;
}

const FIELDS = [
  'slug',
  'name',
  'description',
  'ways',
  'areaSlugs',
  'audiences',
  'cost',
  'cost.text',
  'contact.name',
  'contact.phone',
  'contact.email',
  'contact.website',
  'languages',
  'accessibility',
  'venueSlug',
];

function formOf(g: Group | null, venue: string): GroupForm {
  return {
    slug: g?.slug ?? '',
    name: g?.name ?? '',
    description: g?.description ?? '',
    ways: g ? [...g.ways] : [],
    areaSlugs: g ? [...g.areaSlugs] : [],
    audiences: g ? [...g.audiences] : [],
    free: g?.cost.free ?? true,
    costText: g?.cost.text ?? '',
    contactName: g?.contact.name ?? '',
    contactPhone: g?.contact.phone ?? '',
    contactEmail: g?.contact.email ?? '',
    contactWebsite: g?.contact.website ?? '',
    languages: g ? g.languages.join(', ') : 'English',
    accessibility: g?.accessibility ?? '',
    venueSlug: g ? (g.venueSlug ?? '') : venue,
  };
}

function bodyOf(f: GroupForm, creating: boolean): Record<string, unknown> {
  return {
    ...(creating ? { slug: f.slug.trim() } : {}),
    name: f.name,
    description: f.description,
    ways: f.ways,
    areaSlugs: f.areaSlugs,
    audiences: f.audiences,
    cost: { free: f.free, text: f.costText },
    contact: {
      name: f.contactName,
      phone: f.contactPhone,
      email: f.contactEmail,
      website: f.contactWebsite,
    },
    languages: f.languages
      .split(',')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    accessibility: f.accessibility,
    venueSlug: f.venueSlug === '' ? null : f.venueSlug,
  };
}

interface Data {
  group: Group | null;
  areas: Area[];
  venues: Venue[];
  /** Every venue, to name one this person does not look after. */
  allVenues: Venue[];
  /** The suggestion a new group is being made from, if any. */
  suggestion: GroupSuggestion | null;
}

export function GroupEditorPage({ slug }: { slug: string | null }) {
  const { me } = useAuth();
  const { query } = useLocation();
  const suggestionId = slug === null ? suggestionIdOf(query) : null;
  const [loaded, reload] = useLoad(
    async (signal): Promise<Data> => {
      const [group, areas, venues, suggestion] = await Promise.all([
        slug === null
          ? Promise.resolve(null)
          : getParsed(`/api/groups/${encodeURIComponent(slug)}`, (s) => s.GroupSchema, signal),
        getParsed('/api/areas', (s) => s.AreaListSchema, signal),
        getParsed('/api/venues', (s) => s.VenueListSchema, signal),
        suggestionId === null ? Promise.resolve(null) : loadSuggestion(suggestionId, signal),
      ]);
      const mine = me.role === 'admin' ? venues : venues.filter((v) => me.venues.includes(v.slug));
      return { group, areas, venues: mine, allVenues: venues, suggestion };
    },
    slug ?? `new-${suggestionId ?? ''}`,
  );
  if (loaded.status !== 'ready') {
    return (
      <Page title={slug === null ? 'Add a group' : 'Edit group'}>
        <LoadState loaded={loaded} />
      </Page>
    );
  }
  return <GroupEditor key={slug ?? 'new'} data={loaded.data} reload={reload} />;
}

function GroupEditor({ data, reload }: { data: Data; reload: () => Promise<void> }) {
  const { me } = useAuth();
  const { query, route } = useLocation();
  const group = data.group;
  const suggestion = group === null ? data.suggestion : null;
  const [form, setForm] = useState(() => {
    const blank = formOf(group, me.role === 'admin' ? '' : defaultVenueOf(data.venues, me));
    return suggestion === null ? blank : { ...blank, ...draftFromSuggestion(suggestion) };
  });
  const meetsAt =
    group?.venueSlug == null
      ? null
      : (data.allVenues.find((v) => v.slug === group.venueSlug) ?? {
          slug: group.venueSlug,
          name: group.venueSlug,
        });
  const lock = group === null ? null : groupLockOf(me, meetsAt);
  const formRef = useRef<HTMLFormElement | null>(null);
  useLockedForm(formRef, lock !== null);
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState(query.saved === 'created' ? 'Added to the directory.' : '');
  const [confirmArchive, setConfirmArchive] = useState(false);
  const set =
    <K extends keyof GroupForm>(key: K) =>
    (value: GroupForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const err = (path: string) => errors.fields[path];

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setNotice('');
    try {
      if (group === null) {
        const created = await writeParsed(
          'POST',
          '/api/groups',
          bodyOf(form, true),
          (s) => s.GroupSchema,
        );
        if (suggestion !== null) {
          route(await approveAsGroup(suggestion.id, created.slug), true);
          return;
        }
        route(`/staff/groups/${created.slug}?saved=created`, true);
        return;
      }
      await write('PATCH', `/api/groups/${group.slug}`, bodyOf(form, false));
      setErrors(NO_ERRORS);
      setNotice('Saved.');
      await reload();
    } catch (error) {
      setErrors(errorsFrom(error, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const venueOptions: Option[] = [
    ...(me.role === 'admin' ? [{ value: '', label: 'No particular venue' }] : []),
    ...venueOptionsOf(data.venues),
  ];
  if (meetsAt !== null && !venueOptions.some((o) => o.value === meetsAt.slug)) {
    venueOptions.push({ value: meetsAt.slug, label: meetsAt.name });
  }

  return (
    <Page title={group ? `Edit: ${group.name}` : 'Add a group'}>
      {notice ? <Notice message={notice} /> : null}
      {lock ? <p class="read-only-note">{lock}</p> : null}
      {suggestion ? (
        <p class="read-only-note">
          Filled in from the suggestion “{suggestion.name}”. Check every field (and choose where it
          meets) before adding it: adding the group approves the suggestion.
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form ref={formRef} onSubmit={(e) => void save(e)} noValidate aria-label="Group details">
        <TextField
          path="name"
          label="Name"
          value={form.name}
          onInput={(name) =>
            setForm((f) => ({
              ...f,
              name,
              slug: group === null && !slugEdited ? slugFrom(name) : f.slug,
            }))
          }
          error={err('name')}
          required
        />
        {group === null ? (
          <TextField
            path="slug"
            label="Short name for web addresses"
            hint="Lower-case letters, digits and dashes. It cannot be changed later."
            value={form.slug}
            onInput={(v) => {
              setSlugEdited(true);
              set('slug')(v);
            }}
            error={err('slug')}
            width="medium"
            required
          />
        ) : null}
        <TextArea
          path="description"
          label="What the group does"
          value={form.description}
          onInput={set('description')}
          error={err('description')}
        />
        <CheckboxGroup
          path="ways"
          legend="Ways to wellbeing"
          options={WAYS.map((w) => ({ value: w.slug, label: w.name }))}
          values={form.ways}
          onChange={set('ways')}
          error={err('ways')}
          inline
        />
        <CheckboxGroup
          path="areaSlugs"
          legend="Areas it serves (optional)"
          options={data.areas.map((a) => ({ value: a.slug, label: a.name }))}
          values={form.areaSlugs}
          onChange={set('areaSlugs')}
          error={err('areaSlugs')}
          inline
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
        <SelectField
          path="venueSlug"
          label="Where it usually meets"
          value={form.venueSlug}
          options={venueOptions}
          onChange={set('venueSlug')}
          error={err('venueSlug')}
        />
        <GroupOrganisationFieldset group={group} />
        <GroupAgesFieldset group={group} />
        <TextField
          path="languages"
          label="Languages spoken"
          hint="Separate them with commas, for example “English, Polish, Urdu”."
          value={form.languages}
          onInput={set('languages')}
          error={err('languages')}
        />
        <TextArea
          path="accessibility"
          label="Accessibility"
          value={form.accessibility}
          onInput={set('accessibility')}
          error={err('accessibility')}
          rows={3}
        />
        <h2>Cost</h2>
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
          value={form.costText}
          onInput={set('costText')}
          error={err('cost.text')}
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
        <div class="button-row">
          {lock ? null : (
            <button type="submit" class="button" disabled={busy}>
              {group ? 'Save changes' : 'Add group'}
            </button>
          )}
          <Link href="/staff/groups">Back to groups</Link>
        </div>
      </form>
      <TranslationFields
        path={group ? `/api/groups/${group.slug}` : null}
        translations={group?.translations}
        titleLabel="Name"
      />
      {group ? (
        <GroupCalendarSection group={group} venues={data.venues} readOnly={lock !== null} />
      ) : null}
      {group && lock === null ? (
        <section class="form-section" aria-labelledby="archive-title">
          <h2 id="archive-title">Archive this group</h2>
          <p>
            Archiving takes the group out of the kiosk and the directory. Use it when the group has
            stopped meeting.
          </p>
          <button
            type="button"
            class="button button--warning"
            onClick={() => setConfirmArchive(true)}
          >
            Archive group
          </button>
          {confirmArchive ? (
            <ArchiveDialog
              name={group.name}
              consequence="Residents will no longer find it in the kiosk."
              onConfirm={async () => {
                await write('DELETE', `/api/groups/${group.slug}`);
                route('/staff/groups?archived=1');
              }}
              onClose={() => setConfirmArchive(false)}
            />
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
