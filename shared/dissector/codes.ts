// Which 5.0 reason codes each packet may carry (§3.x.2.1 tables), and QoS in words.
// A code outside its packet's table breaks the protocol even when reason-codes.ts knows its name.
import { reasonCodeText } from '../reason-codes';
import type { Dissection } from './context';
import { codeField } from './fields';
import { hexByte } from './format';

export const qosNames = ['At most once', 'At least once', 'Exactly once'] as const;

export function qosText(qos: number): string {
  return qosNames[qos] ?? 'Invalid QoS 3 (malformed packet)';
}

const allowedReasonCodes: Record<string, readonly number[]> = {
  CONNACK: [0x00, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8c, 0x90, 0x95, 0x97, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9f],
  PUBACK: [0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99],
  PUBREC: [0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99],
  PUBREL: [0x00, 0x92],
  PUBCOMP: [0x00, 0x92],
  SUBACK: [0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8f, 0x91, 0x97, 0x9e, 0xa1, 0xa2],
  UNSUBACK: [0x00, 0x11, 0x80, 0x83, 0x87, 0x8f, 0x91],
  DISCONNECT: [
    0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8b, 0x8d, 0x8e, 0x8f, 0x90, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
    0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2,
  ],
  AUTH: [0x00, 0x18, 0x19],
};

/** 0x00 reads differently per packet; reason-codes.ts calls it Success everywhere. */
const zeroMeaning: Record<string, string> = {
  DISCONNECT: 'Normal disconnection',
  SUBACK: 'Granted QoS 0',
  UNSUBACK: 'Success',
};

/** The code in words, and whether the packet type may carry it. */
export function reasonCodeFor(packetType: string, code: number): { text: string; allowed: boolean } {
  const text = code === 0 && zeroMeaning[packetType] ? `${zeroMeaning[packetType]} (${hexByte(0)})` : reasonCodeText(code);
  const allowed = allowedReasonCodes[packetType]?.includes(code) ?? true;
  return { text: allowed ? text : `${text}; not a ${packetType} reason code`, allowed };
}

/** A 5.0 Reason Code byte, checked against the packet's table. */
export function reasonCodeField(d: Dissection, packetType: string, name = 'Reason Code'): number {
  let allowed = true;
  const code = codeField(d, name, (c) => {
    const r = reasonCodeFor(packetType, c);
    allowed = r.allowed;
    return r.text;
  });
  if (!allowed) d.problem(`${hexByte(code)} is not a ${packetType} reason code (protocol error)`);
  return code;
}
