// Who runs a group (its organisation in open data), chosen from the organisations admins keep;
// saved on its own. A new group is run by Worcester Community Trust until changed here.
import type { Group } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { getParsed, write } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { ErrorSummary, SelectField } from './form-fields.tsx';
import { Notice } from './page.tsx';

export function GroupOrganisationFieldset({ group }: { group: Group | null }) {
  const [loaded] = useLoad(
    (signal) => getParsed('/api/organisations', (s) => s.OrganisationListSchema, signal),
    'organisations',
  );
  const [chosen, setChosen] = useState(String(group?.organisationId ?? ''));
  const [errors, setErrors] = useState(NO_ERRORS);
  const [saved, setSaved] = useState('');
  if (group === null) {
    return <p class="hint">Once the group is saved you can say which organisation runs it.</p>;
  }
  if (loaded.status !== 'ready') return null;

  async function save(value: string) {
    if (group === null) return;
    setChosen(value);
    setSaved('');
    try {
      await write('PATCH', `/api/groups/${group.slug}`, { organisationId: Number(value) });
      setErrors(NO_ERRORS);
      setSaved('Organisation saved.');
    } catch (error) {
      setErrors(errorsFrom(error, ['organisationId']));
    }
  }

  return (
    <fieldset class="field fieldset" id="f-organisation" tabIndex={-1}>
      <legend>Who runs it</legend>
      <ErrorSummary errors={errors} />
      {saved ? <Notice message={saved} /> : null}
      <SelectField
        path="organisationId"
        label="Organisation"
        hint="Shown to partners in the open data. Admins add organisations."
        value={chosen}
        options={loaded.data.map((o) => ({ value: String(o.id), label: o.name }))}
        onChange={(v) => void save(v)}
        error={errors.fields.organisationId}
      />
    </fieldset>
  );
}
