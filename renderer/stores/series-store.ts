// The chart's series and their points, as the core sends them; and what the Chart
// action asks the chart form to start with.
import { create } from 'zustand';
import type { SeriesUpdate } from '../../shared/series-contract';

export interface ChartSeries {
  id: string;
  connectionId: string;
  topic: string;
  /** null: the payload is the number. */
  path: string | null;
  color: string;
  /** Epoch ms, oldest first, one per value. */
  times: number[];
  values: number[];
  skipped: number;
  lastSkip: string | null;
  missed: number;
  /** Points dropped from the front because the series holds at most maxPointsPerSeries. */
  dropped: number;
}

export interface SeriesDraft {
  connectionId: string;
  topic: string;
  path: string;
  /** Numeric paths found in the topic's latest payload, offered in the path field. */
  paths: string[];
}

export interface SeriesState {
  series: ChartSeries[];
  paused: boolean;
  /** Filled by "Chart" in the history panel; the form takes it once. */
  draft: SeriesDraft | null;
  add(series: Pick<ChartSeries, 'id' | 'connectionId' | 'topic' | 'path'>): void;
  remove(id: string): void;
  apply(updates: SeriesUpdate[]): void;
  setPaused(paused: boolean): void;
  setDraft(draft: SeriesDraft | null): void;
}

/** A chart past this many points per line draws slowly and says nothing more; older points go, counted. */
export const maxPointsPerSeries = 200_000;

// Distinct on the dark background and for the common colour blindnesses (Okabe-Ito, lightened).
const palette = ['#56b4e9', '#e69f00', '#4fd1a5', '#f0e442', '#cc79a7', '#ff7f50', '#9ecae1', '#d55e00'];

export const useSeriesStore = create<SeriesState>()((set, get) => ({
  series: [],
  paused: false,
  draft: null,
  add: (s) => {
    const used = new Set(get().series.map((x) => x.color));
    const color = palette.find((c) => !used.has(c)) ?? palette[get().series.length % palette.length];
    set({ series: [...get().series, { ...s, color, times: [], values: [], skipped: 0, lastSkip: null, missed: 0, dropped: 0 }] });
  },
  remove: (id) => set({ series: get().series.filter((s) => s.id !== id) }),
  apply: (updates) => {
    const byId = new Map(updates.map((u) => [u.seriesId, u]));
    set({
      series: get().series.map((s) => {
        const u = byId.get(s.id);
        return u ? withUpdate(s, u) : s;
      }),
    });
  },
  setPaused: (paused) => set({ paused }),
  setDraft: (draft) => set({ draft }),
}));

function withUpdate(s: ChartSeries, u: SeriesUpdate): ChartSeries {
  const times = u.reset ? u.times : s.times.concat(u.times);
  const values = u.reset ? u.values : s.values.concat(u.values);
  const over = Math.max(0, times.length - maxPointsPerSeries);
  return {
    ...s,
    times: over ? times.slice(over) : times,
    values: over ? values.slice(over) : values,
    skipped: u.skipped,
    lastSkip: u.lastSkip,
    missed: u.missed,
    dropped: (u.reset ? 0 : s.dropped) + over,
  };
}

export function seriesLabel(s: Pick<ChartSeries, 'topic' | 'path'>): string {
  return s.path ? `${s.topic} ${s.path}` : s.topic;
}
