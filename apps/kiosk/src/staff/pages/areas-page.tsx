import type { Area } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { ErrorSummary, TextArea, TextField } from '../components/form-fields.tsx';
import { LoadState, Notice, Page } from '../components/page.tsx';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { useLoad } from '../../common/use-load.ts';
import { slugFrom } from '../slug.ts';
import { getParsed, write } from '../../common/api-client.ts';

const FIELDS = ['slug', 'name', 'description'];

export function AreasPage() {
  const [loaded, reload] = useLoad(
    (signal) => getParsed('/api/areas', (s) => s.AreaListSchema, signal),
    'areas',
  );
  const [editing, setEditing] = useState<Area | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState('');
  const edit = (area: Area | null) => {
    setEditing(area);
    setFormKey((k) => k + 1);
  };

  return (
    <Page title="Areas">
      <p>Neighbourhoods residents can filter by, and that each venue and group belongs to.</p>
      {notice ? <Notice message={notice} /> : null}
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <div class="admin-layout">
          <table class="table">
            <caption class="visually-hidden">Areas</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Description</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((a) => (
                <tr key={a.slug}>
                  <td class="table__lead">{a.name}</td>
                  <td data-label="Description">{a.description}</td>
                  <td>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      onClick={() => {
                        setNotice('');
                        edit(a);
                      }}
                    >
                      Edit<span class="visually-hidden"> {a.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <AreaEditor
            key={formKey}
            area={editing}
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

function AreaEditor(props: {
  area: Area | null;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const area = props.area;
  const [name, setName] = useState(area?.name ?? '');
  const [slug, setSlug] = useState(area?.slug ?? '');
  const [description, setDescription] = useState(area?.description ?? '');
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      if (area === null)
        await write('POST', '/api/areas', { slug: slug.trim(), name, description });
      else await write('PATCH', `/api/areas/${area.slug}`, { name, description });
      await props.onSaved(area === null ? `Added ${name}.` : `Saved ${name}.`);
    } catch (error) {
      setErrors(errorsFrom(error, FIELDS));
      setBusy(false);
    }
  }

  return (
    <section class="side-panel" aria-labelledby="area-form-title">
      <h2 id="area-form-title">{area ? `Edit ${area.name}` : 'Add an area'}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <TextField
          path="name"
          label="Name"
          value={name}
          onInput={(v) => {
            setName(v);
            if (area === null) setSlug(slugFrom(v));
          }}
          error={errors.fields.name}
          required
        />
        {area === null ? (
          <TextField
            path="slug"
            label="Short name for web addresses"
            hint="Used in feed addresses; it cannot be changed later."
            value={slug}
            onInput={setSlug}
            error={errors.fields.slug}
            required
          />
        ) : null}
        <TextArea
          path="description"
          label="Description"
          value={description}
          onInput={setDescription}
          error={errors.fields.description}
          rows={3}
        />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {area ? 'Save area' : 'Add area'}
          </button>
          {area ? (
            <button type="button" class="button button--secondary" onClick={props.onCancel}>
              Stop editing
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
