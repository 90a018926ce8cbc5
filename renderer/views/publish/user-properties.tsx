// MQTT 5.0 user properties: an ordered list of name/value pairs (a name may repeat, as
// the protocol allows). A row's problem is shown under that row: the core names it
// by index (properties.userProperties.2.key).
import { newUserPropertyRow, type UserPropertyRow } from '../../lib/publish-draft';
import type { FieldProblems } from '../../lib/publish-message';
import { usePublishStore } from '../../stores/publish-store';

export function UserProperties({ problems }: { problems: FieldProblems }) {
  const rows = usePublishStore((s) => s.draft.properties.userProperties);
  const edit = usePublishStore((s) => s.edit);
  const keyOf = (i: number) => `properties.userProperties.${i}.key`;
  // Removing a row renumbers the ones after it: their old problems no longer apply.
  const update = (next: UserPropertyRow[]) =>
    edit((d) => ({ ...d, properties: { ...d.properties, userProperties: next } }), ...Array.from({ length: Math.max(rows.length, next.length) }, (_, i) => keyOf(i)));
  return (
    <div className="user-properties" role="group" aria-labelledby="publish-user-properties-label">
      <div className="user-properties-head">
        <span className="field-label" id="publish-user-properties-label">
          User properties
        </span>
        {rows.length === 0 && <span className="field-hint">none</span>}
        <button type="button" className="small" onClick={() => update([...rows, newUserPropertyRow()])}>
          Add user property
        </button>
      </div>
      {rows.map((row, i) => {
        const problem = problems[keyOf(i)];
        const problemId = `user-property-${row.key}-problem`;
        return (
          <div className="user-property" key={row.key}>
            <div className="user-property-inputs">
              <input
                className="mono"
                aria-label={`User property ${i + 1} name`}
                placeholder="name"
                value={row.name}
                spellCheck={false}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? problemId : undefined}
                onChange={(e) => update(rows.map((r) => (r.key === row.key ? { ...r, name: e.target.value } : r)))}
              />
              <input
                className="mono"
                aria-label={`User property ${i + 1} value`}
                placeholder="value"
                value={row.value}
                spellCheck={false}
                onChange={(e) => update(rows.map((r) => (r.key === row.key ? { ...r, value: e.target.value } : r)))}
              />
              <button type="button" className="icon-button" aria-label={`Remove user property ${i + 1}`} title="Remove" onClick={() => update(rows.filter((r) => r.key !== row.key))}>
                ×
              </button>
            </div>
            {problem && (
              <p id={problemId} className="field-error">
                {problem}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
