// What one view (a window or a browser tab) looks at, and the batches it is sent.
// The core calls flush() at most ~30 times a second; each flush sends only what
// changed in what this view shows: the tree rows in its window, the new history
// entries of its selected topic, and the connection list.
import type { EventName, HistoryDelta, HistoryEntry, ScopeEvents, TreeWindow } from '../../shared/contract';
import { treeDelta } from '../../shared/tree-delta';
import { previewPayload } from '../../shared/payload-format';
import type { ConnectionEntry } from './connection-entry';
import type { StoredMessage } from './message-history';
import { buildTreeWindow } from './tree-window';
import { VisibleRows } from './visible-rows';
import type { FlowFilter, PacketFilter } from '../../shared/capture-contract';
import type { PacketCapture } from './capture/packet-capture';
import { flowWindow, packetWindow } from './capture/capture-views';
import { SeriesSet } from './series/series-set';

export type EventPush = <E extends EventName>(event: E, payload: ScopeEvents[E]) => void;

interface ConnectionView {
  /** The open nodes, and the rows they show. */
  visible: VisibleRows;
  start: number;
  count: number;
  selectedTopic: string | null;
}

/** Revisions of what the core has; a view compares them with what it last sent. */
export interface FeedSource {
  connection(id: string): ConnectionEntry | undefined;
  appRevision: number;
  connectionsRevision: number;
  /** Bumped by every message on any connection (the counters in the list). */
  countersRevision: number;
  appInfo(): ScopeEvents['app'];
  connectionSummaries(): ScopeEvents['connections'];
  historyLimits(): HistoryDelta['limits'];
  /** Bumped when history limits change: every history view starts over. */
  historyEpoch: number;
  capture: PacketCapture;
  profilesRevision: number;
  profilesState(): ScopeEvents['profiles'];
  publishingRevision: number;
  publishingState(): ScopeEvents['publishing'];
  retainedRevision: number;
  retainedState(): ScopeEvents['retained'];
}

interface CaptureView<F> {
  start: number;
  count: number;
  filter: F;
}

const historyPreviewChars = 200;
/** Counters move with every message; the list goes out at most this often for them alone. */
const countersIntervalMs = 250;
const retainedIntervalMs = 200;
/** Chart points go out at most this often: a chart redraws smoothly at 10 a second, and each redraw costs the page. */
const seriesIntervalMs = 100;

export class ViewFeed {
  private readonly views = new Map<string, ConnectionView>();
  private activeId: string | null = null;
  private sentApp = -1;
  private sentConnections = -1;
  private sentConnectionsAt = 0;
  private sentCounters = -1;
  private treeDirty = true;
  private sentTreeRevision = -1;
  /** The window the view holds (as last sent), which a delta patches; null: send the next one whole. */
  private sentTree: TreeWindow | null = null;
  private treeSeq = 0;
  private treeSoon = false;
  private historyTopic: string | null = null;
  /** Next seq to send for the selected topic; -1 means send everything (reset). */
  private historyNextSeq = -1;
  private historyEpoch = -1;
  private packetView: CaptureView<PacketFilter> | null = null;
  private flowView: CaptureView<FlowFilter> | null = null;
  private sentPackets = -1;
  private sentFlows = -1;
  private sentLinks = -1;
  private sentLinksFlows = -1;
  private lastLinksJson = '';
  private sentLinksAt = 0;
  private sentProfiles = -1;
  private sentPublishing = -1;
  private sentRetained = -1;
  private sentRetainedAt = 0;
  /** The series this view charts (any connection's, shown or not). */
  readonly series = new SeriesSet();
  private sentSeriesAt = 0;

  constructor(
    private readonly source: FeedSource,
    private readonly push: EventPush,
  ) {}

