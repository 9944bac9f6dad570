// Optional translations of a session's or group's title and description, saved on their own so
// the editor's main form stays as it is: residents who chose Polish, Romanian or Urdu see them.
import {
  CONTENT_LANGUAGE_NAMES,
  CONTENT_LANGUAGES,
  TRANSLATED_SUMMARY_MAX,
  TRANSLATED_TITLE_MAX,
  type ContentLanguage,
} from '@fiveways/shared/content-language';
import type { Translations } from '@fiveways/shared';
import { useState } from 'preact/hooks';
import { write } from '../../common/api-client.ts';
import { errorsFrom, fieldId, NO_ERRORS } from '../hooks/form-errors.ts';
import { ErrorSummary } from './form-fields.tsx';

type Draft = Record<ContentLanguage, { title: string; summary: string }>;

const PATHS = CONTENT_LANGUAGES.flatMap((l) => [
  `translations.${l}.title`,
  `translations.${l}.summary`,
  `translations.${l}`,
]).concat(['translations']);

function draftOf(translations: Translations | undefined): Draft {
  const one = (l: ContentLanguage) => ({
    title: translations?.[l]?.title ?? '',
    summary: translations?.[l]?.summary ?? '',
  });
  return { pl: one('pl'), ro: one('ro'), ur: one('ur') };
}

interface TranslationFieldsProps {
  /** Where the item is changed (PATCH); null while it is being added. */
  path: string | null;
  translations: Translations | undefined;
  /** "Title" for a session, "Name" for a group. */
  titleLabel: string;
}

/** A section with a title and a description for each language, and its own Save button. */
export function TranslationFields({ path, translations, titleLabel }: TranslationFieldsProps) {
  const [draft, setDraft] = useState(() => draftOf(translations));
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  if (path === null) {
    return (
      <section class="form-section" aria-labelledby="translations-title">
        <h2 id="translations-title">Translations (optional)</h2>
        <p>Save first; then you can add the title and description in other languages here.</p>
      </section>
    );
  }

  const set = (l: ContentLanguage, part: 'title' | 'summary') => (value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [l]: { ...d[l], [part]: value } }));
  };

  async function save() {
    if (path === null) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await write('PATCH', path, { translations: draft });
      setSaved(true);
    } catch (error) {
      setErrors(errorsFrom(error, PATHS));
    } finally {
      setBusy(false);
    }
  }

  const err = (p: string) => errors.fields[p];
  return (
    <section class="form-section" aria-labelledby="translations-title">
      <h2 id="translations-title">Translations (optional)</h2>
      <p class="hint">
        Residents who choose Polish, Romanian or Urdu at the kiosk or on their phone see these in
        place of the English. Leave a language empty and they see the English with a note that the
        details are in English. Times, places and contacts need no translating.
      </p>
      <ErrorSummary errors={errors} />
      {CONTENT_LANGUAGES.map((l) => {
        const name = CONTENT_LANGUAGE_NAMES[l];
        const titlePath = `translations.${l}.title`;
        const summaryPath = `translations.${l}.summary`;
        const titleError = err(titlePath) ?? err(`translations.${l}`);
        const summaryError = err(summaryPath);
        return (
          <fieldset key={l} class="fieldset">
            <legend>{name}</legend>
            <div class={`field${titleError ? ' field--error' : ''}`}>
              <label for={fieldId(titlePath)}>
                {titleLabel} in {name}
                <span class="optional"> (optional)</span>
              </label>
              {titleError ? (
                <p class="field-error" id={`${fieldId(titlePath)}-error`}>
                  <span class="visually-hidden">Error: </span>
                  {titleError}
                </p>
              ) : null}
              <input
                id={fieldId(titlePath)}
                name={titlePath}
                class="input input--full"
                lang={l}
                dir="auto"
                maxLength={TRANSLATED_TITLE_MAX}
                value={draft[l].title}
                onInput={(e) => set(l, 'title')(e.currentTarget.value)}
                onKeyDown={(e) => {
                  // Enter saves these, not the editor's form around them.
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void save();
                  }
                }}
                aria-invalid={titleError ? true : undefined}
                aria-describedby={titleError ? `${fieldId(titlePath)}-error` : undefined}
              />
            </div>
            <div class={`field${summaryError ? ' field--error' : ''}`}>
              <label for={fieldId(summaryPath)}>
                Description in {name}
                <span class="optional"> (optional)</span>
              </label>
              {summaryError ? (
                <p class="field-error" id={`${fieldId(summaryPath)}-error`}>
                  <span class="visually-hidden">Error: </span>
                  {summaryError}
                </p>
              ) : null}
              <textarea
                id={fieldId(summaryPath)}
                name={summaryPath}
                class="input input--full"
                lang={l}
                dir="auto"
                rows={3}
                maxLength={TRANSLATED_SUMMARY_MAX}
                value={draft[l].summary}
                onInput={(e) => set(l, 'summary')(e.currentTarget.value)}
                aria-invalid={summaryError ? true : undefined}
                aria-describedby={summaryError ? `${fieldId(summaryPath)}-error` : undefined}
              />
            </div>
          </fieldset>
        );
      })}
      <div class="button-row">
        <button type="button" class="button" disabled={busy} onClick={() => void save()}>
          Save translations
        </button>
        {saved ? (
          <p role="status" class="hint">
            Translations saved. Residents see them straight away.
          </p>
        ) : null}
      </div>
    </section>
  );
}
