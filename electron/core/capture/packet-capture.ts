// The capture: every packet of every tapped link, kept with its raw bytes in a ring
// buffer, grouped into QoS flows, with the user's faults applied per link.
//
// Where a link is recorded: clients of the embedded broker at the broker's tap (so
// devices are seen too, and our own connection to it once, not twice); connections
// to other brokers at our client's tap.
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import type { Packet } from 'mqtt-packet';
import type { CaptureLink, FaultRequest, FlowRecord, PacketRecord } from '../../../shared/capture-contract';
import { packetTypeOf, type PacketTypeName } from '../../../shared/packet-types';
import { UserInputError } from '../../../shared/rpc';
import { FaultPlan, type FaultDecision } from './fault-plan';
import { FlowTracker } from './flow-tracker';
import { FrameDecoder } from './frame-decoder';
import { MessageLinker } from './message-linker';
import { summarizePacket } from './packet-summary';
import { PacketTap, type FrameFault, type TapListener } from './packet-tap';
import { PacketStore, type StoredPacket } from './packet-store';

export type { StoredPacket } from './packet-store';

interface LinkState {
  link: CaptureLink;
  faults: FaultPlan;
  taps: Set<PacketTap>;
  /** When its last connection closed (performance.now()); null while connected. */
  closedAt: number | null;
}

/**
 * Links whose connection closed stay listed (their packets are still in the log), but
 * only so many: a fleet that reconnects with fresh client ids, or a flood of bad
 * connections, would otherwise grow the list, and every view's copy of it, without end.
 * The links of our own connections and links with faults set are always kept.
 */
export const maxClosedLinks = 200;

export interface CaptureLimits {
  maxPackets: number;
  maxFlows: number;
}

export const defaultCaptureLimits: CaptureLimits = { maxPackets: 200_000, maxFlows: 100_000 };

export class PacketCapture {
  readonly packets: PacketStore;
  readonly flows: FlowTracker;
  private readonly links = new Map<string, LinkState>();
  private readonly linker = new MessageLinker();
  /** Our own connections' client ids, so the broker's view of them carries their name. */
  private readonly ownClients = new Map<string, { connectionId: string; label: string }>();
  private anonymousCount = 0;
  packetsRevision = 0;
  linksRevision = 0;
  /** Off: taps pass bytes on without recording them (faults still apply). */
  enabled = true;

  constructor(limits: CaptureLimits = defaultCaptureLimits) {
    this.packets = new PacketStore(limits.maxPackets);
    this.flows = new FlowTracker(limits.maxFlows);
  }

  get flowsRevision(): number {
    return this.flows.revision;
  }

  setLimits(limits: CaptureLimits): void {
    this.packets.setCapacity(limits.maxPackets);
    this.flows.setCapacity(limits.maxFlows);
    this.packetsRevision++;
    this.flows.revision++;
  }

  registerOwnClient(clientId: string, connectionId: string, label: string): void {
    this.ownClients.set(clientId, { connectionId, label });
  }

  /** Wraps a client socket before Aedes handles it. */
  tapBrokerSocket(socket: Duplex, remote: string): Duplex {
    const context = new TapContext(this, null, remote);
    const tap = new PacketTap(socket, false, context);
    context.tap = tap;
    return tap;
  }

  /** Wraps the stream MQTT.js built for one of our connections to another broker. */
  tapClientStream(stream: Duplex, connectionId: string, label: string, clientId: string, remote: string): Duplex {
    const linkId = `conn:${connectionId}`;
    const state = this.linkState(linkId, () => ({ kind: 'connection', label, clientId, connectionId, remote }));
    const context = new TapContext(this, linkId, remote);
    const tap = new PacketTap(stream, true, context);
    context.tap = tap;
    state.taps.add(tap);
    state.closedAt = null;
    return tap;
  }

