// The series one view charts. Each reads its topic's history from where it left off,
// so the first update holds what the history keeps and later ones only what arrived;
// the history is the buffer, and a series costs nothing between updates.
import type { JsonPathSegment } from '../../../shared/json-path';
import type { SeriesUpdate } from '../../../shared/series-contract';
import type { ConnectionEntry } from '../connection-entry';
import { seriesValue } from './series-value';

export interface SeriesSpec {
  seriesId: string;
  connectionId: string;
  topic: string;
  /** null: the payload is the number. */
  segments: JsonPathSegment[] | null;
}

interface SeriesState extends SeriesSpec {
  /** The next history seq to read; -1 until the first update (which resets). */
  nextSeq: number;
  skipped: number;
  lastSkip: string | null;
  missed: number;
}

export class SeriesSet {
  private readonly series = new Map<string, SeriesState>();

  add(spec: SeriesSpec): void {
    this.series.set(spec.seriesId, { ...spec, nextSeq: -1, skipped: 0, lastSkip: null, missed: 0 });
  }

  remove(seriesId: string): void {
    this.series.delete(seriesId);
  }

  forgetConnection(connectionId: string): void {
    for (const [id, s] of this.series) if (s.connectionId === connectionId) this.series.delete(id);
  }

  has(seriesId: string): boolean {
    return this.series.has(seriesId);
  }

  get size(): number {
    return this.series.size;
  }

  /** The updates of every series with news since the last call. */
  collect(connection: (id: string) => ConnectionEntry | undefined): SeriesUpdate[] {
    const updates: SeriesUpdate[] = [];
    for (const s of this.series.values()) {
      const update = this.read(s, connection(s.connectionId));
      if (update) updates.push(update);
    }
    return updates;
  }

  private read(s: SeriesState, entry: ConnectionEntry | undefined): SeriesUpdate | null {
    const history = entry?.tree.find(s.topic)?.history ?? null;
    const reset = s.nextSeq === -1;
    const endSeq = history?.endSeq ?? 0;
    if (!reset && endSeq <= s.nextSeq) return null;
    const from = reset ? 0 : s.nextSeq;
    if (!reset && history && history.oldestSeq > from) s.missed += history.oldestSeq - from;
    const messages = history ? history.newestFirstFrom(from).reverse() : [];
    s.nextSeq = endSeq;
    const times: number[] = [];
    const values: number[] = [];
    for (const m of messages) {
      const v = seriesValue(m.payload, s.segments);
      if (v.ok) {
        times.push(m.receivedAt);
        values.push(v.value);
      } else {
        s.skipped++;
        s.lastSkip = v.reason;
      }
    }
    return { seriesId: s.seriesId, reset, times, values, skipped: s.skipped, lastSkip: s.lastSkip, missed: s.missed };
  }
}
