import { WAYS } from '@fiveways/shared';
import { SUGGESTION_LIMITS } from '@fiveways/shared/suggestion-limits';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, getParsed, request } from '../../common/api-client.ts';
import { useDocumentTitle } from '../../common/use-document-title.ts';
import { loadSuggestMessages, suggestEn, type SuggestMessages } from '../../i18n/suggest/index.ts';
import { WayIcon } from '../../kiosk/components/icons.tsx';
import { PublicLayout } from '../components/public-layout.tsx';
import { usePublic } from '../hooks/use-public.ts';
import {
  checkSuggestForm,
  EMPTY_SUGGESTION,
  fillWords,
  ORDER,
  refusalOf,
  type Errors,
  type Field,
  type Say,
  type SuggestForm,
  withoutErrors,
} from '../suggest-form.ts';
import '../suggest.css';

/** /suggest: tell us about a group the directory is missing, from a phone, with no account. */
export function SuggestPage() {
  return (
    <PublicLayout>
      <SuggestContent />
    </PublicLayout>
  );
}

function useSuggestWords(): SuggestMessages | null {
  const { t } = usePublic();
  const [words, setWords] = useState<SuggestMessages | null>(
    t.language === 'en' ? suggestEn : null,
  );
  useEffect(() => {
    if (t.language === 'en') return;
    loadSuggestMessages(t.language).then(setWords, () => setWords(suggestEn));
  }, [t.language]);
  return words;
}

function SuggestContent() {
  const words = useSuggestWords();
  if (words === null) return <p class="pub-status" role="status" aria-label="…" />;
  return <SuggestForm words={words} />;
}

async function fetchFormToken(): Promise<string> {
  const answer = await getParsed('/api/suggestions/form-token', (s) => s.SuggestionFormTokenSchema);
  return answer.token;
}

