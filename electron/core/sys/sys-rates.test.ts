import { describe, expect, it } from 'vitest';
import { counterRates } from './sys-rates';

describe('counterRates', () => {
  it('divides each difference by the seconds between samples', () => {
    expect(counterRates([{ at: 0, value: 10 }, { at: 1000, value: 20 }, { at: 3000, value: 30 }])).toEqual({ times: [1000, 3000], values: [10, 5] });
  });

  it('gives no point for a counter that went down (broker restarted)', () => {
    const rates = counterRates([{ at: 0, value: 500 }, { at: 1000, value: 3 }, { at: 2000, value: 13 }]);
    expect(rates).toEqual({ times: [2000], values: [10] });
  });

  it('skips samples at the same moment and needs two samples', () => {
    expect(counterRates([{ at: 5, value: 1 }, { at: 5, value: 2 }])).toEqual({ times: [], values: [] });
    expect(counterRates([{ at: 5, value: 1 }])).toEqual({ times: [], values: [] });
  });
});
