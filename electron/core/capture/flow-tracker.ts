// Groups packets into QoS flows per link, sender and packet identifier:
//   QoS 0: PUBLISH
//   QoS 1: PUBLISH → PUBACK
//   QoS 2: PUBLISH → PUBREC → PUBREL → PUBCOMP
// A flow survives its connection: when the link closes mid-flow it is interrupted,
// and the same packet id sent again after the reconnect resumes it as a
// retransmission. A dropped packet (fault injection) is a step that changes nothing:
// the other side never received it.
import type { FlowRecord, FlowState, FlowStep, PacketRecord } from '../../../shared/capture-contract';
import type { PacketTypeName } from '../../../shared/packet-types';
import type { Qos } from '../../../shared/contract';
import { SeqRing } from '../seq-ring';

export interface FlowPacket {
  record: PacketRecord;
  /** Bytes of the PUBLISH payload (for linking legs through the broker). */
  payloadSize: number;
}

const dupClause = {
  clause: 'MQTT-3.3.1-1',
  text: 'A PUBLISH sent again must have its DUP flag set to 1 (MQTT 3.1.1 §3.3.1.1; MQTT 5.0 §3.3.1.1). This one has DUP 0.',
};

/** Shared by every flow without deviations (nearly all): one array less per message. Replaced, never pushed to. */
const noDeviations: FlowRecord['deviations'] = Object.freeze([]) as unknown as FlowRecord['deviations'];

const waitingAfter: Partial<Record<PacketTypeName, PacketTypeName | null>> = {
  PUBACK: null,
  PUBREC: 'PUBREL',
  PUBREL: 'PUBCOMP',
  PUBCOMP: null,
};

export class FlowTracker {
  private readonly ring: SeqRing<FlowRecord>;
  /** Flows not yet complete, by link, sender and packet id. */
  private readonly open = new Map<string, FlowRecord>();
  revision = 0;

  constructor(capacity: number) {
    this.ring = new SeqRing(capacity);
  }

  get store(): SeqRing<FlowRecord> {
    return this.ring;
  }

  get(id: number): FlowRecord | undefined {
    return this.ring.get(id);
  }

  /** Handshakes of a link that are open and not interrupted, by sender. */
  inFlight(linkId: string): { toBroker: number; toClient: number } {
    const counts = { toBroker: 0, toClient: 0 };
    for (const flow of this.open.values()) {
      if (flow.linkId !== linkId || flow.state !== 'in-flight') continue;
      if (flow.senderIsClient) counts.toBroker++;
      else counts.toClient++;
    }
    return counts;
  }

  /** Feeds one packet; returns the flow it belongs to, if any. */
  onPacket(packet: FlowPacket, messageIdFor: (flow: FlowRecord) => number | null): FlowRecord | null {
    const r = packet.record;
    switch (r.type) {
      case 'PUBLISH':
        return this.onPublish(packet, messageIdFor);
      case 'PUBACK':
      case 'PUBREC':
      case 'PUBCOMP':
        // Acknowledgements travel opposite to the PUBLISH.
        return this.onAck(r, !r.fromClient);
      case 'PUBREL':
        return this.onAck(r, r.fromClient);
      default:
        return null;
    }
  }

  /** The network connection of a link closed: its open flows wait for a reconnect. */
  onLinkClosed(linkId: string, at: number): void {
    for (const flow of this.open.values()) {
      if (flow.linkId === linkId && flow.state === 'in-flight') this.setState(flow, 'interrupted', at);
    }
  }

  /**
   * A CONNECT with Clean Session (3.1.1) or Clean Start (5.0): the client throws its
   * session away, so nothing interrupted on this link can finish.
   */
  onCleanConnect(linkId: string, at: number): void {
    this.abandonInterrupted(linkId, at, () => true);
  }

  /**
   * CONNACK without Session Present: the server kept no state, so its own unfinished
   * deliveries are gone. The client's may still be resent (MQTT.js resends whatever
   * the broker says), so those stay interrupted until they resume or are replaced.
   */
  onSessionStarted(linkId: string, sessionPresent: boolean, at: number): void {
    if (!sessionPresent) this.abandonInterrupted(linkId, at, (flow) => !flow.senderIsClient);
  }

