// The one contract between the renderer and the main process. Both transports
// (Electron IPC in electron/main, WebSocket in electron/web) carry exactly these
// requests and events; the renderer is handed a ScopeApi and never learns which.
import { z } from 'zod';
import type { BrokerEvent } from './broker-settings';
import { brokerRequestSchemas, type BrokerResults } from './broker-contract';
import { decoderRequestSchemas, type DecoderResults } from './decoder-contract';
import { captureRequestSchemas, type CaptureEvents, type CaptureResults } from './capture-contract';
import { profileRequestSchemas, type ProfileEvents, type ProfileResults } from './profile-contract';
import { publishRequestSchemas, type PublishEvents, type PublishResults } from './publish-contract';
import { retainedRequestSchemas, type RetainedEvents, type RetainedResults } from './retained-contract';
import { seriesRequestSchemas, type SeriesEvents, type SeriesResults } from './series-contract';
import { sysRequestSchemas, type SysResults } from './sys-contract';

export const QosSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type Qos = z.infer<typeof QosSchema>;

/** 3 = MQTT 3.1, 4 = MQTT 3.1.1, 5 = MQTT 5.0 (the numbers the CONNECT packet carries). */
export const ProtocolVersionSchema = z.union([z.literal(3), z.literal(4), z.literal(5)]);
export type ProtocolVersion = z.infer<typeof ProtocolVersionSchema>;

const connectionId = z.string().min(1).max(100);
const topicText = z.string().max(65535);

export const SubscriptionRequestSchema = z.object({
  filter: topicText,
  qos: QosSchema,
});
export type SubscriptionRequest = z.infer<typeof SubscriptionRequestSchema>;

export const ConnectRequestSchema = z.object({
  /** mqtt://, mqtts://, ws:// or wss://, optionally with user:pass@ and a path (ws). */
  url: z.string().max(2048),
  protocolVersion: ProtocolVersionSchema,
  name: z.string().max(200).optional(),
  clientId: z.string().max(200).optional(),
  username: z.string().max(1000).optional(),
  password: z.string().max(1000).optional(),
  subscriptions: z.array(SubscriptionRequestSchema).max(1000).optional(),
});
export type ConnectRequest = z.infer<typeof ConnectRequestSchema>;

export type { PublishRequest } from './publish-contract';

export const HistoryLimitsSchema = z.object({
  /** Messages kept per topic; older ones are evicted and counted. */
  maxMessagesPerTopic: z.number().int().min(1).max(1_000_000),
  /** Payload bytes kept per topic. */
  maxBytesPerTopic: z.number().int().min(1024).max(4 * 1024 * 1024 * 1024),
  /** Payload bytes kept across all topics of all connections: the oldest anywhere go first. */
  maxTotalBytes: z.number().int().min(1024 * 1024).max(64 * 1024 * 1024 * 1024),
});
export type HistoryLimits = z.infer<typeof HistoryLimitsSchema>;

/** Every request takes one argument object (or none); schemas validate it on the main side. */
export const requestSchemas = {
  getAppInfo: z.undefined(),
  listConnections: z.undefined(),
  connect: ConnectRequestSchema,
  disconnect: z.object({ connectionId }),
  reconnect: z.object({ connectionId }),
  removeConnection: z.object({ connectionId }),
  subscribe: z.object({
    connectionId,
    filter: topicText,
    qos: QosSchema,
    /** MQTT 5.0 subscription options; ignored by 3.x connections. */
    noLocal: z.boolean().optional(),
    retainAsPublished: z.boolean().optional(),
    retainHandling: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    subscriptionIdentifier: z.number().int().min(1).max(268_435_455).optional(),
  }),
  unsubscribe: z.object({ connectionId, filter: topicText }),
  /** Which rows of the flattened (expanded) tree this view shows; the feed sends only those. */
  viewTree: z.object({ connectionId, start: z.number().int().min(0), count: z.number().int().min(0).max(2000) }),
  setExpanded: z.object({ connectionId, path: topicText, expanded: z.boolean(), recursive: z.boolean().optional() }),
  /** The topic whose history this view shows (null: none). */
  selectTopic: z.object({ connectionId, topic: topicText.nullable() }),
  getMessage: z.object({ connectionId, topic: topicText, seq: z.number().int().min(0) }),
  setDemo: z.object({ enabled: z.boolean() }),
  setHistoryLimits: HistoryLimitsSchema,
  ...captureRequestSchemas,
  ...profileRequestSchemas,
  ...publishRequestSchemas,
  ...retainedRequestSchemas,
  ...brokerRequestSchemas,
  ...seriesRequestSchemas,
  ...decoderRequestSchemas,
  ...sysRequestSchemas,
} as const;

