// Retained messages' part of the contract: the index of what a broker holds, the
// scan that fills it, clear with backup and check, restore, snapshots and compare.
// contract.ts merges these in.
import { z } from 'zod';
import type { PayloadFormat } from './contract';

const connectionId = z.string().min(1).max(100);
const topicText = z.string().max(65535);

export const retainedSortColumns = ['topic', 'size', 'qos', 'firstSeenAt', 'setAt', 'setBy'] as const;
export type RetainedSortColumn = (typeof retainedSortColumns)[number];

export const retainedRequestSchemas = {
  /** One page of the connection's retained index under an MQTT filter, searched and sorted. */
  listRetained: z.object({
    connectionId,
    filter: topicText,
    /** A substring of the topic (case-insensitive); '' = all. */
    search: z.string().max(1000),
    sort: z.object({ column: z.enum(retainedSortColumns), descending: z.boolean() }),
    start: z.number().int().min(0),
    count: z.number().int().min(0).max(2000),
  }),
  /** One retained message in full. */
  getRetained: z.object({ connectionId, topic: topicText }),
  /**
   * Finds what the broker holds under the filter: a fresh, short-lived subscription
   * (brokers send retained messages only when a subscription is made), or on the
   * embedded broker its retained store read directly. Replaces the index under the filter.
   */
  scanRetained: z.object({
    connectionId,
    filter: topicText,
    /** The scan ends after this long without a retained message arriving. */
    quietMs: z.number().int().min(50).max(60_000).optional(),
    /** ...or after this long in all (the report says the set may be incomplete). */
    timeoutMs: z.number().int().min(500).max(600_000).optional(),
  }),
  /** Deletes these retained messages (an empty retained PUBLISH each), then checks they are gone. */
  clearRetained: z.object({ connectionId, topics: z.array(topicText).min(1).max(1_000_000) }),
  /** These retained messages, from the index, as a backup/snapshot file (JSON text). */
  exportRetained: z.object({ connectionId, topics: z.array(topicText).max(1_000_000), filter: topicText }),
  /** Publishes every message of a backup file again, retained, then checks they are back byte for byte. */
  restoreRetained: z.object({ connectionId, text: z.string().max(1024 * 1024 * 1024) }),
  /** Keeps the retained set under the filter (as the index has it now) in the app's data folder. */
  saveRetainedSnapshot: z.object({ connectionId, filter: topicText, name: z.string().max(200) }),
  listRetainedSnapshots: z.undefined(),
  deleteRetainedSnapshot: z.object({ id: z.string().min(1).max(100) }),
  /** A stored snapshot as a file (JSON text). */
  getRetainedSnapshot: z.object({ id: z.string().min(1).max(100) }),
  /** Scans the snapshot's filter now and compares: added, removed, changed. */
  /** What the `retained` event carries, for a view that starts after it was pushed. */
  getRetainedState: z.undefined(),
  compareRetained: z.object({
    connectionId,
    against: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('snapshot'), id: z.string().min(1).max(100) }),
      z.object({ kind: z.literal('file'), text: z.string().max(1024 * 1024 * 1024) }),
    ]),
  }),
} as const;

/** Where a retained message in the index was learned from. */
export type RetainedSource = 'subscription' | 'scan' | 'broker-store';

export interface RetainedRow {
  topic: string;
  size: number;
  qos: 0 | 1 | 2;
  preview: string;
  previewFormat: PayloadFormat;
  /** The preview is the start of a longer payload. */
  previewTruncated: boolean;
  /** Epoch ms when MQTT Scope first saw a retained message on this topic. */
  firstSeenAt: number;
  /** Epoch ms when the payload last changed as MQTT Scope saw it. */
  changedAt: number;
  /** Embedded broker only: the client that set it, and when (null: before MQTT Scope started, or not known). */
  setBy: string | null;
  setAt: number | null;
  source: RetainedSource;
}

export interface RetainedDetail extends RetainedRow {
  payloadBase64: string;
  /** 5.0 properties stored with the message (binary ones as hex), for display. */
  properties: Record<string, unknown>;
}

export interface RetainedPage {
  connectionId: string;
  filter: string;
  search: string;
  start: number;
  /** Rows under the filter that match the search. */
  total: number;
  /** Everything the index holds for this connection. */
  indexed: number;
  rows: RetainedRow[];
  revision: number;
}

export interface ScanReport {
  filter: string;
  method: 'subscription' | 'broker-store';
  found: number;
  /** Under the filter in the index before the scan and not found now: removed from the index. */
  dropped: number;
  /**
   * 'quiet': nothing arrived for quietMs; 'store': read whole. Incomplete (nothing was removed
   * from the index): 'timeout', stopped at timeoutMs; 'disconnected', the scan's connection dropped.
   */
  endedBy: 'quiet' | 'timeout' | 'store' | 'disconnected';
  durationMs: number;
  at: number;
}

export interface VerifyReport {
  method: 'subscription' | 'broker-store';
  /** The filters scanned to check. */
  filters: string[];
  /** false when a check scan ended at its time limit. */
  complete: boolean;
}

export interface ClearReport {
  requested: number;
  cleared: number;
  failed: { topic: string; reason: string }[];
  /** Topics the check found still retained after their clear was accepted. */
  stillRetained: string[];
  verify: VerifyReport;
  durationMs: number;
}

export interface RestoreReport {
  total: number;
  restored: number;
  failed: { topic: string; reason: string }[];
  /** After the restore: topics not found retained, or found with other bytes. */
  missing: string[];
  different: string[];
  verify: VerifyReport;
  durationMs: number;
}

export interface RetainedSnapshotInfo {
  id: string;
  name: string;
  filter: string;
  broker: string;
  count: number;
  bytes: number;
  savedAt: number;
}

export interface RetainedDiffSide {
  size: number;
  qos: 0 | 1 | 2;
  preview: string;
}

export interface RetainedDiffItem {
  topic: string;
  before: RetainedDiffSide | null;
  after: RetainedDiffSide | null;
  /** For changed items: what differs. */
  changes: ('payload' | 'qos' | 'properties')[];
}

export interface RetainedDiff {
  filter: string;
  /** When the reference was saved, and the scan it was compared with. */
  referenceSavedAt: number;
  scan: ScanReport;
  added: RetainedDiffItem[];
  removed: RetainedDiffItem[];
  changed: RetainedDiffItem[];
  unchanged: number;
}

/** A long operation in progress, for the progress bar. */
export interface RetainedJob {
  connectionId: string;
  kind: 'scan' | 'clear' | 'restore' | 'verify';
  done: number;
  total: number | null;
  failed: number;
  startedAt: number;
}

export interface RetainedResults {
  listRetained: RetainedPage;
  getRetained: RetainedDetail | null;
  scanRetained: ScanReport;
  clearRetained: ClearReport;
  exportRetained: { text: string; fileName: string; count: number };
  restoreRetained: RestoreReport;
  saveRetainedSnapshot: RetainedSnapshotInfo;
  listRetainedSnapshots: { snapshots: RetainedSnapshotInfo[]; problem: string | null };
  deleteRetainedSnapshot: void;
  getRetainedSnapshot: { text: string; fileName: string };
  compareRetained: RetainedDiff;
  getRetainedState: RetainedEvents['retained'];
}

export interface RetainedEvents {
  /** Per connection: the index revision (a view re-asks for its page when it moves), the last scan; and jobs running. */
  retained: {
    connections: { connectionId: string; revision: number; count: number; lastScan: ScanReport | null }[];
    jobs: RetainedJob[];
    snapshotsRevision: number;
  };
}