  private abandonInterrupted(linkId: string, at: number, which: (flow: FlowRecord) => boolean): void {
    for (const [key, flow] of this.open) {
      if (flow.linkId === linkId && flow.state === 'interrupted' && which(flow)) {
        this.setState(flow, 'abandoned', at);
        flow.endedAt = at;
        this.open.delete(key);
      }
    }
  }

  private onPublish(packet: FlowPacket, messageIdFor: (flow: FlowRecord) => number | null): FlowRecord {
    const r = packet.record;
    const qos = (r.qos ?? 0) as Qos;
    if (qos > 0 && r.packetId !== null) {
      const key = flowKey(r.linkId, r.fromClient, r.packetId);
      const existing = this.open.get(key);
      if (existing && (existing.waitingFor === 'PUBACK' || existing.waitingFor === 'PUBREC')) {
        // The same packet id before its acknowledgement arrived: a retransmission.
        const step = this.addStep(existing, r, true);
        existing.retransmissions++;
        if (!r.dup && !existing.deviations.some((d) => d.clause === dupClause.clause)) existing.deviations = [...existing.deviations, dupClause];
        if (step.fault !== 'dropped' && existing.state !== 'in-flight') this.setState(existing, 'in-flight', r.at);
        this.revision++;
        return existing;
      }
      if (existing) {
        // Reusing a packet id before PUBCOMP: the old flow cannot finish any more.
        this.setState(existing, 'abandoned', r.at);
        existing.endedAt = r.at;
        this.open.delete(key);
      }
    }
    const flow: FlowRecord = {
      id: -1,
      linkId: r.linkId,
      senderIsClient: r.fromClient,
      packetId: r.packetId,
      qos,
      topic: r.topic ?? '',
      payloadSize: packet.payloadSize,
      steps: [],
      state: qos === 0 ? 'complete' : 'in-flight',
      waitingFor: qos === 0 ? null : qos === 1 ? 'PUBACK' : 'PUBREC',
      startedAt: r.at,
      endedAt: qos === 0 ? r.at : null,
      retransmissions: 0,
      deviations: noDeviations,
      messageId: null,
    };
    flow.id = this.ring.push(flow);
    this.addStep(flow, r, false);
    flow.messageId = messageIdFor(flow);
    if (qos > 0 && r.packetId !== null) this.open.set(flowKey(r.linkId, r.fromClient, r.packetId), flow);
    this.revision++;
    return flow;
  }

  private onAck(r: PacketRecord, senderIsClient: boolean): FlowRecord | null {
    if (r.packetId === null) return null;
    const key = flowKey(r.linkId, senderIsClient, r.packetId);
    const flow = this.open.get(key);
    if (!flow) return null;
    const retransmission = r.type === 'PUBREL' && flow.waitingFor === 'PUBCOMP';
    this.addStep(flow, r, retransmission);
    if (retransmission) flow.retransmissions++;
    this.revision++;
    if (r.fault === 'dropped' || (flow.waitingFor !== r.type && !retransmission)) return flow;
    // A 5.0 reason code of 0x80 or more ends a QoS 2 flow at PUBREC (§4.3.3).
    const failed = r.type === 'PUBREC' && r.reasonCode !== null && r.reasonCode >= 0x80;
    flow.waitingFor = failed ? null : (waitingAfter[r.type] ?? null);
    if (flow.waitingFor === null) {
      flow.state = 'complete';
      flow.endedAt = r.at;
      this.open.delete(key);
    } else if (flow.state !== 'in-flight') {
      flow.state = 'in-flight';
    }
    return flow;
  }

  private addStep(flow: FlowRecord, r: PacketRecord, retransmission: boolean): FlowStep {
    const step: FlowStep = { seq: r.seq, type: r.type, fromClient: r.fromClient, at: r.at, dup: r.dup, reasonCode: r.reasonCode, fault: r.fault, retransmission };
    flow.steps.push(step);
    r.flowId = flow.id;
    return step;
  }

  private setState(flow: FlowRecord, state: FlowState, _at: number): void {
    flow.state = state;
    this.revision++;
  }

  setCapacity(capacity: number): void {
    this.ring.setCapacity(capacity);
  }
}

function flowKey(linkId: string, senderIsClient: boolean, packetId: number): string {
  return `${linkId}\u0000${senderIsClient ? 'c' : 'b'}\u0000${packetId}`;
}
