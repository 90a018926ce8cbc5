// A labelled whole-number input that keeps the text as typed: a half-typed or
// out-of-range number stays on screen and is reported at the field, never coerced.
import type { ReactNode } from 'react';
import { Field } from '../field';

interface NumberFieldProps {
  label: string;
  value: string;
  onChange(text: string): void;
  min: number;
  max: number;
  error?: string;
  hint?: ReactNode;
  className?: string;
  /** Beside the input, inside the field (a unit). */
  after?: ReactNode;
}

export function NumberField({ label, value, onChange, min, max, error, hint, className, after }: NumberFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(p) => {
        const input = <input {...p} type="number" inputMode="numeric" min={min} max={max} step={1} value={value} onChange={(e) => onChange(e.target.value)} />;
        return after ? (
          <div className="input-with-unit">
            {input}
            {after}
          </div>
        ) : (
          input
        );
      }}
    </Field>
  );
}
