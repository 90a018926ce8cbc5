// A small radio group drawn as joined buttons (the payload view's style): real radio
// inputs, so arrows move the choice and a screen reader hears "radio, 2 of 4".
import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** Why this choice is off; shown as its tooltip and said with the group. */
  disabledReason?: string | null;
}

interface SegmentedChoiceProps<T extends string> {
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange(value: T): void;
  describedBy?: string;
  invalid?: boolean;
}

export function SegmentedChoice<T extends string>({ label, value, choices, onChange, describedBy, invalid }: SegmentedChoiceProps<T>) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} aria-describedby={describedBy} aria-invalid={invalid || undefined} className="segmented">
      {choices.map((c) => {
        const disabled = Boolean(c.disabledReason);
        return (
          <label key={c.value} className={`segment${value === c.value ? ' checked' : ''}${disabled ? ' disabled' : ''}`} title={c.disabledReason ?? undefined}>
            <input type="radio" name={name} value={c.value} checked={value === c.value} disabled={disabled} onChange={() => onChange(c.value)} />
            {c.label}
          </label>
        );
      })}
    </div>
  );
}
