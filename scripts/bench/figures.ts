// A benchmark figure beside its reference, as the report prints and saves it.

export interface Figure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** What it is compared with, measured in the same run (or the target when there is no measurable reference). */
  reference: { label: string; value: number } | null;
  /** value / reference (or reference / value when lower is better). */
  ratio: number | null;
  /** What the target asks, in words, and whether this run met it. */
  target: string;
  met: boolean;
  notes?: string;
}

export function printFigures(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.suite,
    f.name,
    `${format(f.value)} ${f.unit}`,
    f.reference ? `${format(f.reference.value)} ${f.unit} (${f.reference.label})` : '—',
    f.ratio === null ? '—' : f.ratio.toFixed(2),
    `${f.met ? 'met' : 'MISSED'}: ${f.target}`,
  ]);
  const header = ['suite', 'figure', 'value', 'reference', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const f of figures) if (f.notes) console.log(`  ${f.suite} / ${f.name}: ${f.notes}`);
}

export function format(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
