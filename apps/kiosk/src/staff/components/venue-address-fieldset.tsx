// A venue's address in parts (what open data publishes), filled from the one-line address when
// the venue was made; staff check and correct it here and save it on its own.
import type { Venue } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { write } from '../../common/api-client.ts';
import { errorsFrom, NO_ERRORS } from '../hooks/form-errors.ts';
import { ErrorSummary, TextField } from './form-fields.tsx';
import { Notice } from './page.tsx';

const PARTS = ['address1', 'city', 'stateProvince', 'country'] as const;

export function VenueAddressFieldset({ venue }: { venue: Venue | null }) {
  const [parts, setParts] = useState({
    address1: venue?.address1 ?? '',
    city: venue?.city ?? '',
    stateProvince: venue?.stateProvince ?? '',
    country: venue?.country ?? 'GB',
  });
  const [errors, setErrors] = useState(NO_ERRORS);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  if (venue === null) {
    return (
      <p class="hint">
        The address in parts (for open data) is worked out from the street address when you add the
        venue; check it afterwards.
      </p>
    );
  }
  const set = (key: (typeof PARTS)[number]) => (value: string) =>
    setParts((p) => ({ ...p, [key]: value }));

  async function save() {
    if (venue === null) return;
    setBusy(true);
    setSaved('');
    try {
      await write('PATCH', `/api/venues/${venue.slug}`, parts);
      setErrors(NO_ERRORS);
      setSaved('Address parts saved.');
    } catch (error) {
      setErrors(errorsFrom(error, PARTS));
    }
    setBusy(false);
  }

  return (
    <fieldset class="field fieldset" id="f-address-parts" tabIndex={-1}>
      <legend>Address in parts, for open data</legend>
      <p class="hint">Filled in from the street address: check each part.</p>
      <ErrorSummary errors={errors} />
      {saved ? <Notice message={saved} /> : null}
      <TextField
        path="address1"
        label="First line"
        value={parts.address1}
        onInput={set('address1')}
        error={errors.fields.address1}
      />
      <TextField
        path="city"
        label="Town or city"
        value={parts.city}
        onInput={set('city')}
        error={errors.fields.city}
        width="medium"
      />
      <TextField
        path="stateProvince"
        label="County"
        value={parts.stateProvince}
        onInput={set('stateProvince')}
        error={errors.fields.stateProvince}
        width="medium"
      />
      <TextField
        path="country"
        label="Country code"
        hint="Two letters, GB for the United Kingdom."
        value={parts.country}
        onInput={set('country')}
        error={errors.fields.country}
        width="short"
      />
      <button
        type="button"
        class="button button--secondary"
        disabled={busy}
        onClick={() => void save()}
      >
        Save the address parts
      </button>
    </fieldset>
  );
}
