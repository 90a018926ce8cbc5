// The progress bar of a long retained operation, from the core's job and from what this
// window started: a clear or restore turns into a check scan half-way ('verify'), and
// the bar keeps the name the user knows it by ("Clear progress") through both phases.
import type { RetainedJob } from '../../shared/retained-contract';
import { formatCount } from './format-number';
import { formatDuration } from './retained-text';

/** What this window is running (it knows before the core's first job report arrives). */
export type RetainedOpKind = 'scan' | 'clear' | 'restore' | 'compare';

export interface RetainedProgress {
  /** The progress bar's accessible name. */
  label: string;
  /** null: indeterminate (a scan does not know how many will come). */
  value: { done: number; total: number } | null;
  text: string;
}

const labels: Record<RetainedOpKind | RetainedJob['kind'], string> = {
  scan: 'Scan progress',
  clear: 'Clear progress',
  restore: 'Restore progress',
  compare: 'Compare progress',
  verify: 'Check progress',
};

export function retainedProgress(job: RetainedJob | null, local: RetainedOpKind | null, now: number): RetainedProgress | null {
  if (!job && !local) return null;
  const label = labels[local ?? job!.kind];
  if (!job) return { label, value: null, text: 'Starting…' };
  const elapsed = formatDuration(Math.max(0, now - job.startedAt));
  const failed = job.failed > 0 ? ` · ${formatCount(job.failed)} failed` : '';
  switch (job.kind) {
    case 'scan':
      return { label, value: null, text: `${local === 'compare' ? 'Scanning to compare' : 'Scanning'}… ${formatCount(job.done)} found · ${elapsed}` };
    case 'verify':
      return { label, value: null, text: `Checking the broker… ${formatCount(job.done)} found · ${elapsed}` };
    case 'clear':
    case 'restore': {
      const verb = job.kind === 'clear' ? 'Clearing' : 'Restoring';
      const total = job.total ?? 0;
      return { label, value: job.total === null ? null : { done: job.done, total }, text: `${verb} ${formatCount(job.done)} of ${formatCount(total)}${failed} · ${elapsed}` };
    }
  }
}
