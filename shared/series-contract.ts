// Charts' part of the contract: a view asks for series (a topic, and a JSON path inside
// its payload or none for a plain number) and the core sends their points as messages
// arrive. The core reads the values so the page never fetches payloads to plot them.
// contract.ts merges these in.
import { z } from 'zod';

const connectionId = z.string().min(1).max(100);
const seriesId = z.string().min(1).max(100);

export const seriesRequestSchemas = {
  /** Starts a series under an id the page chooses; its first points are the topic's kept history. */
  addSeries: z.object({
    seriesId,
    connectionId,
    topic: z.string().min(1).max(65535),
    /** A JSON path such as $.temp or $.sensors[0].value; null: the payload itself is the number. */
    path: z.string().max(1000).nullable(),
  }),
  removeSeries: z.object({ seriesId }),
} as const;

export interface SeriesResults {
  addSeries: void;
  removeSeries: void;
}

/** New points of one series since the last update (or all of them, when reset). */
export interface SeriesUpdate {
  seriesId: string;
  /** true: replace the points held; false: append these. */
  reset: boolean;
  /** Epoch ms each message was received, oldest first, one per value. */
  times: number[];
  values: number[];
  /** Messages whose value was not a number (or had no value at the path), since the series started. */
  skipped: number;
  /** Why the latest skipped message was skipped. */
  lastSkip: string | null;
  /** Messages evicted from the history before the series read them (more than the limit arrived between two updates). */
  missed: number;
}

export interface SeriesEvents {
  /** Pushed at most ~10 times a second, with every series that has news. */
  series: SeriesUpdate[];
}
