// A JSON diff as a table: each changed, added or removed value with its JSON path.
import type { JsonChange } from '../../../shared/json-diff';
import { shortJson } from '../../lib/diff-load';

const kindText = { changed: 'changed', added: 'added', removed: 'removed' } as const;

export function JsonDiffView({ changes }: { changes: readonly JsonChange[] }) {
  return (
    <table className="json-diff" aria-label="Changed JSON values">
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col">Change</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.kind}\u0000${c.path}`} className={`diff-${c.kind}`}>
            <th scope="row" className="mono diff-path">
              {c.path}
            </th>
            <td className="diff-kind">{kindText[c.kind]}</td>
            <td className="mono diff-before">{'before' in c ? shortJson(c.before) : ''}</td>
            <td className="mono diff-after">{'after' in c ? shortJson(c.after) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
