import { describe, expect, it } from 'vitest';
import type { RetainedJob } from '../../shared/retained-contract';
import { retainedProgress } from './retained-progress';

const job = (over: Partial<RetainedJob>): RetainedJob => ({ connectionId: 'c1', kind: 'scan', done: 0, total: null, failed: 0, startedAt: 1000, ...over });

describe('retained progress', () => {
  it('shows nothing when nothing runs', () => {
    expect(retainedProgress(null, null, 0)).toBeNull();
  });

  it('shows an indeterminate bar from the click until the core reports the job', () => {
    expect(retainedProgress(null, 'clear', 0)).toEqual({ label: 'Clear progress', value: null, text: 'Starting…' });
  });

  it('counts a scan up without a total', () => {
    expect(retainedProgress(job({ done: 120 }), 'scan', 3500)).toEqual({ label: 'Scan progress', value: null, text: 'Scanning… 120 found · 2.5 s' });
  });

  it('counts a clear against its total, with failures', () => {
    expect(retainedProgress(job({ kind: 'clear', done: 40, total: 120, failed: 2 }), 'clear', 1500)).toEqual({
      label: 'Clear progress',
      value: { done: 40, total: 120 },
      text: 'Clearing 40 of 120 · 2 failed · 500 ms',
    });
  });

  it('keeps the name of the clear or restore through its check phase', () => {
    expect(retainedProgress(job({ kind: 'verify', done: 3 }), 'clear', 2000)?.label).toBe('Clear progress');
    expect(retainedProgress(job({ kind: 'verify', done: 3 }), 'restore', 2000)?.text).toBe('Checking the broker… 3 found · 1 s');
  });

  it('names a job another window started by its own kind', () => {
    expect(retainedProgress(job({ kind: 'verify' }), null, 1000)?.label).toBe('Check progress');
    expect(retainedProgress(job({ kind: 'restore', done: 1, total: 2 }), null, 1000)?.label).toBe('Restore progress');
  });

  it('says a compare is scanning for it', () => {
    const p = retainedProgress(job({ done: 5 }), 'compare', 1000);
    expect(p?.label).toBe('Compare progress');
    expect(p?.text).toMatch(/^Scanning to compare… 5 found/);
  });
});
