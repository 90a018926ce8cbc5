// Flows as the core reports them, for the timeline's unit tests.
import type { FlowRecord, FlowStep } from '../../shared/capture-contract';
import type { PacketTypeName } from '../../shared/packet-types';

export function step(type: PacketTypeName, fromClient: boolean, at: number, extra: Partial<FlowStep> = {}): FlowStep {
  return { seq: Math.round(at * 1000), type, fromClient, at, dup: false, reasonCode: null, fault: null, retransmission: false, ...extra };
}

export function flow(id: number, extra: Partial<FlowRecord> & Pick<FlowRecord, 'steps'>): FlowRecord {
  const steps = extra.steps;
  return {
    id,
    linkId: 'broker:pub',
    senderIsClient: true,
    packetId: 7,
    qos: 1,
    topic: 'lab/temp',
    payloadSize: 4,
    state: 'complete',
    waitingFor: null,
    startedAt: steps[0]?.at ?? 0,
    endedAt: steps[steps.length - 1]?.at ?? null,
    retransmissions: steps.filter((s) => s.retransmission).length,
    deviations: [],
    messageId: null,
    ...extra,
  };
}