function SuggestForm({ words }: { words: SuggestMessages }) {
  const { t } = usePublic();
  const say: Say = (key, values) => fillWords(words[key], values);
  useDocumentTitle(say('suggestTitle'), t.t('siteName'));
  const [form, setForm] = useState<SuggestForm>(EMPTY_SUGGESTION);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState('');
  const [state, setState] = useState<'editing' | 'sending' | 'sent'>('editing');
  const [withEmail, setWithEmail] = useState(false);
  const token = useRef<Promise<string> | null>(null);
  const summary = useRef<HTMLDivElement | null>(null);
  const thanks = useRef<HTMLHeadingElement | null>(null);

  function newToken() {
    const next = fetchFormToken();
    // A failed fetch is tried again when the form is sent.
    next.catch(() => {
      if (token.current === next) token.current = null;
    });
    token.current = next;
  }
  useEffect(newToken, []);
  useEffect(() => {
    if (state === 'sent') thanks.current?.focus();
  }, [state]);

  const set =
    <K extends keyof SuggestForm>(key: K) =>
    (value: SuggestForm[K]) => {
      setForm((f) => ({ ...f, [key]: value }));
      // A field the person has just changed no longer shows its old problem (nor does the tick
      // once the contact it was about changes).
      const next = withoutErrors(errors, key === 'groupContact' ? [key, 'groupAgreed'] : [key]);
      setErrors(next);
      if (Object.keys(next).length === 0 && message === say('errorSummary')) setMessage('');
    };

  async function send(e: Event) {
    e.preventDefault();
    if (state === 'sending') return;
    const found = checkSuggestForm(form, say);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage(say('errorSummary'));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setMessage('');
    setState('sending');
    try {
      if (token.current === null) newToken();
      const formToken = await (token.current ?? fetchFormToken());
      await request('POST', '/api/suggestions', {
        body: { ...form, language: t.language, formToken },
      });
      setWithEmail(form.replyEmail.trim() !== '');
      setState('sent');
    } catch (error) {
      const refusal = refusalOf(error, say);
      // A stale or unreadable form gets a fresh token; pressing Send again then works.
      if (error instanceof ApiError && /^form_/.test(error.code)) newToken();
      setErrors(refusal.fields);
      setMessage(refusal.message);
      setState('editing');
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  if (state === 'sent') {
    return (
      <section class="sg-thanks" aria-labelledby="sg-thanks">
        <h1 id="sg-thanks" tabIndex={-1} ref={thanks}>
          {say('thanksHeading')}
        </h1>
        <p class="pub-lead">{say('thanksText')}</p>
        {withEmail ? <p>{say('thanksEmail')}</p> : null}
        <button
          type="button"
          class="pub-button"
          onClick={() => {
            setForm(EMPTY_SUGGESTION);
            setErrors({});
            newToken();
            setState('editing');
          }}
        >
          {say('suggestAnother')}
        </button>
      </section>
    );
  }

  const listed = ORDER.filter((f) => errors[f] !== undefined);
  return (
    <>
      <h1>{say('suggestHeading')}</h1>
      <p class="pub-lead">{say('suggestLead')}</p>
      <p>{say('suggestReview')}</p>
      <div ref={summary} tabIndex={-1} class="sg-summary-wrap">
        {message !== '' ? (
          <div class="sg-summary" role="alert">
            <p class="sg-summary-title">{message}</p>
            {listed.length > 0 ? (
              <ul>
                {listed.map((f) => (
                  <li key={f}>
                    <a href={`#sg-${f}`}>{errors[f]}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <form class="sg-form" onSubmit={(e) => void send(e)} noValidate>
        <TextInput
          field="name"
          label={say('nameLabel')}
          hint={say('nameHint')}
          value={form.name}
          onInput={set('name')}
          error={errors.name}
          max={SUGGESTION_LIMITS.name}
        />
        <TextInput
          field="what"
          label={say('whatLabel')}
          hint={say('whatHint')}
          value={form.what}
          onInput={set('what')}
          error={errors.what}
          max={SUGGESTION_LIMITS.what}
          multiline
        />
        <TextInput
          field="where"
          label={say('whereLabel')}
          hint={say('whereHint')}
          value={form.where}
          onInput={set('where')}
          error={errors.where}
          max={SUGGESTION_LIMITS.where}
        />
        <TextInput
          field="when"
          label={say('whenLabel')}
          hint={say('whenHint')}
          value={form.when}
          onInput={set('when')}
          error={errors.when}
          max={SUGGESTION_LIMITS.when}
        />
        <fieldset class="sg-ways" aria-describedby="sg-ways-hint">
          <legend>
            {say('waysLegend')} <span class="sg-optional">{say('optional')}</span>
          </legend>
          <p class="sg-hint" id="sg-ways-hint">
            {say('waysHint')}
          </p>
          <div class="sg-way-list">
            {WAYS.map((way) => {
              const on = form.ways.includes(way.slug);
              return (
                <label key={way.slug} class={`sg-way sg-way-${way.slug}${on ? ' sg-way-on' : ''}`}>
                  <input
                    type="checkbox"
                    name="ways"
                    value={way.slug}
                    checked={on}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      setForm((f) => ({
                        ...f,
                        ways: checked
                          ? WAYS.map((w) => w.slug).filter(
                              (s) => s === way.slug || f.ways.includes(s),
                            )
                          : f.ways.filter((s) => s !== way.slug),
                      }));
                    }}
                  />
                  <WayIcon way={way.slug} size={36} />
                  <span class="sg-way-text">
                    <span class="sg-way-name">{t.t(`way.${way.slug}`)}</span>
                    <span class="sg-way-meaning">{t.t(`way.${way.slug}.meaning`)}</span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <TextInput
          field="groupContact"
          label={`${say('contactLabel')} ${say('optional')}`}
          hint={say('contactHint')}
          value={form.groupContact}
          onInput={set('groupContact')}
          error={errors.groupContact}
          max={SUGGESTION_LIMITS.groupContact}
        />
        <div class={`sg-field sg-check${errors.groupAgreed ? ' sg-invalid' : ''}`}>
          {errors.groupAgreed ? (
            <p class="sg-error" id="sg-groupAgreed-error">
              {errors.groupAgreed}
            </p>
          ) : null}
          <label>
            <input
              type="checkbox"
              id="sg-groupAgreed"
              checked={form.groupAgreed}
              onChange={(e) => set('groupAgreed')(e.currentTarget.checked)}
              aria-invalid={errors.groupAgreed ? 'true' : undefined}
              aria-describedby={errors.groupAgreed ? 'sg-groupAgreed-error' : undefined}
            />
            <span>{say('agreedLabel')}</span>
          </label>
        </div>
        <TextInput
          field="replyEmail"
          label={say('emailLabel')}
          hint={say('emailHint')}
          value={form.replyEmail}
          onInput={set('replyEmail')}
          error={errors.replyEmail}
          max={SUGGESTION_LIMITS.replyEmail}
          type="email"
        />
        {/* Hidden from people and their screen readers; a script filling every field fills it. */}
        <div class="sg-trap" aria-hidden="true">
          <label for="sg-website">{say('honeypotLabel')}</label>
          <input
            id="sg-website"
            name="website"
            type="text"
            tabIndex={-1}
            autocomplete="off"
            value={form.website}
            onInput={(e) => set('website')(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="pub-button sg-send" disabled={state === 'sending'}>
          {state === 'sending' ? say('sending') : say('send')}
        </button>
      </form>
    </>
  );
}

interface TextInputProps {
  field: Field;
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
  error: string | undefined;
  max: number;
  multiline?: boolean;
  type?: 'text' | 'email';
}

function TextInput({
  field,
  label,
  hint,
  value,
  onInput,
  error,
  max,
  multiline,
  type,
}: TextInputProps) {
  const id = `sg-${field}`;
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: field,
    value,
    maxLength: max,
    'aria-describedby': described,
    'aria-invalid': error ? ('true' as const) : undefined,
    // Typed text may be in any script, whatever the page's direction.
    dir: type === 'email' ? ('ltr' as const) : ('auto' as const),
  };
  return (
    <div class={`sg-field${error ? ' sg-invalid' : ''}`}>
      <label for={id}>{label}</label>
      <p class="sg-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p class="sg-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={4} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : type === 'email' ? (
        <input
          {...common}
          type="email"
          autocomplete="email"
          inputMode="email"
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          autocomplete="off"
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    </div>
  );
}
