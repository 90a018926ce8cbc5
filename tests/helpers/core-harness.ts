// The core as a transport would drive it: a ScopeCore with a temporary data dir, one
// session whose pushed events are recorded, and requests sent through dispatchRequest
// (the same validation path as Electron IPC and the WebSocket host).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionSummary, EventName, HistoryDelta, HistoryEntry, RequestName, ScopeEvents, TreeDelta, TreeRow, TreeWindow } from '../../shared/contract';
import { dispatchRequest, type RpcResult } from '../../shared/rpc';
import { applyTreeDelta } from '../../shared/tree-delta';
import { ScopeCore, type ScopeSession } from '../../electron/core/scope-core';
import { waitFor } from './wait-for';

export interface CoreHarnessOptions {
  /** Embedded broker port: a number (a free one, usually), or 0 for no embedded broker (the default). */
  brokerPort?: number;
  /** The embedded broker's bind address (127.0.0.1 unless given). */
  brokerHost?: string;
  demo?: boolean;
  /** Start on this data folder (a restart); the caller removes it. Default: a fresh one, removed at close. */
  dataDir?: string;
}

export interface RecordedEvent<E extends EventName = EventName> {
  event: E;
  payload: ScopeEvents[E];
  at: number;
}

export interface HistoryView {
  /** Newest first, as the view would hold them after applying every delta since selectTopic. */
  entries: HistoryEntry[];
  /** The last delta received. */
  last: HistoryDelta;
}

export interface CoreHarness {
  core: ScopeCore;
  session: ScopeSession;
  dataDir: string;
  /** Log lines the core wrote (instead of the console). */
  logLines: string[];
  events: RecordedEvent[];
  call(name: string, arg?: unknown): Promise<RpcResult<unknown>>;
  /** call() that must succeed; returns the value or throws with the error message. */
  ok<K extends RequestName>(name: K, arg?: unknown): Promise<unknown>;
  latest<E extends EventName>(event: E): ScopeEvents[E] | undefined;
  summary(connectionId: string): Promise<ConnectionSummary | undefined>;
  waitForStatus(connectionId: string, kind: ConnectionSummary['status']['kind'], timeoutMs?: number): Promise<ConnectionSummary>;
  waitForSubscriptions(connectionId: string, timeoutMs?: number): Promise<ConnectionSummary>;
  /** Expands the path's parents, shows a big window and waits for a 'tree' event holding the row. */
  waitForTreeRow(connectionId: string, topicPath: string, predicate?: (row: TreeRow) => boolean, timeoutMs?: number): Promise<TreeRow>;
  /** Selects the topic and waits until the history the view holds satisfies the predicate. */
  waitForHistory(connectionId: string, topic: string, predicate: (view: HistoryView) => boolean, timeoutMs?: number): Promise<HistoryView>;
  close(): Promise<void>;
}

export async function startCore(options: CoreHarnessOptions = {}): Promise<CoreHarness> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'scope-core-'));
  const logLines: string[] = [];
  let core: ScopeCore;
  try {
    core = await ScopeCore.start({
      dataDir,
      brokerPort: options.brokerPort ?? 0,
      brokerHost: options.brokerHost ?? '127.0.0.1',
      demo: options.demo ?? false,
      shell: 'web',
      log: (line) => logLines.push(line),
    });
  } catch (err) {
    if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const events: RecordedEvent[] = [];
  // A transport serialises what it sends; cloning keeps later mutations out of the record.
  const session = core.openSession((event, payload) => events.push({ event, payload: structuredClone(payload), at: Date.now() }));

  const call = (name: string, arg?: unknown) => dispatchRequest(session.handlers, name, arg);
  const ok = async (name: RequestName, arg?: unknown) => {
    const result = await call(name, arg);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message} (field ${result.error.field})`);
    return result.value;
  };
  const latest = <E extends EventName>(event: E) => {
    for (let i = events.length - 1; i >= 0; i--) if (events[i].event === event) return events[i].payload as ScopeEvents[E];
    return undefined;
  };
  const summary = async (connectionId: string) => ((await ok('listConnections')) as ConnectionSummary[]).find((c) => c.id === connectionId);

  const harness: CoreHarness = {
    core,
    session,
    dataDir,
    logLines,
    events,
    call,
    ok,
    latest,
    summary,

    waitForStatus: (connectionId, kind, timeoutMs = 15_000) =>
      waitFor(
        async () => {
          const s = await summary(connectionId);
          return s && s.status.kind === kind ? s : null;
        },
        { what: `connection ${connectionId} to be ${kind}`, timeoutMs },
      ),

    waitForSubscriptions: (connectionId, timeoutMs = 15_000) =>
      waitFor(
        async () => {
          const s = await summary(connectionId);
          return s && s.status.kind === 'connected' && s.subscriptions.every((sub) => sub.state !== 'pending') ? s : null;
        },
        { what: `connection ${connectionId} to be connected with every SUBACK in`, timeoutMs },
      ),

    waitForTreeRow: async (connectionId, topicPath, predicate = () => true, timeoutMs = 10_000) => {
      const levels = topicPath.split('/');
      for (let i = 1; i < levels.length; i++) {
        await ok('setExpanded', { connectionId, path: levels.slice(0, i).join('/'), expanded: true });
      }
      await ok('viewTree', { connectionId, start: 0, count: 2000 });
      return waitFor(
        () => {
          const row = currentTreeWindow(events, connectionId)?.rows.find((r) => r.path === topicPath);
          return row && predicate(row) ? row : null;
        },
        { what: `a tree row ${topicPath} on ${connectionId} matching the test's condition`, timeoutMs },
      );
    },

    waitForHistory: async (connectionId, topic, predicate, timeoutMs = 10_000) => {
      // The handler runs synchronously inside dispatchRequest, so no flush can come
      // between taking this index and the selection.
      const from = events.length;
      await ok('selectTopic', { connectionId, topic });
      let applied = from;
      let entries: HistoryEntry[] = [];
      let last: HistoryDelta | null = null;
      return waitFor(
        () => {
          for (; applied < events.length; applied++) {
            const e = events[applied];
            if (e.event !== 'history') continue;
            const delta = e.payload as HistoryDelta;
            if (delta.connectionId !== connectionId || delta.topic !== topic) continue;
            entries = delta.reset ? [...delta.entries] : [...delta.entries, ...entries];
            entries = entries.filter((x) => x.seq >= delta.oldestSeq);
            last = delta;
          }
          if (!last) return null;
          const view = { entries, last };
          return predicate(view) ? view : null;
        },
        { what: `the history of ${topic} on ${connectionId} to match the test's condition`, timeoutMs },
      );
    },

    close: async () => {
      session.close();
      try {
        await core.close();
      } finally {
        if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  return harness;
}

/** The view's current state: the latest whole window of the connection, with the deltas that followed it. */
function currentTreeWindow(events: RecordedEvent[], connectionId: string): TreeWindow | null {
  let window: TreeWindow | null = null;
  for (const e of events) {
    if (e.event === 'tree' && (e.payload as TreeWindow).connectionId === connectionId) window = e.payload as TreeWindow;
    else if (e.event === 'treeDelta' && window) window = applyTreeDelta(window, e.payload as TreeDelta) ?? window;
  }
  return window;
}
