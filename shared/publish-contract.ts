// Publishing's part of the contract: one publish with its MQTT 5.0 properties, a
// repeated publish, a request that waits for its reply, and the publish library
// (history and saved payloads, per connection). contract.ts merges these in.
import { z } from 'zod';

const connectionId = z.string().min(1).max(100);
const topicText = z.string().max(65535);
const qos = z.union([z.literal(0), z.literal(1), z.literal(2)]);

/** How the payload text is to be read: as UTF-8 text, JSON (validated), hex digits or base64. */
export const payloadFormats = ['text', 'json', 'hex', 'base64'] as const;
export type PayloadInputFormat = (typeof payloadFormats)[number];

export const UserPropertySchema = z.object({ key: z.string().max(65535), value: z.string().max(65535) });

/** MQTT 5.0 PUBLISH properties (§3.3.2.3); a 3.x connection refuses them. */
export const PublishPropertiesSchema = z.object({
  contentType: z.string().max(65535).optional(),
  /** true: the payload is UTF-8 text (indicator 1); false: unspecified bytes (0). */
  payloadFormatIndicator: z.boolean().optional(),
  /** Seconds the broker may keep the message for subscribers that have not received it. */
  messageExpiryInterval: z.number().int().min(0).max(4_294_967_295).optional(),
  topicAlias: z.number().int().min(1).max(65535).optional(),
  responseTopic: topicText.optional(),
  /** Bytes, as base64. */
  correlationData: z.string().max(1_000_000).optional(),
  userProperties: z.array(UserPropertySchema).max(1000).optional(),
});
export type PublishProperties = z.infer<typeof PublishPropertiesSchema>;

/** What to publish, as the user wrote it: the payload stays text in the chosen format. */
export const PublishMessageSchema = z.object({
  topic: topicText,
  payload: z.string().max(512 * 1024 * 1024),
  format: z.enum(payloadFormats),
  qos,
  retain: z.boolean(),
  properties: PublishPropertiesSchema.optional(),
});
export type PublishMessage = z.infer<typeof PublishMessageSchema>;

export const PublishRequestSchema = PublishMessageSchema.extend({ connectionId });
export type PublishRequest = z.infer<typeof PublishRequestSchema>;

/** Request and response: how the reply is asked for and recognised. */
export const ReplyMatchSchema = z.discriminatedUnion('kind', [
  /** MQTT 5.0: Response Topic and Correlation Data properties; the reply carries the same correlation data. */
  z.object({ kind: z.literal('properties') }),
  /** MQTT 3.1.1 (or by choice): both go into the JSON payload under these keys; the reply's JSON carries the correlation key. */
  z.object({ kind: z.literal('json-fields'), responseTopicKey: z.string().min(1).max(200), correlationKey: z.string().min(1).max(200) }),
]);
export type ReplyMatch = z.infer<typeof ReplyMatchSchema>;

export const publishRequestSchemas = {
  publish: PublishRequestSchema,
  /** Publishes the same message every intervalMs, count times; progress in the `publishing` event. */
  startRepeat: PublishRequestSchema.extend({
    intervalMs: z.number().int().min(1).max(86_400_000),
    count: z.number().int().min(1).max(10_000_000),
  }),
  stopRepeat: z.object({ repeatId: z.string().min(1).max(100) }),
  /** Publishes and waits for the matching reply on responseTopic. */
  sendRequest: PublishRequestSchema.extend({
    responseTopic: topicText,
    /** Text; sent as its UTF-8 bytes (properties) or as a JSON string (json-fields). */
    correlation: z.string().min(1).max(65535),
    match: ReplyMatchSchema,
    timeoutMs: z.number().int().min(100).max(600_000),
  }),
  /** Topics seen on the connection that start with the prefix, for the topic field's completion. */
  completeTopic: z.object({ connectionId, prefix: topicText, limit: z.number().int().min(1).max(500) }),
  getPublishLibrary: z.object({ connectionId }),
  savePublish: z.object({ connectionId, name: z.string().max(200), message: PublishMessageSchema }),
  deleteSavedPublish: z.object({ connectionId, name: z.string().max(200) }),
  clearPublishHistory: z.object({ connectionId }),
  /** What the `publishing` event carries, for a view that starts after it was pushed. */
  getPublishingState: z.undefined(),
} as const;

export interface PublishResult {
  /** The payload's size in bytes as sent. */
  size: number;
  packetId: number | null;
  /** The flow of this PUBLISH in the capture (its handshake on the timeline), when captured. */
  flowId: number | null;
}

export interface RepeatState {
  id: string;
  connectionId: string;
  topic: string;
  qos: 0 | 1 | 2;
  intervalMs: number;
  total: number;
  /** Publishes the broker accepted (QoS 0: written to the socket). */
  sent: number;
  failed: number;
  state: 'running' | 'done' | 'stopped' | 'failed';
  lastError: string | null;
  startedAt: number;
  endedAt: number | null;
}

export interface ReplyMessage {
  topic: string;
  qos: 0 | 1 | 2;
  size: number;
  payloadBase64: string;
  /** 5.0 properties as received (binary ones as hex), for display. */
  properties: Record<string, unknown>;
}

export type RequestOutcome =
  | { kind: 'reply'; rttMs: number; reply: ReplyMessage; request: PublishResult }
  | { kind: 'timeout'; waitedMs: number; request: PublishResult };

/** A message kept in the publish history or saved under a name. */
export interface PublishTemplate {
  name: string | null;
  message: PublishMessage;
  /** History only: the payload was larger than the history keeps (its size in bytes); message.payload is then ''. */
  payloadOmitted: number | null;
  /** Epoch ms of the publish (history) or of the save. */
  at: number;
}

export interface PublishLibrary {
  /** Which connection this is the library of: the broker URL, or 'embedded'. */
  key: string;
  /** Newest first, at most historyLimit entries. */
  history: PublishTemplate[];
  historyLimit: number;
  saved: PublishTemplate[];
  /** Why the saved file could not be used, if it could not (it was set aside). */
  problem: string | null;
}

export interface PublishResults {
  publish: PublishResult;
  startRepeat: { repeatId: string };
  stopRepeat: void;
  sendRequest: RequestOutcome;
  completeTopic: { topics: string[]; more: number };
  getPublishLibrary: PublishLibrary;
  savePublish: PublishLibrary;
  deleteSavedPublish: PublishLibrary;
  clearPublishHistory: PublishLibrary;
  getPublishingState: PublishEvents['publishing'];
}

export interface PublishEvents {
  /** Repeats running or finished lately; libraryRevision moves when any publish library changes. */
  publishing: { repeats: RepeatState[]; libraryRevision: number };
}
