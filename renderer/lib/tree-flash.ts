// Which rows flash because they changed while on screen. A row flashes when its
// changedAt is newer than its baseline: the changedAt it had when it came into view.
// Rows that come into view (scroll, expand) take the newest change seen so far as their
// baseline, so they flash only if they changed since the previous window arrived.
// Only rows of the window are tracked, so the state stays as small as the view.

export interface FlashRow {
  path: string;
  changedAt: number;
}

export interface FlashState {
  baselines: ReadonlyMap<string, number>;
  /** The newest changedAt seen in any window so far. */
  horizon: number;
}

/** prev null: the first window of a view, where nothing has "just" changed. */
export function nextFlashState(prev: FlashState | null, rows: readonly FlashRow[]): FlashState {
  const baselines = new Map<string, number>();
  let horizon = prev ? prev.horizon : -Infinity;
  for (const row of rows) {
    const known = prev?.baselines.get(row.path);
    if (known !== undefined) baselines.set(row.path, known);
    else baselines.set(row.path, prev ? Math.min(row.changedAt, prev.horizon) : row.changedAt);
    horizon = Math.max(horizon, row.changedAt);
  }
  return { baselines, horizon };
}

/** Whether the row shows the change highlight (restarted by the view on each new changedAt). */
export function isFlashing(state: FlashState, row: FlashRow): boolean {
  const base = state.baselines.get(row.path);
  return base !== undefined && row.changedAt > base;
}
