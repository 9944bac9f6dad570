// A group's own age range ("Ages 11 to 18" on the kiosk), saved on its own. Left empty, the kiosk
// reads a range from the description instead, as it did before groups had ages.
import type { Group } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { write } from '../../common/api-client.ts';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { ErrorSummary, TextField } from './form-fields.tsx';
import { Notice } from './page.tsx';

/** What the API is sent for one box: null when empty, a number when it reads as one. */
function ageOf(value: string): number | string | null {
  const v = value.trim();
  if (v === '') return null;
  // Anything else goes as typed, so the API's 400 says what is wrong with it.
  return /^-?\d+(?:\.\d+)?$/.test(v) ? Number(v) : v;
}

export function GroupAgesFieldset({ group }: { group: Group | null }) {
  const [minAge, setMinAge] = useState(String(group?.minAge ?? ''));
  const [maxAge, setMaxAge] = useState(String(group?.maxAge ?? ''));
  const [errors, setErrors] = useState(NO_ERRORS);
  const [saved, setSaved] = useState('');
  if (group === null) {
    return <p class="hint">Once the group is saved you can give the ages it is for.</p>;
  }

  async function save(event: Event) {
    event.preventDefault();
    if (group === null) return;
    setSaved('');
    try {
      await write('PATCH', `/api/groups/${group.slug}`, {
        minAge: ageOf(minAge),
        maxAge: ageOf(maxAge),
      });
      setErrors(NO_ERRORS);
      setSaved('Ages saved.');
    } catch (error) {
      setErrors(errorsFrom(error, ['minAge', 'maxAge']));
    }
  }

  return (
    <fieldset class="field fieldset" id="f-ages" tabIndex={-1}>
      <legend>Ages it is for</legend>
      <p class="hint">
        Shown as "Ages 11 to 18". Leave both empty if it is for any age, or the description says.
      </p>
      <ErrorSummary errors={errors} />
      {saved ? <Notice message={saved} /> : null}
      <TextField
        path="minAge"
        label="Youngest age"
        type="number"
        width="short"
        min="0"
        max="120"
        value={minAge}
        onInput={setMinAge}
        error={errors.fields.minAge}
      />
      <TextField
        path="maxAge"
        label="Oldest age"
        type="number"
        width="short"
        min="0"
        max="120"
        value={maxAge}
        onInput={setMaxAge}
        error={errors.fields.maxAge}
      />
      <button type="button" class="button button--secondary" onClick={(e) => void save(e)}>
        Save ages
      </button>
    </fieldset>
  );
}
