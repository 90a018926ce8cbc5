// Keeps the previous window's row objects for the rows that did not change. Each window
// from the core is a fresh set of objects, so without this every memoised row view would
// render again on every window; under load only the few rows that moved need to.
import type { TreeRow } from '../../shared/contract';
import { sameTreeRow } from '../../shared/tree-delta';

export function reuseRows(previous: readonly TreeRow[], next: readonly TreeRow[]): TreeRow[] {
  if (previous.length === 0) return next.slice();
  const byPath = new Map<string, TreeRow>();
  for (const row of previous) byPath.set(row.path, row);
  return next.map((row) => {
    const old = byPath.get(row.path);
    return old && sameTreeRow(old, row) ? old : row;
  });
}