export type RequestName = keyof typeof requestSchemas;
export type RequestArg<K extends RequestName> = z.infer<(typeof requestSchemas)[K]>;

export type ConnectionStatus =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'connected'; since: number }
  /** attempt counts from 1; nextRetryAt is epoch ms; lastError says why the last try failed. */
  | { kind: 'reconnecting'; attempt: number; nextRetryAt: number; lastError: string | null }
  /** Given up (refused credentials, bad protocol, TLS failure...): code is the CONNACK code if any. */
  | { kind: 'failed'; reason: string; code: number | null }
  | { kind: 'disconnected' };

export interface SubscriptionState {
  filter: string;
  requestedQos: Qos;
  /** pending until SUBACK; granted with the broker's QoS (maybe lower); refused with the reason. */
  state: 'pending' | 'granted' | 'refused';
  grantedQos: Qos | null;
  reason: string | null;
}

/** What the broker answered to the last CONNECT: the session and the 5.0 properties it sent. */
export interface ConnackInfo {
  sessionPresent: boolean;
  code: number;
  /** The return or reason code in words. */
  text: string;
  /** 5.0 CONNACK properties as sent (receiveMaximum, maximumQoS, retainAvailable, topicAliasMaximum, assignedClientIdentifier, serverKeepAlive...). */
  properties: Record<string, unknown>;
  at: number;
}

export interface ConnectionSummary {
  id: string;
  name: string;
  /** The URL without its password. */
  url: string;
  protocolVersion: ProtocolVersion;
  clientId: string;
  /** The connection to our own embedded broker: one connection among the others. */
  embedded: boolean;
  status: ConnectionStatus;
  subscriptions: SubscriptionState[];
  connack: ConnackInfo | null;
  counters: { messagesReceived: number; messagesPublished: number; bytesReceived: number; topics: number };
}

export interface EmbeddedBrokerInfo {
  host: string;
  port: number | null;
  state: 'starting' | 'running' | 'stopped' | 'failed';
  /** Why it failed or why this port (e.g. "1883 was taken"). */
  note: string | null;
  clients: number;
  /** Reachable from other machines (bound to a non-loopback address). */
  exposed: boolean;
  requireAuth: boolean;
  /** The TLS listener: its port, or why it did not start; null when it is off. */
  tls: { port: number | null; problem: string | null } | null;
  /** Connections, packets and requests refused since start (limits, sign-in, ACL, malformed input). */
  refusals: number;
  /** The latest refusals, oldest first, as the log wrote them. */
  events: BrokerEvent[];
}

export interface AppInfo {
  version: string;
  /** 'electron' or 'web': only for wording in the UI, never for behaviour. */
  shell: 'electron' | 'web';
  broker: EmbeddedBrokerInfo | null;
  demo: { enabled: boolean; available: boolean; devices: number };
  historyLimits: HistoryLimits;
  /** How many packets and flows the capture keeps before the oldest go (counted, and shown). */
  captureLimits: { maxPackets: number; maxFlows: number };
  /** Whether packets are being recorded (the packet log and timeline fill only while on). */
  captureEnabled: boolean;
}

export type PayloadFormat = 'text' | 'json' | 'binary';

