import { describe, expect, it } from 'vitest';
import { isFlashing, nextFlashState } from './tree-flash';

describe('tree flash state', () => {
  it('does not flash anything in the first window', () => {
    const rows = [
      { path: 'a', changedAt: 100 },
      { path: 'b', changedAt: 200 },
    ];
    const state = nextFlashState(null, rows);
    expect(rows.some((r) => isFlashing(state, r))).toBe(false);
  });

  it('flashes a row whose changedAt moved forward, and keeps flashing it while it stays in view', () => {
    const first = nextFlashState(null, [{ path: 'a', changedAt: 100 }]);
    const second = nextFlashState(first, [{ path: 'a', changedAt: 150 }]);
    expect(isFlashing(second, { path: 'a', changedAt: 150 })).toBe(true);
    // The baseline stays put, so the highlight element is not torn down mid-animation.
    const third = nextFlashState(second, [{ path: 'a', changedAt: 150 }]);
    expect(isFlashing(third, { path: 'a', changedAt: 150 })).toBe(true);
  });

  it('does not flash rows scrolled into view with changes older than the newest seen', () => {
    const first = nextFlashState(null, [{ path: 'a', changedAt: 500 }]);
    const second = nextFlashState(first, [{ path: 'z', changedAt: 300 }]);
    expect(isFlashing(second, { path: 'z', changedAt: 300 })).toBe(false);
  });

  it('flashes new rows that changed after the newest change seen so far', () => {
    const first = nextFlashState(null, [{ path: 'a', changedAt: 500 }]);
    const second = nextFlashState(first, [
      { path: 'a', changedAt: 500 },
      { path: 'new', changedAt: 600 },
    ]);
    expect(isFlashing(second, { path: 'new', changedAt: 600 })).toBe(true);
  });

  it('measures the horizon by changes seen, not by baselines', () => {
    const first = nextFlashState(null, [{ path: 'a', changedAt: 100 }]);
    const second = nextFlashState(first, [{ path: 'a', changedAt: 900 }]);
    const third = nextFlashState(second, [{ path: 'b', changedAt: 800 }]);
    expect(isFlashing(third, { path: 'b', changedAt: 800 })).toBe(false);
  });

  it('forgets rows that left the window', () => {
    const first = nextFlashState(null, [{ path: 'a', changedAt: 1 }]);
    const second = nextFlashState(first, [{ path: 'b', changedAt: 1 }]);
    expect([...second.baselines.keys()]).toEqual(['b']);
  });
});
