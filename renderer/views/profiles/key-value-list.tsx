// MQTT 5.0 user properties: an ordered list of name/value pairs (a name may repeat, as
// the protocol allows). Its problems are shown under the whole list.
import { useId } from 'react';
import { getField, newKeyValueRow, setField, type KeyValueRow } from '../../lib/profile-form';
import type { EditorBinding } from './editor-controls';

export function KeyValueList({ b, k, legend }: { b: EditorBinding; k: 'properties.userProperties' | 'will.userProperties'; legend: string }) {
  const id = useId();
  const rows = getField(b.form, k) as KeyValueRow[];
  const error = b.error(k);
  const errorId = error ? `${id}-error` : undefined;
  const update = (next: KeyValueRow[]) => b.change((f) => setField(f, k, next), k);
  const edit = (key: number, change: Partial<KeyValueRow>) => update(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  return (
    <fieldset className="key-value-list">
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="field-hint">None.</p>}
      {rows.map((row, i) => (
        <div className="key-value-row" key={row.key}>
          <input
            className="mono"
            aria-label={`${legend} ${i + 1} name`}
            placeholder="name"
            value={row.name}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            onChange={(e) => edit(row.key, { name: e.target.value })}
          />
          <input
            className="mono"
            aria-label={`${legend} ${i + 1} value`}
            placeholder="value"
            value={row.value}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            onChange={(e) => edit(row.key, { value: e.target.value })}
          />
          <button type="button" className="icon-button" aria-label={`Delete ${legend.toLowerCase()} ${i + 1}`} title="Delete" onClick={() => update(rows.filter((r) => r.key !== row.key))}>
            ×
          </button>
        </div>
      ))}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <button type="button" className="small" onClick={() => update([...rows, newKeyValueRow()])}>
        Add {legend.toLowerCase().replace(/ies$/, 'y')}
      </button>
    </fieldset>
  );
}