export interface TreeRow {
  path: string;
  name: string;
  depth: number;
  expanded: boolean;
  childCount: number;
  /** Topics with at least one message at or below this node (itself included). */
  topicCount: number;
  /** Messages received at or below this node. */
  messageCount: number;
  /** Messages received on exactly this topic. */
  ownMessageCount: number;
  /** One line of the latest payload on exactly this topic; null when it has none. */
  preview: string | null;
  previewFormat: PayloadFormat | null;
  retained: boolean;
  /** Epoch ms of the last message at or below this node: the view highlights recent changes. */
  changedAt: number;
}

/** The rows a view shows, whole: sent when the window moves or its rows are other topics than before. */
export interface TreeWindow {
  connectionId: string;
  /** Numbers the windows and deltas sent to a view, so that a delta applies only to what it follows. */
  seq: number;
  totalRows: number;
  start: number;
  rows: TreeRow[];
}

/**
 * Sent instead of a TreeWindow when the window holds the same topics in the same places
 * and only what some of them show changed (counters, previews, the flash): those rows.
 */
export interface TreeDelta {
  connectionId: string;
  seq: number;
  /** The seq of the window or delta this one follows. */
  base: number;
  totalRows: number;
  /** The rows that changed, each with its offset in the window. */
  rows: { at: number; row: TreeRow }[];
}

export interface HistoryEntry {
  seq: number;
  receivedAt: number;
  qos: Qos;
  retain: boolean;
  size: number;
  format: PayloadFormat;
  /** The start of the payload as one line; previewTruncated says whether more follows. */
  preview: string;
  previewTruncated: boolean;
}

export interface HistoryDelta {
  connectionId: string;
  topic: string;
  /** true: replace what the view holds; false: prepend `entries` (newest first). */
  reset: boolean;
  entries: HistoryEntry[];
  /** Entries with seq below this have been evicted; the view drops them. */
  oldestSeq: number;
  kept: { count: number; bytes: number };
  evicted: { count: number; bytes: number };
  limits: HistoryLimits;
}

export interface MessageDetail {
  seq: number;
  topic: string;
  receivedAt: number;
  qos: Qos;
  retain: boolean;
  size: number;
  payloadBase64: string;
}

export interface RequestResults extends CaptureResults, ProfileResults, PublishResults, RetainedResults, BrokerResults, SeriesResults, DecoderResults, SysResults {
  getAppInfo: AppInfo;
  listConnections: ConnectionSummary[];
  connect: { connectionId: string };
  disconnect: void;
  reconnect: void;
  removeConnection: void;
  subscribe: void;
  unsubscribe: void;
  viewTree: void;
  setExpanded: void;
  selectTopic: void;
  getMessage: MessageDetail | null;
  setDemo: void;
  setHistoryLimits: void;
}

/** Pushed from the main process; the feed sends at most ~30 batches a second. */
export interface ScopeEvents extends CaptureEvents, ProfileEvents, PublishEvents, RetainedEvents, SeriesEvents {
  app: AppInfo;
  connections: ConnectionSummary[];
  tree: TreeWindow;
  treeDelta: TreeDelta;
  history: HistoryDelta;
}
export type EventName = keyof ScopeEvents;
export const eventNames: readonly EventName[] = ['app', 'connections', 'tree', 'treeDelta', 'history', 'links', 'packets', 'flows', 'profiles', 'publishing', 'retained', 'series'];
export const requestNames = Object.keys(requestSchemas) as RequestName[];

export type ScopeRequests = {
  [K in RequestName]: RequestArg<K> extends undefined
    ? () => Promise<RequestResults[K]>
    : (arg: RequestArg<K>) => Promise<RequestResults[K]>;
};

/** What the renderer is handed, whatever the transport. */
export interface ScopeApi extends ScopeRequests {
  on<E extends EventName>(event: E, handler: (payload: ScopeEvents[E]) => void): () => void;
}
