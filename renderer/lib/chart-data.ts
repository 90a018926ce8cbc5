// Several series on one time axis. uPlot draws aligned columns (one x array, one y
// array per series with nulls where a series has no point), so series from topics
// that publish at different moments are merged on the union of their times.

export interface TimedSeries {
  /** Epoch ms, ascending. */
  times: readonly number[];
  values: readonly number[];
}

/** [x in epoch seconds, ...one y column per series]. */
export type AlignedColumns = [number[], ...(number | null)[][]];

export function alignSeries(series: readonly TimedSeries[]): AlignedColumns {
  const xs: number[] = [];
  const columns: (number | null)[][] = series.map(() => []);
  const cursors = series.map(() => 0);
  for (;;) {
    // The earliest time not yet placed among all series.
    let next = Infinity;
    series.forEach((s, i) => {
      if (cursors[i] < s.times.length && s.times[cursors[i]] < next) next = s.times[cursors[i]];
    });
    if (next === Infinity) break;
    xs.push(next / 1000);
    series.forEach((s, i) => {
      // Two messages in the same millisecond on one topic: each keeps its own row.
      if (cursors[i] < s.times.length && s.times[cursors[i]] === next) columns[i].push(s.values[cursors[i]++]);
      else columns[i].push(null);
    });
  }
  return [xs, ...columns];
}

/** CSV with one row per time: ISO time, epoch ms, then each series' value or empty. */
export function chartCsv(labels: readonly string[], columns: AlignedColumns): string {
  const [xs, ...ys] = columns;
  const lines = [['time', 'epoch_ms', ...labels].map(csvCell).join(',')];
  xs.forEach((x, row) => {
    const ms = Math.round(x * 1000);
    lines.push([new Date(ms).toISOString(), String(ms), ...ys.map((y) => (y[row] === null ? '' : String(y[row])))].join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
