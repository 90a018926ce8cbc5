import { describe, expect, it } from 'vitest';
import { continueLocate, startLocate, type LocateStep, type WindowIds } from './flow-locate';

// A filtered list: every third flow id matches, 3,000 rows.
const matching = Array.from({ length: 3000 }, (_, i) => 1000 + i * 3);
function windowAt(start: number, count: number): WindowIds {
  return { start, totalRows: matching.length, ids: matching.slice(start, start + count), evicted: 1000 };
}

describe('startLocate', () => {
  it('finds a flow already in the window', () => {
    expect(startLocate(1006, windowAt(0, 10), true)).toEqual({ kind: 'found', index: 2 });
  });

  it('computes the index of an unfiltered list from the evicted count', () => {
    expect(startLocate(1500, { start: 0, totalRows: 5000, ids: [], evicted: 1000 }, false)).toEqual({ kind: 'found', index: 500 });
    expect(startLocate(400, { start: 0, totalRows: 5000, ids: [], evicted: 1000 }, false)).toEqual({ kind: 'absent' });
  });
});

describe('continueLocate', () => {
  function run(target: number): { step: LocateStep; probes: number } {
    let step = startLocate(target, windowAt(2900, 100), true);
    let probes = 0;
    while (step.kind === 'probe' && probes < 50) {
      probes++;
      step = continueLocate(step.state, windowAt(step.start, step.count));
    }
    return { step, probes };
  }

  it('halves its way to a filtered flow in a few windows', () => {
    const { step, probes } = run(1000 + 123 * 3);
    expect(step).toEqual({ kind: 'found', index: 123 });
    expect(probes).toBeLessThanOrEqual(6);
  });

  it('says absent for an id the filter does not match', () => {
    expect(run(1000 + 123 * 3 + 1).step).toEqual({ kind: 'absent' });
  });
});
