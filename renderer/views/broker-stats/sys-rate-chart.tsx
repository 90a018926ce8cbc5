// One rate chart (messages/s or bytes/s) drawn by the Charts view's canvas, with a
// status line that says how many points it has.
import { useRef, useState } from 'react';
import type uPlot from 'uplot';
import { plural } from '../../lib/format-number';
import type { RateChart } from '../../lib/sys-rate-columns';
import { ChartCanvas } from '../chart/chart-canvas';

export function SysRateChart({ chart }: { chart: RateChart }) {
  const chartRef = useRef<uPlot | null>(null);
  const [zoomed, setZoomed] = useState(false);
  return (
    <section className="sys-rate-chart" aria-label={chart.title}>
      <h3>{chart.title}</h3>
      <p role="status" aria-label={`${chart.title} status`} className="chart-status">
        {chart.points === 0 ? 'No points yet: a rate needs two updates of a counter' : plural(chart.points, 'point', 'points')}
      </p>
      {chart.series.length > 0 && <ChartCanvas series={chart.series} data={chart.data} chartRef={chartRef} zoomed={zoomed} onZoomedChange={setZoomed} />}
    </section>
  );
}
