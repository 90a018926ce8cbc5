// The Retained view: what the core says about each connection's retained index and
// the jobs running (the `retained` event), the table's query and the page it shows,
// the selected message, the clear being confirmed, and the last report of each kind.
import { create } from 'zustand';
import type {
  ClearReport,
  RestoreReport,
  RetainedDetail,
  RetainedDiff,
  RetainedEvents,
  RetainedPage,
  RetainedSnapshotInfo,
  ScanReport,
} from '../../shared/retained-contract';
import type { RetainedOpKind } from '../lib/retained-progress';
import { defaultRetainedSort, type RetainedSort } from '../lib/retained-sort';

export type RetainedFeed = RetainedEvents['retained'];
export type RetainedBottomTab = 'message' | 'snapshots';

export interface RetainedQuery {
  /** The MQTT filter the table shows (valid: the view applies only valid ones). */
  filter: string;
  search: string;
  sort: RetainedSort;
}

export type RetainedDetailLoad =
  | { kind: 'none' }
  | { kind: 'loading'; topic: string }
  | { kind: 'loaded'; topic: string; detail: RetainedDetail }
  /** The index no longer holds it (cleared, or a scan found it gone). */
  | { kind: 'gone'; topic: string }
  | { kind: 'error'; topic: string; message: string };

/** A clear waiting for the user's confirmation: its topics are read from the index first. */
export interface ClearRequest {
  connectionId: string;
  /** What is cleared, in words ("everything under e2e/b/#"). */
  scope: string;
  /** The filter the set was taken under: the backup file records it. */
  filter: string;
  search: string;
  /** One topic (Delete on a row), not a filter's set. */
  single: boolean;
  /** null while the topics are being read. */
  topics: string[] | null;
  loadError: string | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export interface ClearResult {
  connectionId: string;
  scope: string;
  outcome: Outcome<ClearReport>;
}

export interface RestoreResult {
  connectionId: string;
  fileName: string;
  report: RestoreReport;
}

export interface CompareResult {
  connectionId: string;
  /** "snapshot Before the firmware update", "file backup.json". */
  against: string;
  diff: RetainedDiff;
}

export interface SnapshotsState {
  list: RetainedSnapshotInfo[];
  problem: string | null;
}

export interface RetainedStoreState {
  feed: RetainedFeed | null;
  /** Scan reports as the requests answered them: the feed may not have carried them yet. */
  scans: Record<string, ScanReport>;
  /** Operations this window started, per connection (the core runs one at a time on each). */
  running: Record<string, RetainedOpKind>;
  /** The connection the table and selection belong to. */
  connectionId: string | null;
  query: RetainedQuery;
  page: RetainedPage | null;
  pageError: string | null;
  selectedTopic: string | null;
  detail: RetainedDetailLoad;
  clearRequest: ClearRequest | null;
  clearResult: ClearResult | null;
  restoreResult: RestoreResult | null;
  restoreError: string | null;
  compareResult: CompareResult | null;
  /** Where a compare failed: 'file' or a snapshot id, so the message shows at that control. */
  compareError: { source: string; message: string } | null;
  snapshots: SnapshotsState | null;
  snapshotsError: string | null;
  /** What the panel under the table shows. */
  bottomTab: RetainedBottomTab;

  setFeed(feed: RetainedFeed): void;
  setScan(connectionId: string, report: ScanReport): void;
  setRunning(connectionId: string, kind: RetainedOpKind | null): void;
  /** Shows another connection: its own page and selection, the same query. */
  showConnection(connectionId: string | null): void;
  setQuery(change: Partial<RetainedQuery>): void;
  setPage(page: RetainedPage): void;
  setPageError(message: string | null): void;
  select(topic: string | null): void;
  setDetail(detail: RetainedDetailLoad): void;
  setClearRequest(request: ClearRequest | null): void;
  setClearResult(result: ClearResult | null): void;
  setRestore(result: RestoreResult | null, error: string | null): void;
  setCompare(result: CompareResult | null, error: { source: string; message: string } | null): void;
  setSnapshots(snapshots: SnapshotsState | null, error: string | null): void;
  setBottomTab(tab: RetainedBottomTab): void;
}

export const defaultRetainedFilter = '#';

export const useRetainedStore = create<RetainedStoreState>()((set) => ({
  feed: null,
  scans: {},
  running: {},
  connectionId: null,
  query: { filter: defaultRetainedFilter, search: '', sort: defaultRetainedSort },
  page: null,
  pageError: null,
  selectedTopic: null,
  detail: { kind: 'none' },
  clearRequest: null,
  clearResult: null,
  restoreResult: null,
  restoreError: null,
  compareResult: null,
  compareError: null,
  snapshots: null,
  snapshotsError: null,
  bottomTab: 'message',

  setFeed: (feed) => set({ feed }),
  setScan: (connectionId, report) => set((s) => ({ scans: { ...s.scans, [connectionId]: report } })),
  setRunning: (connectionId, kind) =>
    set((s) => {
      const running = { ...s.running };
      if (kind === null) delete running[connectionId];
      else running[connectionId] = kind;
      return { running };
    }),
  showConnection: (connectionId) =>
    set((s) => (s.connectionId === connectionId ? {} : { connectionId, page: null, pageError: null, selectedTopic: null, detail: { kind: 'none' } })),
  setQuery: (change) => set((s) => ({ query: { ...s.query, ...change }, pageError: null })),
  setPage: (page) => set({ page, pageError: null }),
  setPageError: (pageError) => set({ pageError }),
  select: (selectedTopic) => set({ selectedTopic }),
  setDetail: (detail) => set({ detail }),
  setClearRequest: (clearRequest) => set({ clearRequest }),
  setClearResult: (clearResult) => set({ clearResult }),
  setRestore: (restoreResult, restoreError) => set({ restoreResult, restoreError }),
  setCompare: (compareResult, compareError) => set({ compareResult, compareError }),
  setSnapshots: (snapshots, snapshotsError) => set(snapshotsError === null ? { snapshots, snapshotsError } : { snapshotsError }),
  setBottomTab: (bottomTab) => set({ bottomTab }),
}));

/** This connection's entry in the feed. */
export function feedOf(s: Pick<RetainedStoreState, 'feed'>, connectionId: string | null): RetainedFeed['connections'][number] | null {
  if (connectionId === null) return null;
  return s.feed?.connections.find((c) => c.connectionId === connectionId) ?? null;
}

/** The newer of the feed's last scan and the one a request answered. */
export function lastScanOf(s: Pick<RetainedStoreState, 'feed' | 'scans'>, connectionId: string | null): ScanReport | null {
  if (connectionId === null) return null;
  const fromFeed = feedOf(s, connectionId)?.lastScan ?? null;
  const answered = s.scans[connectionId] ?? null;
  if (!fromFeed) return answered;
  if (!answered) return fromFeed;
  return answered.at > fromFeed.at ? answered : fromFeed;
}
