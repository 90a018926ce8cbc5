// uPlot on the page: created when the set of series changes, fed new data in place
// otherwise (redrawing the same canvas at ~10 Hz is cheap; recreating it is not).
// Drag on the plot zooms into a time range; double-click goes back to all points.
import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AlignedColumns } from '../../lib/chart-data';

export interface CanvasSeries {
  label: string;
  color: string;
}

interface Props {
  series: readonly CanvasSeries[];
  data: AlignedColumns;
  /** Holds the live chart, for the toolbar's reset and export. */
  chartRef: MutableRefObject<uPlot | null>;
  zoomed: boolean;
  onZoomedChange(zoomed: boolean): void;
}

const axisColor = '#8f8f8f';
const gridColor = '#2f2f2f';

export function ChartCanvas({ series, data, chartRef, zoomed, onZoomedChange }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useBoxSize(boxRef);
  const zoomedRef = useRef(zoomed);
  zoomedRef.current = zoomed;
  const zoomCallback = useRef(onZoomedChange);
  zoomCallback.current = onZoomedChange;
  const dataRef = useRef(data);
  dataRef.current = data;
  const shape = JSON.stringify(series);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || size.width === 0) return;
    const axis: uPlot.Axis = { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor, width: 1 } };
    const u = new uPlot(
      {
        width: size.width,
        height: Math.max(160, size.height),
        scales: { x: { time: true } },
        series: [{ label: 'Time' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: true, points: { size: 5, fill: s.color } }))],
        axes: [axis, { ...axis, size: 60 }],
        cursor: { drag: { x: true, y: false, setScale: true } },
        legend: { live: true },
        hooks: {
          setSelect: [(chart) => chart.select.width > 0 && zoomCallback.current(true)],
        },
      },
      dataRef.current as uPlot.AlignedData,
      box,
    );
    // uPlot's own double-click shows all points again; the toolbar learns it from here.
    u.over.addEventListener('dblclick', () => zoomCallback.current(false));
    chartRef.current = u;
    return () => {
      u.destroy();
      if (chartRef.current === u) chartRef.current = null;
    };
    // Only a change of series recreates the chart; sizes and data are applied in place below.
  }, [shape, size.width === 0]);

  useEffect(() => {
    chartRef.current?.setSize({ width: size.width, height: Math.max(160, size.height) });
  }, [size.width, size.height, chartRef]);

  useEffect(() => {
    // While zoomed, new points must not pull the view back to the whole range.
    chartRef.current?.setData(data as uPlot.AlignedData, !zoomedRef.current);
  }, [data, chartRef]);

  return <div className="chart-canvas" ref={boxRef} />;
}

// The space the chart may fill, less uPlot's legend below the plot.
function useBoxSize(ref: React.RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight - legendRoom });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

const legendRoom = 56;
