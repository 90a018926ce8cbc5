// The Charts view: series of numbers from topics (or JSON paths inside their payloads)
// over time, live. Pause freezes the picture while points keep arriving; drag zooms,
// double-click shows all; the picture and the points export as PNG and CSV.
import { useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { alignSeries, chartCsv, type AlignedColumns } from '../../lib/chart-data';
import { chartPng, downloadBlob, exportFileName } from '../../lib/chart-export';
import { errorMessage } from '../../lib/form-errors';
import { formatCount, plural } from '../../lib/format-number';
import { seriesLabel, useSeriesStore } from '../../stores/series-store';
import { ChartCanvas } from './chart-canvas';
import { SeriesForm } from './series-form';
import { SeriesList } from './series-list';
import '../../styles/chart.css';

const background = '#1e1e1e';

export function ChartView() {
  const series = useSeriesStore((s) => s.series);
  const paused = useSeriesStore((s) => s.paused);
  const setPaused = useSeriesStore((s) => s.setPaused);
  const chartRef = useRef<uPlot | null>(null);
  const [zoomed, setZoomed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const live = useMemo(() => alignSeries(series), [series]);
  // While paused the picture keeps the points it had; the counts below say what waits.
  const frozen = useRef<{ data: AlignedColumns; points: number } | null>(null);
  const livePoints = series.reduce((n, s) => n + s.values.length, 0);
  if (!paused) frozen.current = null;
  else if (frozen.current === null) frozen.current = { data: live, points: livePoints };
  const shown = frozen.current?.data ?? live;
  const shownPoints = frozen.current?.points ?? livePoints;
  const skipped = series.reduce((n, s) => n + s.skipped, 0);
  const canvasSeries = useMemo(() => series.map((s) => ({ label: seriesLabel(s), color: s.color })), [series]);
  const labels = canvasSeries.map((s) => s.label);

  const exportCsv = () => downloadBlob(exportFileName('csv'), new Blob([chartCsv(labels, shown)], { type: 'text/csv' }));
  const exportPng = async () => {
    const canvas = chartRef.current?.ctx.canvas;
    if (!canvas) return;
    try {
      downloadBlob(exportFileName('png'), await chartPng(canvas, canvasSeries, background));
      setProblem(null);
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };
  const resetZoom = () => {
    const u = chartRef.current;
    if (u) u.setData(u.data, true);
    setZoomed(false);
  };

  return (
    <section className="chart-view" aria-label="Chart">
      <div className="panel-header chart-header">
        <h2>Chart</h2>
        <p role="status" aria-label="Chart status" className="chart-status">
          {series.length === 0
            ? 'No series yet'
            : `${plural(shownPoints, 'point', 'points')}${skipped ? `, ${formatCount(skipped)} ${skipped === 1 ? 'message' : 'messages'} not a number` : ''}${
                paused ? ` — paused, ${formatCount(livePoints - shownPoints)} new waiting` : ''
              }`}
        </p>
        <div className="chart-toolbar">
          <button type="button" aria-pressed={paused} onClick={() => setPaused(!paused)} disabled={series.length === 0}>
            {paused ? 'Resume' : 'Pause'}
          </button>
          <button type="button" onClick={resetZoom} disabled={!zoomed}>
            Reset zoom
          </button>
          <button type="button" onClick={() => void exportPng()} disabled={series.length === 0}>
            Export PNG
          </button>
          <button type="button" onClick={exportCsv} disabled={series.length === 0}>
            Export CSV
          </button>
        </div>
      </div>
      <SeriesForm />
      <SeriesList />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {series.length === 0 ? (
        <p className="empty chart-empty">
          Plot a topic whose payload is a number, or a number inside its JSON payload ($.temp, $.sensors[0].value). Or use “Chart” in a topic’s history.
        </p>
      ) : (
        <ChartCanvas series={canvasSeries} data={shown} chartRef={chartRef} zoomed={zoomed} onZoomedChange={setZoomed} />
      )}
      <p className="chart-hint">Drag across the chart to zoom into a time range; double-click to see all points.</p>
    </section>
  );
}
