// A JSON diff as a table: each changed, added or removed value with its JSON path.
import type { JsonChange } from '../../../shared/json-diff';
import { shortJson } from '../../lib/diff-load';
import { DiffTable } from './diff-table';

export function JsonDiffView({ changes }: { changes: readonly JsonChange[] }) {
  const rows = changes.map((c) => ({
    key: `${c.kind}\u0000${c.path}`,
    className: `diff-${c.kind}`,
    where: c.path,
    cells: [
      { className: 'diff-kind', content: c.kind },
      { className: 'mono diff-before', content: 'before' in c ? shortJson(c.before) : '' },
      { className: 'mono diff-after', content: 'after' in c ? shortJson(c.after) : '' },
    ],
  }));
  return <DiffTable label="Changed JSON values" columns={['Path', 'Change', 'Before', 'After']} rows={rows} />;
}
