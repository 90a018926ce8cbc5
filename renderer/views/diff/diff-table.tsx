// The table both the JSON and the binary diff use: a header row, then one row per
// difference led by where it is (a JSON path or a byte range) as the row's header.
import type { ReactNode } from 'react';

export interface DiffRow {
  key: string;
  /** diff-changed, diff-added or diff-removed: colours the row. */
  className: string;
  where: string;
  cells: { className: string; content: ReactNode }[];
}

export function DiffTable({ label, columns, rows }: { label: string; columns: readonly string[]; rows: readonly DiffRow[] }) {
  return (
    <table className="json-diff" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.className}>
            <th scope="row" className="mono diff-path">
              {r.where}
            </th>
            {r.cells.map((cell, i) => (
              <td key={i} className={cell.className}>
                {cell.content}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
