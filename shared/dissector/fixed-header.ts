// The fixed header (3.1.1 §2.2, 5.0 §2.1): packet type, the four flag bits whose meaning
// depends on the type, and the Remaining Length.
import { packetTypeNames } from '../packet-types';
import type { Dissection } from './context';
import { bitField, varintField } from './fields';
import { qosText } from './codes';
import type { DissectedField } from './types';

export interface FixedHeader {
  type: string;
  flags: number;
  /** Where the Remaining Length says the packet ends; past bytes.length when it is cut off. */
  end: number;
}

const purposes: Record<string, string> = {
  RESERVED: 'Reserved: no packet has type 0',
  CONNECT: 'Client asks to connect',
  CONNACK: 'Server answers CONNECT',
  PUBLISH: 'A message',
  PUBACK: 'QoS 1 delivery acknowledged',
  PUBREC: 'QoS 2 delivery, part 1: received',
  PUBREL: 'QoS 2 delivery, part 2: release',
  PUBCOMP: 'QoS 2 delivery, part 3: complete',
  SUBSCRIBE: 'Client subscribes',
  SUBACK: 'Server answers SUBSCRIBE',
  UNSUBSCRIBE: 'Client unsubscribes',
  UNSUBACK: 'Server answers UNSUBSCRIBE',
  PINGREQ: 'Keep-alive ping',
  PINGRESP: 'Keep-alive answer',
  DISCONNECT: 'Orderly disconnect',
  AUTH: 'Authentication exchange (MQTT 5.0)',
};

/** The three types whose flags are fixed at 0010 ("QoS 1" in 3.1 terms), with their normative statements. */
const flags0010: Record<string, string> = { PUBREL: 'MQTT-3.6.1-1', SUBSCRIBE: 'MQTT-3.8.1-1', UNSUBSCRIBE: 'MQTT-3.10.1-1' };

export function fixedHeaderField(d: Dissection): FixedHeader {
  const first = d.bytes[0];
  const type = packetTypeNames[first >> 4];
  const flags = first & 0x0f;
  const header: FixedHeader = { type, flags, end: d.bytes.length };
  d.group('Fixed header', (group) => {
    d.pos = 1;
    d.add({ name: 'Packet type', start: 0, end: 1, bits: 'bits 7-4', value: `${type} (${first >> 4})`, note: purposes[type] });
    if (type === 'RESERVED') d.problem('Packet type 0 is reserved (malformed packet)');
    if (type === 'AUTH' && !d.is5) d.problem('Packet type 15 (AUTH) exists only in MQTT 5.0; it is reserved in 3.1 and 3.1.1');
    for (const f of flagFields(d, type, first)) d.add(f);
    const rl = varintField(d, 'Remaining Length', 'bytes after the fixed header');
    header.end = rl.end + rl.value;
    group.value = `${type}, ${rl.value} bytes follow`;
  });
  return header;
}

function flagFields(d: Dissection, type: string, first: number): DissectedField[] {
  if (type === 'PUBLISH') {
    const qos = (first >> 1) & 3;
    const dup = (first >> 3) & 1;
    if (qos === 3) d.problem('PUBLISH has QoS 3 (malformed packet) [MQTT-3.3.1-4]');
    if (dup && qos === 0) d.problem('DUP is set on a QoS 0 PUBLISH [MQTT-3.3.1-2]');
    return [
      bitField('DUP', 0, first, 3, 3, (v) => (v ? 'Re-delivery of an earlier attempt' : 'First attempt to send this message')),
      bitField('QoS', 0, first, 2, 1, qosText),
      bitField('RETAIN', 0, first, 0, 0, (v) => (v ? 'Retained message' : 'Not retained')),
    ];
  }
  const flags = first & 0x0f;
  const shown = flags.toString(2).padStart(4, '0');
  const clause = flags0010[type];
  const required = clause ? 0b0010 : 0;
  const requiredText = clause ? '0010' : '0000';
  const f: DissectedField = { name: 'Flags', start: 0, end: 1, bits: 'bits 3-0', value: shown, note: `Reserved: must be ${requiredText}` };
  // MQTT 3.1 had DUP, QoS and RETAIN on every packet: these carried QoS 1 and could carry DUP; the rest ignored them.
  if (d.version === 3) {
    if (clause && (flags & 0b0111) !== required) f.note = `MQTT 3.1 expects QoS 1 here (0010, or 1010 with DUP); got ${shown}`;
    else if (!clause && flags !== 0) f.note = 'Not used in MQTT 3.1';
    else if (clause && flags & 0b1000) f.note = 'DUP set: a re-delivery (MQTT 3.1)';
    if (clause && (flags & 0b0111) !== required) d.problem(`${type} flags must say QoS 1 in MQTT 3.1; got ${shown}`);
  } else if (flags !== required) {
    f.note = `Must be ${requiredText} for ${type}; got ${shown} (malformed packet)`;
    d.problem(`${type} has flags ${shown}; they must be ${requiredText}${clause ? ` [${clause}]` : ''} (malformed packet)`);
  }
  return [f];
}
