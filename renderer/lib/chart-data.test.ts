// Series on one time axis and their CSV: every point kept, gaps as nulls, times in order.
import { describe, expect, it } from 'vitest';
import { alignSeries, chartCsv } from './chart-data';

describe('alignSeries', () => {
  it('merges the times of all series, with null where a series has no point', () => {
    const aligned = alignSeries([
      { times: [1000, 3000, 4000], values: [1, 3, 4] },
      { times: [2000, 3000], values: [20, 30] },
    ]);
    expect(aligned).toEqual([
      [1, 2, 3, 4],
      [1, null, 3, 4],
      [null, 20, 30, null],
    ]);
  });

  it('keeps two points of one series received in the same millisecond', () => {
    expect(alignSeries([{ times: [5, 5], values: [1, 2] }])).toEqual([[0.005, 0.005], [1, 2]]);
  });

  it('holds nothing for no series or empty series', () => {
    expect(alignSeries([])).toEqual([[]]);
    expect(alignSeries([{ times: [], values: [] }])).toEqual([[], []]);
  });
});

describe('chartCsv', () => {
  it('writes a header and one row per time, empty cells for gaps, labels quoted when needed', () => {
    const csv = chartCsv(['a/temp', 'b "x", $.v'], alignSeries([
      { times: [1_700_000_000_000], values: [21.5] },
      { times: [1_700_000_000_500], values: [-3] },
    ]));
    expect(csv.split('\r\n')).toEqual([
      'time,epoch_ms,a/temp,"b ""x"", $.v"',
      '2023-11-14T22:13:20.000Z,1700000000000,21.5,',
      '2023-11-14T22:13:20.500Z,1700000000500,,-3',
      '',
    ]);
  });
});
