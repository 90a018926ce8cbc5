// Finding a flow's row in the filtered flow list, to scroll to it (a jump from the
// history, a scenario's message). The core sends windows by row index; rows are in
// id order, so an unfiltered list gives the index at once and a filtered one is
// searched by halving with small windows.

export interface WindowIds {
  start: number;
  totalRows: number;
  /** Ids of the window's rows, ascending. */
  ids: readonly number[];
  /** Flows the ring buffer no longer holds: the unfiltered index is id - evicted. */
  evicted: number;
}

export interface LocateState {
  target: number;
  lo: number;
  hi: number;
  tries: number;
}

export type LocateStep =
  | { kind: 'found'; index: number }
  | { kind: 'probe'; start: number; count: number; state: LocateState }
  | { kind: 'absent' };

export const probeCount = 200;
const maxTries = 16;

export function startLocate(target: number, w: WindowIds, filtered: boolean): LocateStep {
  const at = w.ids.indexOf(target);
  if (at >= 0) return { kind: 'found', index: w.start + at };
  if (!filtered) {
    const index = target - w.evicted;
    return index >= 0 && index < w.totalRows ? { kind: 'found', index } : { kind: 'absent' };
  }
  return probe({ target, lo: 0, hi: w.totalRows, tries: 0 });
}

/** The next move after the window asked for by the previous probe arrived. */
export function continueLocate(s: LocateState, w: WindowIds): LocateStep {
  const at = w.ids.indexOf(s.target);
  if (at >= 0) return { kind: 'found', index: w.start + at };
  if (w.ids.length === 0) return { kind: 'absent' };
  const first = w.ids[0];
  const last = w.ids[w.ids.length - 1];
  if (s.target > first && s.target < last) return { kind: 'absent' };
  const next = s.target < first ? { ...s, hi: Math.min(s.hi, w.start) } : { ...s, lo: Math.max(s.lo, w.start + w.ids.length) };
  return probe({ ...next, tries: s.tries + 1 });
}

function probe(s: LocateState): LocateStep {
  if (s.lo >= s.hi || s.tries >= maxTries) return { kind: 'absent' };
  const mid = Math.floor((s.lo + s.hi) / 2);
  const start = Math.max(s.lo, mid - probeCount / 2);
  return { kind: 'probe', start, count: Math.min(probeCount, s.hi - start), state: s };
}
