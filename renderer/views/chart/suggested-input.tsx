// A text input with the browser's own suggestion list (a datalist), inside a Field.
import { useId } from 'react';
import type { FieldControlProps } from '../field';

interface Props {
  control: FieldControlProps;
  value: string;
  suggestions: readonly string[];
  placeholder: string;
  onChange(value: string): void;
}

export function SuggestedInput({ control, value, suggestions, placeholder, onChange }: Props) {
  const listId = useId();
  return (
    <>
      <input {...control} className="mono" value={value} list={listId} spellCheck={false} autoComplete="off" placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}
