// The broker's counters as chart columns: messages/s and bytes/s, received and sent,
// on one time axis each (messages and bytes differ by orders of magnitude, so they
// get a chart each rather than one shared y axis).
import type { SysRate } from '../../shared/sys-contract';
import type { SysFieldId } from '../../shared/sys-stats';
import { alignSeries, type AlignedColumns } from './chart-data';

export interface RateChart {
  title: string;
  series: { label: string; color: string }[];
  data: AlignedColumns;
  points: number;
}

const charts: { title: string; lines: { field: SysFieldId; label: string; color: string }[] }[] = [
  {
    title: 'Messages per second',
    lines: [
      { field: 'messagesReceived', label: 'received msgs/s', color: '#4daafc' },
      { field: 'messagesSent', label: 'sent msgs/s', color: '#e5a50a' },
    ],
  },
  {
    title: 'Bytes per second',
    lines: [
      { field: 'bytesReceived', label: 'received B/s', color: '#4daafc' },
      { field: 'bytesSent', label: 'sent B/s', color: '#e5a50a' },
    ],
  },
];

export function rateCharts(rates: readonly SysRate[]): RateChart[] {
  return charts.map(({ title, lines }) => {
    const present = lines.map((line) => ({ line, rate: rates.find((r) => r.field === line.field) })).filter((p) => p.rate !== undefined);
    return {
      title,
      series: present.map((p) => ({ label: p.line.label, color: p.line.color })),
      data: alignSeries(present.map((p) => p.rate!)),
      points: present.reduce((n, p) => n + p.rate!.values.length, 0),
    };
  });
}
