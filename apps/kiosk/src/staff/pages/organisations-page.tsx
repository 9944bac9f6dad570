// Admins keep the organisations that run groups: their names, websites, emails and charity
// numbers go out in the open data (Open Referral UK) with every group they run.
import type { Organisation } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { getParsed, write } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { ErrorSummary, TextArea, TextField } from '../components/form-fields.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';

const FIELDS = ['name', 'description', 'website', 'email', 'charityNumber'];

export function OrganisationsPage() {
  const [loaded, reload] = useLoad(
    (signal) => getParsed('/api/organisations', (s) => s.OrganisationListSchema, signal),
    'organisations',
  );
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState('');
  const edit = (organisation: Organisation | null) => {
    setEditing(organisation);
    setFormKey((k) => k + 1);
  };

  return (
    <Page title="Organisations">
      <p>Who runs each group. Partners see these with the groups in the open data.</p>
      {notice ? <Notice message={notice} /> : null}
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <div class="admin-layout">
          <table class="table">
            <caption class="visually-hidden">Organisations</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Charity number</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>{o.charityNumber}</td>
                  <td>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      onClick={() => {
                        setNotice('');
                        edit(o);
                      }}
                    >
                      Edit<span class="visually-hidden"> {o.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <OrganisationEditor
            key={formKey}
            organisation={editing}
            onSaved={async (message) => {
              setNotice(message);
              edit(null);
              await reload();
            }}
            onCancel={() => edit(null)}
          />
        </div>
      )}
    </Page>
  );
}

function OrganisationEditor(props: {
  organisation: Organisation | null;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const o = props.organisation;
  const [form, setForm] = useState({
    name: o?.name ?? '',
    description: o?.description ?? '',
    website: o?.website ?? '',
    email: o?.email ?? '',
    charityNumber: o?.charityNumber ?? '',
  });
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      if (o === null) await write('POST', '/api/organisations', form);
      else await write('PATCH', `/api/organisations/${o.id}`, form);
      await props.onSaved(o === null ? `Added ${form.name}.` : `Saved ${form.name}.`);
    } catch (error) {
      setErrors(errorsFrom(error, FIELDS));
      setBusy(false);
    }
  }

  return (
    <section class="side-panel" aria-labelledby="organisation-form-title">
      <h2 id="organisation-form-title">{o ? `Edit ${o.name}` : 'Add an organisation'}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <TextField
          path="name"
          label="Name"
          value={form.name}
          onInput={set('name')}
          error={errors.fields.name}
          required
        />
        <TextArea
          path="description"
          label="Description"
          value={form.description}
          onInput={set('description')}
          error={errors.fields.description}
          rows={3}
        />
        <TextField
          path="website"
          label="Website"
          hint="Starting with https://"
          type="url"
          value={form.website}
          onInput={set('website')}
          error={errors.fields.website}
        />
        <TextField
          path="email"
          label="Email"
          type="email"
          value={form.email}
          onInput={set('email')}
          error={errors.fields.email}
        />
        <TextField
          path="charityNumber"
          label="Charity number"
          hint="From the Charity Commission register, if it is a charity."
          value={form.charityNumber}
          onInput={set('charityNumber')}
          error={errors.fields.charityNumber}
          width="short"
        />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {o ? 'Save organisation' : 'Add organisation'}
          </button>
          {o ? (
            <button type="button" class="button button--secondary" onClick={props.onCancel}>
              Stop editing
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
