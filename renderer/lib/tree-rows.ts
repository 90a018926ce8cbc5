// Keeps the previous window's row objects for the rows that did not change. Each window
// from the core is a fresh set of objects, so without this every memoised row view would
// render again on every window; under load only the few rows that moved need to.
import type { TreeRow } from '../../shared/contract';

export function reuseRows(previous: readonly TreeRow[], next: readonly TreeRow[]): TreeRow[] {
  if (previous.length === 0) return next.slice();
  const byPath = new Map<string, TreeRow>();
  for (const row of previous) byPath.set(row.path, row);
  return next.map((row) => {
    const old = byPath.get(row.path);
    return old && sameRow(old, row) ? old : row;
  });
}

function sameRow(a: TreeRow, b: TreeRow): boolean {
  const keys = Object.keys(b) as (keyof TreeRow)[];
  if (Object.keys(a).length !== keys.length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}