  linkList(): CaptureLink[] {
    return [...this.links.values()].map((s) => ({
      ...s.link,
      connected: s.taps.size > 0,
      faults: s.faults.list(),
      receiveMaximum: { ...s.link.receiveMaximum },
      inFlight: this.flows.inFlight(s.link.id),
    }));
  }

  injectFault(request: FaultRequest): void {
    this.requireLink(request.linkId).faults.add(request);
  }

  clearFaults(linkId: string): void {
    this.requireLink(linkId).faults.clear();
  }

  cutLink(linkId: string): void {
    const state = this.requireLink(linkId);
    if (state.taps.size === 0) throw new UserInputError(`${state.link.label} is not connected right now.`, 'linkId');
    for (const tap of state.taps) tap.cut();
  }

  packet(seq: number): StoredPacket | undefined {
    return this.packets.get(seq);
  }

  flow(id: number): FlowRecord | undefined {
    return this.flows.get(id);
  }

  // ---- called by the taps ----

  /** Resolves a broker-side link once its CONNECT names the client. */
  brokerLinkFor(clientId: string, remote: string, tap: PacketTap): string {
    const name = clientId === '' ? `(no client id #${++this.anonymousCount})` : clientId;
    const linkId = `broker:${name}`;
    const own = this.ownClients.get(clientId);
    const state = this.linkState(linkId, () => ({
      kind: 'broker-client',
      label: own ? own.label : name,
      clientId: name,
      connectionId: own?.connectionId ?? null,
      remote,
    }));
    state.taps.add(tap);
    state.closedAt = null;
    state.link.remote = remote;
    this.linksRevision++;
    return linkId;
  }

  faultsPossible(linkId: string | null, fromClient: boolean): boolean {
    return linkId !== null && (this.links.get(linkId)?.faults.possible(fromClient) ?? false);
  }

  decide(linkId: string | null, type: PacketTypeName, fromClient: boolean): FaultDecision {
    if (linkId === null) return { action: 'pass' };
    return this.links.get(linkId)?.faults.decide(type, fromClient) ?? { action: 'pass' };
  }

  record(linkId: string, frame: Uint8Array, fromClient: boolean, fault: FrameFault, decoded: Packet | null, error: string | null, protocolVersion: number): void {
    const at = performance.now();
    const type = packetTypeOf(frame[0]) ?? 'CONNECT';
    // A record for the flow tracker to read now; the store keeps its fields in columns.
    const record: PacketRecord = {
      seq: -1,
      at,
      time: 0,
      linkId,
      fromClient,
      type,
      size: frame.length,
      ...summarizePacket(decoded, frame[0]),
      fault,
      error: packetTypeOf(frame[0]) === null ? `Reserved packet type 0 (first byte 0x${frame[0].toString(16).padStart(2, '0')})` : error,
      flowId: null,
    };
    record.seq = this.packets.push(record, frame, protocolVersion);
    if (decoded?.cmd === 'connect') {
      if (decoded.clean !== false && fault !== 'dropped') this.flows.onCleanConnect(linkId, at);
      const state = this.links.get(linkId);
      if (state) {
        state.link.protocolVersion = protocolVersion;
        state.link.receiveMaximum = { toBroker: null, toClient: decoded.properties?.receiveMaximum ?? null };
      }
      this.linksRevision++;
    }
    if (decoded?.cmd === 'connack') {
      const state = this.links.get(linkId);
      if (state) state.link.receiveMaximum = { ...state.link.receiveMaximum, toBroker: decoded.properties?.receiveMaximum ?? null };
      this.linksRevision++;
    }
    if (decoded?.cmd === 'connack' && fault !== 'dropped') this.flows.onSessionStarted(linkId, decoded.sessionPresent, at);
    const payload = decoded?.cmd === 'publish' ? (typeof decoded.payload === 'string' ? Buffer.from(decoded.payload) : decoded.payload) : null;
    this.flows.onPacket({ record, payloadSize: payload ? payload.length : 0 }, (flow) =>
      this.links.get(linkId)?.link.kind === 'broker-client' && payload ? this.linker.link(flow, payload) : null,
    );
    if (record.flowId !== null) this.packets.setFlowId(record.seq, record.flowId);
    this.packetsRevision++;
  }

