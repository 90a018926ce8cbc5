// The packet capture's part of the contract: what the packet log, the inspector and
// the handshake timeline ask for and receive. contract.ts merges these in.
import { z } from 'zod';
import { allPacketTypes, type PacketTypeName } from './packet-types';
import type { Qos } from './contract';

const linkId = z.string().min(1).max(300);
const packetTypeSchema = z.enum(allPacketTypes as [PacketTypeName, ...PacketTypeName[]]);
export const flowStates = ['complete', 'in-flight', 'interrupted', 'abandoned'] as const;
export type FlowState = (typeof flowStates)[number];

export const PacketFilterSchema = z.object({
  types: z.array(packetTypeSchema).max(15).optional(),
  linkId: linkId.nullable().optional(),
  /** An MQTT filter (with + and #) or, without wildcards, a substring of the topic. */
  topic: z.string().max(65535).nullable().optional(),
});
export type PacketFilter = z.infer<typeof PacketFilterSchema>;

export const FlowFilterSchema = z.object({
  linkId: linkId.nullable().optional(),
  topic: z.string().max(65535).nullable().optional(),
  qos: z.array(z.union([z.literal(0), z.literal(1), z.literal(2)])).max(3).optional(),
  states: z.array(z.enum(flowStates)).max(4).optional(),
});
export type FlowFilter = z.infer<typeof FlowFilterSchema>;

export const FaultRequestSchema = z.object({
  linkId,
  /** Which way the packets travel that the fault applies to. */
  direction: z.enum(['to-broker', 'to-client']),
  packetType: packetTypeSchema,
  action: z.enum(['drop', 'delay']),
  count: z.number().int().min(1).max(10_000),
  delayMs: z.number().int().min(0).max(600_000).optional(),
});
export type FaultRequest = z.infer<typeof FaultRequestSchema>;

export const captureRequestSchemas = {
  viewPackets: z.object({ start: z.number().int().min(0), count: z.number().int().min(0).max(2000), filter: PacketFilterSchema }),
  viewFlows: z.object({ start: z.number().int().min(0), count: z.number().int().min(0).max(2000), filter: FlowFilterSchema }),
  getPacket: z.object({ seq: z.number().int().min(0) }),
  getFlow: z.object({ id: z.number().int().min(0) }),
  injectFault: FaultRequestSchema,
  clearFaults: z.object({ linkId }),
  /** Closes the link's network connection at once, as a cable pulled out would. */
  cutLink: z.object({ linkId }),
  /** Off: packets pass without being recorded (a little faster under heavy load); faults still apply. */
  setCaptureEnabled: z.object({ enabled: z.boolean() }),
  setCaptureLimits: z.object({ maxPackets: z.number().int().min(100).max(10_000_000), maxFlows: z.number().int().min(100).max(10_000_000) }),
  /** The flow that delivered a message of a topic's history (jump from the history to the timeline). */
  findFlow: z.object({ connectionId: z.string().min(1).max(100), topic: z.string().max(65535), seq: z.number().int().min(0) }),
  /** A guided demonstration on the embedded broker of what a QoS level protects against. */
  runScenario: z.object({ qos: z.union([z.literal(0), z.literal(1), z.literal(2)]) }),
} as const;

export interface ScenarioReport {
  title: string;
  /** What happened, step by step, in plain words, as it happened. */
  steps: string[];
  /** What the user should take from it. */
  conclusion: string;
  /** The links and topic of the scenario, to filter the timeline on. */
  linkIds: string[];
  topic: string;
  /** The flows the scenario produced (publisher's leg and deliveries). */
  flowIds: number[];
}

/** One client–broker relationship as a capture point sees it, kept across reconnects. */
export interface CaptureLink {
  /** 'conn:<connectionId>' for our own connections, 'broker:<clientId>' for clients of the embedded broker. */
  id: string;
  kind: 'connection' | 'broker-client';
  label: string;
  clientId: string;
  connectionId: string | null;
  connected: boolean;
  protocolVersion: number | null;
  remote: string;
  faults: ActiveFault[];
  /** Receive Maximum (5.0) each side announced: the broker's in CONNACK limits the client's QoS 1/2 sends, and the other way round. */
  receiveMaximum: { toBroker: number | null; toClient: number | null };
  /** QoS 1/2 handshakes open now, each way: compare with receiveMaximum to see the window. */
  inFlight: { toBroker: number; toClient: number };
}

export interface ActiveFault {
  direction: 'to-broker' | 'to-client';
  packetType: PacketTypeName;
  action: 'drop' | 'delay';
  remaining: number;
  delayMs: number;
}

export interface PacketRecord {
  seq: number;
  /** Milliseconds on a monotonic clock shared by all links, with sub-millisecond precision. */
  at: number;
  /** Wall-clock epoch ms, for display. */
  time: number;
  linkId: string;
  /** true: client → broker; false: broker → client. */
  fromClient: boolean;
  type: PacketTypeName;
  size: number;
  packetId: number | null;
  qos: Qos | null;
  dup: boolean;
  retain: boolean;
  topic: string | null;
  /** Return or reason code (CONNACK, PUBACK..., SUBACK's first, DISCONNECT, AUTH). */
  reasonCode: number | null;
  /** Injected by the user: dropped never reached the other side; delayed arrived late. */
  fault: 'dropped' | 'delayed' | null;
  /** Why the packet could not be decoded, if it could not. */
  error: string | null;
  flowId: number | null;
}

export interface FlowStep {
  seq: number;
  type: PacketTypeName;
  fromClient: boolean;
  at: number;
  dup: boolean;
  reasonCode: number | null;
  fault: 'dropped' | 'delayed' | null;
  /** A PUBLISH (or PUBREL) sent again for a packet id whose flow had not completed. */
  retransmission: boolean;
}

export interface FlowDeviation {
  /** The normative statement's identifier in the specification, e.g. MQTT-3.3.1-1. */
  clause: string;
  text: string;
}

export interface FlowRecord {
  id: number;
  linkId: string;
  /** true: the client published (client → broker leg); false: the broker delivered to the client. */
  senderIsClient: boolean;
  packetId: number | null;
  qos: Qos;
  topic: string;
  payloadSize: number;
  steps: FlowStep[];
  state: FlowState;
  /** While in flight or interrupted: the packet the flow waits for. */
  waitingFor: PacketTypeName | null;
  startedAt: number;
  endedAt: number | null;
  retransmissions: number;
  deviations: FlowDeviation[];
  /** Legs of one message through the embedded broker share this id (publisher's and each delivery). */
  messageId: number | null;
}

export interface PacketWindow {
  start: number;
  totalRows: number;
  rows: PacketRecord[];
  /** Everything captured since start, and how many of those the ring buffer no longer holds. */
  captured: number;
  evicted: number;
  capacity: number;
}

export interface FlowWindow {
  start: number;
  totalRows: number;
  rows: FlowRecord[];
  tracked: number;
  evicted: number;
  capacity: number;
}

export interface PacketDetail {
  record: PacketRecord;
  rawBase64: string;
  protocolVersion: number;
}

export interface CaptureResults {
  viewPackets: void;
  viewFlows: void;
  getPacket: PacketDetail | null;
  getFlow: FlowRecord | null;
  injectFault: void;
  clearFaults: void;
  cutLink: void;
  setCaptureLimits: void;
  setCaptureEnabled: void;
  findFlow: FlowRecord | null;
  runScenario: ScenarioReport;
}

export interface CaptureEvents {
  links: CaptureLink[];
  packets: PacketWindow;
  flows: FlowWindow;
}
