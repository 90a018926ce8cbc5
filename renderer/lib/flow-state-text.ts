// A flow's state in words for its badge, and its steps as a compact strip for a list
// row, so the shape of the handshake (1, 2 or 4 arrows, a cross, a resend) reads at
// a glance even in a list of 100,000 flows.
import type { FlowRecord, FlowState, FlowStep } from '../../shared/capture-contract';
import type { PacketTypeName } from '../../shared/packet-types';
import { formatWait, shortTypeNames } from './capture-format';

export type Tone = 'ok' | 'busy' | 'bad' | 'off';

export interface StateBadge {
  state: FlowState;
  text: string;
  /** For a list row: "waiting for PUBACK 8 s". */
  short: string;
  /** The longer explanation (title / detail line). */
  detail: string;
  tone: Tone;
  live: boolean;
}

/**
 * nowAt: the core's monotonic clock now (null when unknown); the wait is counted
 * from the flow's last step, the last time anything happened.
 */
export function stateBadge(flow: FlowRecord, nowAt: number | null): StateBadge {
  const waiting = flow.waitingFor;
  const last = flow.steps[flow.steps.length - 1];
  const since = nowAt !== null && last ? ` for ${formatWait(nowAt - last.at)}` : '';
  switch (flow.state) {
    case 'complete':
      return { state: 'complete', text: 'complete', short: 'complete', detail: completeDetail(flow), tone: 'ok', live: false };
    case 'in-flight':
      return {
        state: 'in-flight',
        text: waiting ? `in flight · waiting for ${waiting}${since}` : 'in flight',
        short: waiting ? `waiting for ${waiting}${nowAt !== null && last ? ` ${formatWait(nowAt - last.at)}` : ''}` : 'in flight',
        detail: waiting ? `The sender waits for ${waiting}${since}. Live: this updates as packets arrive.` : 'In flight.',
        tone: 'busy',
        live: true,
      };
    case 'interrupted':
      return {
        state: 'interrupted',
        text: waiting ? `interrupted · waiting for ${waiting}` : 'interrupted',
        short: 'interrupted',
        detail: `The connection closed before ${waiting ?? 'the end of the handshake'}. It resumes if the client reconnects with its session and the packet is sent again.`,
        tone: 'bad',
        live: true,
      };
    case 'abandoned':
      return {
        state: 'abandoned',
        text: 'abandoned',
        short: 'abandoned',
        detail: 'The handshake can no longer finish: the session was discarded (clean start, or no session on the server) or the packet id was reused.',
        tone: 'off',
        live: false,
      };
    default: {
      const never: never = flow.state;
      return never;
    }
  }
}

function completeDetail(flow: FlowRecord): string {
  if (flow.qos === 0) return 'QoS 0: one PUBLISH, nothing comes back.';
  const resent = flow.retransmissions > 0 ? `, after ${flow.retransmissions} ${flow.retransmissions === 1 ? 'resend' : 'resends'}` : '';
  return `The ${flow.qos === 1 ? 'PUBLISH/PUBACK' : 'PUBLISH/PUBREC/PUBREL/PUBCOMP'} handshake finished${resent}.`;
}

export const stateLabels: Record<FlowState, string> = {
  complete: 'Complete',
  'in-flight': 'In flight',
  interrupted: 'Interrupted',
  abandoned: 'Abandoned',
};

export interface StepChip {
  key: string;
  label: string;
  type: PacketTypeName;
  /** true: travels the same way as the flow's PUBLISH. */
  forward: boolean;
  fault: FlowStep['fault'];
  again: boolean;
  dup: boolean;
}

export function stepChips(flow: FlowRecord): StepChip[] {
  return flow.steps.map((s, i) => ({
    key: `${i}:${s.seq}`,
    label: shortTypeNames[s.type] ?? s.type,
    type: s.type,
    forward: s.fromClient === flow.senderIsClient,
    fault: s.fault,
    again: s.retransmission,
    dup: s.dup,
  }));
}

/** The strip in words, for screen readers and titles: "PUBLISH, PUBREC dropped, PUBLISH again, PUBREC". */
export function stepsInWords(flow: FlowRecord): string {
  return flow.steps
    .map((s) => [s.type, s.retransmission ? 'again' : '', s.dup ? 'DUP' : '', s.fault ?? ''].filter(Boolean).join(' '))
    .join(', ');
}

/** Where the flow travels, from the link's point of view. */
export function legRole(flow: FlowRecord): string {
  if (flow.linkId.startsWith('conn:')) return flow.senderIsClient ? 'we publish' : 'delivered to us';
  return flow.senderIsClient ? 'publisher → broker' : 'broker → subscriber';
}