  /** The view of a connection that exists (the handlers check that first). */
  view(connectionId: string): ConnectionView {
    let v = this.views.get(connectionId);
    if (!v) {
      const entry = this.source.connection(connectionId);
      if (!entry) throw new Error(`No connection ${connectionId}`);
      v = { visible: new VisibleRows(entry.tree), start: 0, count: 0, selectedTopic: null };
      this.views.set(connectionId, v);
    }
    return v;
  }

  setWindow(connectionId: string, start: number, count: number): void {
    const v = this.view(connectionId);
    v.start = start;
    v.count = count;
    this.activate(connectionId);
    // A view that asks for its window gets it whole: it may hold nothing a delta could patch.
    this.sentTree = null;
    this.treeDirty = true;
    this.flushTreeSoon();
  }

  setExpanded(connectionId: string, paths: string[], expanded: boolean): void {
    this.view(connectionId).visible.setOpen(paths, expanded);
    this.treeDirty = true;
    this.flushTreeSoon();
  }

  select(connectionId: string, topic: string | null): void {
    this.view(connectionId).selectedTopic = topic;
    this.activate(connectionId);
    this.historyNextSeq = -1;
  }

  setPacketView(view: CaptureView<PacketFilter>): void {
    this.packetView = view;
    this.sentPackets = -1;
  }

  setFlowView(view: CaptureView<FlowFilter>): void {
    this.flowView = view;
    this.sentFlows = -1;
  }

  forget(connectionId: string): void {
    this.views.delete(connectionId);
    this.series.forgetConnection(connectionId);
    if (this.activeId === connectionId) this.activeId = null;
  }

  private activate(connectionId: string): void {
    if (this.activeId !== connectionId) {
      this.activeId = connectionId;
      this.treeDirty = true;
      this.sentTree = null;
      this.historyNextSeq = -1;
    }
  }

  flush(now: number): void {
    const s = this.source;
    if (this.sentApp !== s.appRevision) {
      this.sentApp = s.appRevision;
      this.push('app', s.appInfo());
    }
    const countersMoved = s.countersRevision !== this.sentCounters && now - this.sentConnectionsAt >= countersIntervalMs;
    if (this.sentConnections !== s.connectionsRevision || countersMoved) {
      this.sentConnections = s.connectionsRevision;
      this.sentCounters = s.countersRevision;
      this.sentConnectionsAt = now;
      this.push('connections', s.connectionSummaries());
    }
    if (this.sentProfiles !== s.profilesRevision) {
      this.sentProfiles = s.profilesRevision;
      this.push('profiles', s.profilesState());
    }
    if (this.sentPublishing !== s.publishingRevision) {
      this.sentPublishing = s.publishingRevision;
      this.push('publishing', s.publishingState());
    }
    // A view re-reads its page of the retained table when this moves: a few times a second is enough.
    if (this.sentRetained !== s.retainedRevision && now - this.sentRetainedAt >= retainedIntervalMs) {
      this.sentRetained = s.retainedRevision;
      this.sentRetainedAt = now;
      this.push('retained', s.retainedState());
    }
    this.flushCapture(now);
    this.flushSeries(now);
    const entry = this.activeId ? s.connection(this.activeId) : undefined;
    if (!entry) return;
    this.flushTree(entry);
    this.flushHistory(entry);
  }

  // The capture views do not depend on the selected connection: the log shows every link.
  private flushCapture(now: number): void {
    const capture = this.source.capture;
    // In-flight counts follow the flows, but most flows (QoS 0 above all) change none of
    // them: when only the flows moved, the list goes out only if it reads differently,
    // and at most a few times a second, like the counters: with a thousand clients the list
    // is a thousand links, and QoS 1 traffic changes some count nearly every tick.
    const linksMoved = this.sentLinks !== capture.linksRevision;
    const flowsMoved = this.sentLinksFlows !== capture.flowsRevision && now - this.sentLinksAt >= countersIntervalMs;
    if (linksMoved || flowsMoved) {
      this.sentLinks = capture.linksRevision;
      this.sentLinksFlows = capture.flowsRevision;
      const list = capture.linkList();
      const json = JSON.stringify(list);
      if (linksMoved || json !== this.lastLinksJson) {
        this.lastLinksJson = json;
        this.sentLinksAt = now;
        this.push('links', list);
      }
    }
    if (this.packetView && this.sentPackets !== capture.packetsRevision) {
      this.sentPackets = capture.packetsRevision;
      const v = this.packetView;
      this.push('packets', packetWindow(capture, v.filter, v.start, v.count));
    }
    if (this.flowView && this.sentFlows !== capture.flowsRevision) {
      this.sentFlows = capture.flowsRevision;
      const v = this.flowView;
      this.push('flows', flowWindow(capture, v.filter, v.start, v.count));
    }
  }

