// The repeat fields checked against the contract's limits, and a repeat's progress in words.
import type { RepeatState } from '../../shared/publish-contract';
import { formatCount } from './format-number';
import { wholeNumber } from './number-text';
import type { FieldProblems } from './publish-message';

export interface RepeatDraft {
  everyMs: string;
  times: string;
}

export const defaultRepeatDraft: RepeatDraft = { everyMs: '1000', times: '10' };

const maxInterval = 86_400_000;
const maxCount = 10_000_000;

/** Problems keyed as the core names them: intervalMs, count. */
export function parseRepeat(d: RepeatDraft): { value: { intervalMs: number; count: number } | null; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const intervalMs = wholeNumber(d.everyMs, 1, maxInterval);
  if (intervalMs === null) problems.intervalMs = `Every: a whole number of milliseconds from 1 to ${formatCount(maxInterval)} (a day).`;
  const count = wholeNumber(d.times, 1, maxCount);
  if (count === null) problems.count = `Times: a whole number from 1 to ${formatCount(maxCount)}.`;
  return { value: intervalMs !== null && count !== null ? { intervalMs, count } : null, problems };
}

/** "sent 12 of 20", with the failures when there are any. */
export function repeatProgressText(r: RepeatState): string {
  const sent = `sent ${formatCount(r.sent)} of ${formatCount(r.total)}`;
  return r.failed > 0 ? `${sent}, ${formatCount(r.failed)} failed` : sent;
}

export function repeatStateText(r: RepeatState): string {
  switch (r.state) {
    case 'running':
      return 'Repeating';
    case 'done':
      return 'Done';
    case 'stopped':
      return 'Stopped';
    case 'failed':
      return 'Failed';
  }
}

/**
 * The repeat the section shows: the one started from this form while the core still
 * lists it, else the newest one running on this connection (started before a reload,
 * or from another window).
 */
export function repeatToShow(repeats: readonly RepeatState[], connectionId: string | null, ownId: string | null): RepeatState | null {
  const own = ownId === null ? undefined : repeats.find((r) => r.id === ownId);
  if (own && own.connectionId === connectionId) return own;
  const running = repeats.filter((r) => r.connectionId === connectionId && r.state === 'running');
  return running.sort((a, b) => b.startedAt - a.startedAt)[0] ?? null;
}
