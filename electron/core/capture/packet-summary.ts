// The fields of a decoded packet that the log, the filters and the flows use.
import type { Packet } from 'mqtt-packet';
import type { PacketRecord } from '../../../shared/capture-contract';
import type { Qos } from '../../../shared/contract';

export type PacketFields = Pick<PacketRecord, 'packetId' | 'qos' | 'dup' | 'retain' | 'topic' | 'reasonCode'>;

const none: PacketFields = { packetId: null, qos: null, dup: false, retain: false, topic: null, reasonCode: null };

export function summarizePacket(packet: Packet | null, firstByte: number): PacketFields {
  if (!packet) {
    // Undecodable: the fixed header's flags are still worth showing.
    return { ...none, qos: ((firstByte >> 1) & 3) as Qos, dup: (firstByte & 8) !== 0, retain: (firstByte & 1) !== 0 };
  }
  const p = packet as Packet & {
    messageId?: number;
    reasonCode?: number;
    returnCode?: number;
    granted?: (number | { qos: number })[];
    subscriptions?: { topic: string }[];
    unsubscriptions?: string[];
  };
  const packetId = typeof p.messageId === 'number' ? p.messageId : null;
  switch (packet.cmd) {
    case 'publish':
      return { packetId: packet.qos > 0 ? packetId : null, qos: packet.qos, dup: packet.dup, retain: packet.retain, topic: packet.topic, reasonCode: null };
    case 'connack':
      return { ...none, reasonCode: p.reasonCode ?? p.returnCode ?? null };
    case 'subscribe':
      return { ...none, packetId, topic: p.subscriptions?.map((s) => s.topic).join(', ') ?? null };
    case 'unsubscribe':
      return { ...none, packetId, topic: p.unsubscriptions?.join(', ') ?? null };
    case 'suback':
    case 'unsuback': {
      const first = p.granted?.[0];
      const code = typeof first === 'number' ? first : (first?.qos ?? p.reasonCode ?? null);
      return { ...none, packetId, reasonCode: code };
    }
    default:
      return { ...none, packetId, reasonCode: typeof p.reasonCode === 'number' ? p.reasonCode : null };
  }
}