  // Series belong to no one connection: a chart keeps plotting while another is shown.
  private flushSeries(now: number): void {
    if (this.series.size === 0 || now - this.sentSeriesAt < seriesIntervalMs) return;
    const updates = this.series.collect((id) => this.source.connection(id));
    if (updates.length === 0) return;
    this.sentSeriesAt = now;
    this.push('series', updates);
  }

  private flushTree(entry: ConnectionEntry): void {
    if (!this.treeDirty && entry.tree.revision === this.sentTreeRevision) return;
    const v = this.view(entry.id);
    const window = buildTreeWindow(entry.id, this.treeSeq + 1, v.visible, v.start, v.count);
    this.treeDirty = false;
    this.sentTreeRevision = entry.tree.revision;
    const previous = this.sentTree;
    const delta = previous && treeDelta(previous, window);
    // Messages elsewhere in the tree often leave the visible rows as they were.
    if (delta && delta.rows.length === 0 && delta.totalRows === previous.totalRows) return;
    this.treeSeq++;
    this.sentTree = window;
    if (delta) this.push('treeDelta', delta);
    else this.push('tree', window);
  }

  /**
   * A view's own request (a scroll, an expand) is answered at once rather than at the
   * next tick, up to 33 ms later: the sooner the rows come, the fewer frames the view
   * draws without them.
   */
  private flushTreeSoon(): void {
    if (this.treeSoon) return;
    this.treeSoon = true;
    setImmediate(() => {
      this.treeSoon = false;
      const entry = this.activeId ? this.source.connection(this.activeId) : undefined;
      if (entry) this.flushTree(entry);
    });
  }

  private flushHistory(entry: ConnectionEntry): void {
    const topic = this.view(entry.id).selectedTopic;
    if (this.historyEpoch !== this.source.historyEpoch) {
      this.historyEpoch = this.source.historyEpoch;
      this.historyNextSeq = -1;
    }
    if (topic !== this.historyTopic) {
      this.historyTopic = topic;
      this.historyNextSeq = -1;
    }
    if (topic === null) return;
    const history = entry.tree.find(topic)?.history ?? null;
    const reset = this.historyNextSeq === -1;
    const endSeq = history?.endSeq ?? 0;
    if (!reset && endSeq <= this.historyNextSeq) return;
    const messages = history ? history.newestFirstFrom(reset ? 0 : this.historyNextSeq) : [];
    this.historyNextSeq = endSeq;
    const delta: HistoryDelta = {
      connectionId: entry.id,
      topic,
      reset,
      entries: messages.map(toHistoryEntry),
      oldestSeq: history?.oldestSeq ?? 0,
      kept: { count: history?.count ?? 0, bytes: history?.bytes ?? 0 },
      evicted: { count: history?.evictedCount ?? 0, bytes: history?.evictedBytes ?? 0 },
      limits: this.source.historyLimits(),
    };
    this.push('history', delta);
  }
}

function toHistoryEntry(m: StoredMessage): HistoryEntry {
  const p = previewPayload(m.payload, historyPreviewChars);
  return { seq: m.seq, receivedAt: m.receivedAt, qos: m.qos, retain: m.retain, size: m.payload.length, format: p.format, preview: p.preview, previewTruncated: p.truncated };
}
