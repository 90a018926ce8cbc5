// A resend by MQTT.js or Aedes follows a reconnect; the capture has the CONNECT and
// CONNACK just before it on the same link. Finding them lets the diagram show the
// broken connection as fact, from the packets, rather than as a guess.
import type { FlowRecord, PacketRecord } from '../../shared/capture-contract';
import { formatGap, reasonWords } from './capture-format';
import type { ReconnectMark } from './sequence-layout';

/** Packets looked at before a resend; the reconnect precedes it by a handful on loopback. */
export const reconnectProbe = 48;

/** Seqs to fetch: just before each resend, back to the leg's previous step at most. */
export function probeSeqs(legs: readonly FlowRecord[]): number[] {
  const out = new Set<number>();
  for (const leg of legs) {
    leg.steps.forEach((s, i) => {
      if (!s.retransmission || i === 0) return;
      const floor = leg.steps[i - 1].seq;
      for (let seq = s.seq - 1; seq > floor && seq >= s.seq - reconnectProbe; seq--) out.add(seq);
    });
  }
  return [...out].sort((a, b) => a - b);
}

/** The reconnect marks by the seq of the resent step. */
export function reconnectMarks(legs: readonly FlowRecord[], packets: ReadonlyMap<number, PacketRecord>, protocolVersionOf: (linkId: string) => number | null): Map<number, ReconnectMark> {
  const marks = new Map<number, ReconnectMark>();
  for (const leg of legs) {
    leg.steps.forEach((s, i) => {
      if (!s.retransmission || i === 0) return;
      const prev = leg.steps[i - 1];
      let connect: PacketRecord | null = null;
      let connack: PacketRecord | null = null;
      for (let seq = s.seq - 1; seq > prev.seq && seq >= s.seq - reconnectProbe; seq--) {
        const p = packets.get(seq);
        if (!p || p.linkId !== leg.linkId) continue;
        if (p.type === 'CONNACK' && !connack && !connect) connack = p;
        if (p.type === 'CONNECT' && !connect) connect = p;
      }
      if (!connect) return;
      const words = connack ? ` → CONNACK ${reasonWords('CONNACK', connack.reasonCode, protocolVersionOf(leg.linkId))}` : '';
      marks.set(s.seq, { text: `connection lost · reconnect: CONNECT${words} · resent ${formatGap(s.at - connect.at)} later` });
    });
  }
  return marks;
}
