// Labelled form controls with their hint and error beside them, and the error summary.

import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { fieldId, hasErrors, type FormErrors } from '../hooks/form-errors.ts';

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((s) => s !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'url' | 'tel';
  autoComplete?: string;
  required?: boolean;
  width?: 'short' | 'medium' | 'full';
  min?: string;
  max?: string;
  disabled?: boolean;
}

export function TextField(props: TextFieldProps) {
  const id = fieldId(props.path);
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? null : <span class="optional"> (optional)</span>}
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <input
        id={id}
        name={props.path}
        class={`input input--${props.width ?? 'full'}`}
        // Preact types each input type apart; tsc needs the union narrowed to one of them.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        autocomplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        min={props.min}
        max={props.max}
        disabled={props.disabled}
      />
    </div>
  );
}

interface TextAreaProps {
  path: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  rows?: number;
  disabled?: boolean;
}

export function TextArea(props: TextAreaProps) {
  const id = fieldId(props.path);
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label for={id}>
        {props.label}
        <span class="optional"> (optional)</span>
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <textarea
        id={id}
        name={props.path}
        class="input input--full"
        rows={props.rows ?? 4}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        disabled={props.disabled}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  /** Options with a group are shown under its heading (an optgroup), in the order given. */
  group?: string;
  /** A tag shown beside a tick box's label, outside it (for example "Hub"). */
  badge?: string;
}

/** Options as <option>s, under an <optgroup> per group where they have one. */
function OptionList({ options }: { options: readonly Option[] }) {
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  if (groups.length === 1 && groups[0] === '') {
    return (
      <>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </>
    );
  }
  return (
    <>
      {groups.map((g) => {
        const inside = options
          .filter((o) => (o.group ?? '') === g)
          .map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ));
        return g === '' ? (
          inside
        ) : (
          <optgroup key={g} label={g}>
            {inside}
          </optgroup>
        );
      })}
    </>
  );
}

interface SelectFieldProps {
  path: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const id = fieldId(props.path);
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required === false ? <span class="optional"> (optional)</span> : null}
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <select
        id={id}
        name={props.path}
        class="input input--medium"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        disabled={props.disabled}
      >
        <OptionList options={props.options} />
      </select>
    </div>
  );
}

interface ChoiceGroupProps {
  path: string;
  legend: string;
  options: readonly Option[];
  error?: string | undefined;
  hint?: string;
  inline?: boolean;
}

/** Tick boxes: any number of values. */
export function CheckboxGroup(
  props: ChoiceGroupProps & { values: readonly string[]; onChange: (values: string[]) => void },
) {
  const id = fieldId(props.path);
  const toggle = (value: string, on: boolean) => {
    const next = props.options
      .map((o) => o.value)
      .filter((v) => (v === value ? on : props.values.includes(v)));
    props.onChange(next);
  };
  return (
    <fieldset
      class={`field fieldset${props.error ? ' field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <div class={props.inline ? 'check-list check-list--inline' : 'check-list'}>
        {props.options.map((o) => (
          <div class="check-item" key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              name={props.path}
              value={o.value}
              checked={props.values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.currentTarget.checked)}
            />
            <label for={`${id}-${o.value}`}>{o.label}</label>
            {o.badge ? <span class="badge badge--hub">{o.badge}</span> : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Radio buttons: exactly one value; children render under the group (for conditional fields). */
export function RadioGroup(
  props: ChoiceGroupProps & {
    value: string;
    onChange: (value: string) => void;
    children?: ComponentChildren;
  },
) {
  const id = fieldId(props.path);
  return (
    <fieldset
      class={`field fieldset${props.error ? ' field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <div class={props.inline ? 'check-list check-list--inline' : 'check-list'}>
        {props.options.map((o) => (
          <div class="check-item" key={o.value}>
            <input
              type="radio"
              id={`${id}-${o.value}`}
              name={props.path}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
            />
            <label for={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {props.children}
    </fieldset>
  );
}

/** One tick box on its own. */
export function Checkbox(props: {
  path: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string | undefined;
}) {
  const id = fieldId(props.path);
  return (
    <div class={`field check-item${props.error ? ' field--error' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={props.path}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

/**
 * The box at the top of a form listing every problem, each linking to its field. It takes focus
 * when it appears so screen-reader and keyboard users land on it.
 */
export function ErrorSummary({
  errors,
  labels,
  prefix = '',
}: {
  errors: FormErrors;
  labels?: Record<string, string>;
  /** Put before each path to find its field, when the form's fields carry a prefix. */
  prefix?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const show = hasErrors(errors);
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [errors, show]);
  if (!show) return null;
  const entries = Object.entries(errors.fields);
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId}>{errors.message || 'There is a problem'}</h2>
      {entries.length > 0 || errors.other.length > 0 ? (
        <ul>
          {entries.map(([path, message]) => (
            <li key={path}>
              <a
                href={`#${fieldId(prefix + path)}`}
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(fieldId(prefix + path));
                  el?.focus();
                  el?.scrollIntoView({ block: 'center' });
                }}
              >
                {labels?.[path] ? `${labels[path]}: ` : ''}
                {message}
              </a>
            </li>
          ))}
          {errors.other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
