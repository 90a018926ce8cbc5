// The profile editor's inputs, each bound to one form key: it reads and writes the
// form there, and shows that key's problem (or warning) under itself, tied to it by
// aria-describedby so a screen reader reads the message with the input.
import { useId, type ReactNode } from 'react';
import { getField, setField, type ProfileForm } from '../../lib/profile-form';
import { Field } from '../field';

export interface EditorBinding {
  form: ProfileForm;
  /** Applies a change and marks the keys it touched: their problems then show live. */
  change(update: (form: ProfileForm) => ProfileForm, ...touched: string[]): void;
  error(key: string): string | undefined;
  warning(key: string): string | undefined;
}

export function set(b: EditorBinding, key: string, value: unknown): void {
  b.change((f) => setField(f, key, value), key);
}

interface ControlProps {
  b: EditorBinding;
  k: string;
  label: string;
  hint?: ReactNode;
  className?: string;
}

function hintOf(b: EditorBinding, k: string, hint: ReactNode): ReactNode {
  const warning = b.warning(k);
  return warning ? <span className="field-warning">{warning}</span> : hint;
}

export function TextControl({ b, k, label, hint, className, mono, placeholder }: ControlProps & { mono?: boolean; placeholder?: string }) {
  return (
    <Field label={label} error={b.error(k)} hint={hintOf(b, k, hint)} className={className}>
      {(p) => (
        <input
          {...p}
          className={mono ? 'mono' : undefined}
          value={String(getField(b.form, k) ?? '')}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => set(b, k, e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaControl({ b, k, label, hint, className, rows = 3 }: ControlProps & { rows?: number }) {
  return (
    <Field label={label} error={b.error(k)} hint={hintOf(b, k, hint)} className={className}>
      {(p) => <textarea {...p} className="mono" rows={rows} spellCheck={false} value={String(getField(b.form, k) ?? '')} onChange={(e) => set(b, k, e.target.value)} />}
    </Field>
  );
}

/** Text as typed (a half-typed or out-of-range number stays and is reported at the field). */
export function NumberControl({ b, k, label, hint, className, min, max, placeholder }: ControlProps & { min: number; max: number; placeholder?: string }) {
  return (
    <Field label={label} error={b.error(k)} hint={hintOf(b, k, hint)} className={className}>
      {(p) => (
        <input
          {...p}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          placeholder={placeholder}
          value={String(getField(b.form, k) ?? '')}
          onChange={(e) => set(b, k, e.target.value)}
        />
      )}
    </Field>
  );
}

export function SelectControl<T extends string | number>({
  b,
  k,
  label,
  hint,
  className,
  options,
  onSelect,
}: ControlProps & { options: readonly (readonly [T, string])[]; onSelect?: (value: T) => void }) {
  const current = getField(b.form, k) as T;
  return (
    <Field label={label} error={b.error(k)} hint={hintOf(b, k, hint)} className={className}>
      {(p) => (
        <select
          {...p}
          value={String(current)}
          onChange={(e) => {
            const value = options.find(([v]) => String(v) === e.target.value)?.[0];
            if (value === undefined) return;
            if (onSelect) onSelect(value);
            else set(b, k, value);
          }}
        >
          {options.map(([value, text]) => (
            <option key={String(value)} value={String(value)}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A checkbox (or a switch) with its problem or warning under it. */
export function CheckControl({ b, k, label, hint, className, asSwitch }: ControlProps & { asSwitch?: boolean }) {
  const id = useId();
  const message = b.error(k) ?? b.warning(k) ?? hint;
  const messageId = message ? `${id}-message` : undefined;
  const checked = Boolean(getField(b.form, k));
  return (
    <div className={`check-field${className ? ` ${className}` : ''}`}>
      <label className={asSwitch ? 'switch' : 'checkbox'}>
        <input
          type="checkbox"
          role={asSwitch ? 'switch' : undefined}
          checked={checked}
          aria-invalid={b.error(k) ? true : undefined}
          aria-describedby={messageId}
          onChange={(e) => set(b, k, e.target.checked)}
        />
        {asSwitch && <span className="switch-track" aria-hidden="true" />}
        <span>{label}</span>
      </label>
      {message && (
        <p id={messageId} className={b.error(k) ? 'field-error' : b.warning(k) ? 'field-warning' : 'field-hint'}>
          {message}
        </p>
      )}
    </div>
  );
}

export const triStateOptions = [
  ['unset', 'not sent'],
  ['yes', 'yes'],
  ['no', 'no'],
] as const;