  closed(linkId: string | null, tap: PacketTap): void {
    if (linkId === null) return;
    const state = this.links.get(linkId);
    state?.taps.delete(tap);
    this.flows.onLinkClosed(linkId, performance.now());
    if (state && state.taps.size === 0) {
      state.closedAt = performance.now();
      this.forgetOldClosedLinks();
    }
    this.linksRevision++;
  }

  private forgetOldClosedLinks(): void {
    const closed = [...this.links.values()].filter((s) => s.closedAt !== null);
    if (closed.length <= maxClosedLinks) return;
    const forgettable = closed.filter((s) => s.link.connectionId === null && s.faults.list().length === 0).sort((a, b) => a.closedAt! - b.closedAt!);
    for (const s of forgettable.slice(0, closed.length - maxClosedLinks)) this.links.delete(s.link.id);
  }

  private linkState(linkId: string, make: () => Pick<CaptureLink, 'kind' | 'label' | 'clientId' | 'connectionId' | 'remote'>): LinkState {
    let state = this.links.get(linkId);
    if (!state) {
      const faults = new FaultPlan();
      faults.onChange = () => this.linksRevision++;
      state = {
        link: { id: linkId, connected: true, protocolVersion: null, faults: [], receiveMaximum: { toBroker: null, toClient: null }, inFlight: { toBroker: 0, toClient: 0 }, ...make() },
        faults,
        taps: new Set(),
        closedAt: null,
      };
      this.links.set(linkId, state);
      this.linksRevision++;
    }
    return state;
  }

  private requireLink(linkId: string): LinkState {
    const state = this.links.get(linkId);
    if (!state) throw new UserInputError(`No captured link ${linkId}.`, 'linkId');
    return state;
  }
}

/** One network connection's view: its decoders and, broker-side, the link its CONNECT names. */
class TapContext implements TapListener {
  tap!: PacketTap;
  private protocolVersion = 4;
  private readonly fromClientDecoder = new FrameDecoder();
  private readonly fromBrokerDecoder = new FrameDecoder();

  constructor(
    private readonly capture: PacketCapture,
    private linkId: string | null,
    private readonly remote: string,
  ) {}

  frame(frame: Uint8Array, fromClient: boolean, fault: FrameFault): void {
    const decoded = (fromClient ? this.fromClientDecoder : this.fromBrokerDecoder).decode(frame);
    const packet = decoded.packet;
    if (packet?.cmd === 'connect' && fromClient) {
      this.protocolVersion = packet.protocolVersion ?? 4;
      this.fromClientDecoder.setProtocolVersion(this.protocolVersion);
      this.fromBrokerDecoder.setProtocolVersion(this.protocolVersion);
      if (this.linkId === null) this.linkId = this.capture.brokerLinkFor(packet.clientId, this.remote, this.tap);
    }
    // Bytes before a CONNECT (a client that never says who it is) still belong somewhere.
    if (this.linkId === null) this.linkId = this.capture.brokerLinkFor('', this.remote, this.tap);
    if (!this.capture.enabled) return;
    this.capture.record(this.linkId, frame, fromClient, fault, packet, decoded.error, this.protocolVersion);
  }

  closed(): void {
    this.capture.closed(this.linkId, this.tap);
  }

  decide(type: PacketTypeName, fromClient: boolean): FaultDecision {
    return this.capture.decide(this.linkId, type, fromClient);
  }

  faultsPossible(fromClient: boolean): boolean {
    return this.capture.faultsPossible(this.linkId, fromClient);
  }

  get recording(): boolean {
    // Until its CONNECT names the client, a broker-side link is recorded regardless: the CONNECT is how it gets its name.
    return this.capture.enabled || this.linkId === null;
  }
}
