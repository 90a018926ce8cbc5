// The MQTT 5.0 properties (§2.2.2.2): identifier, name, data type, the packets that may carry
// each, and what their values mean.

export type PropertyType = 'byte' | 'two' | 'four' | 'varint' | 'string' | 'pair' | 'binary';

export const propertyTypeNames: Record<PropertyType, string> = {
  byte: 'Byte',
  two: 'Two Byte Integer',
  four: 'Four Byte Integer',
  varint: 'Variable Byte Integer',
  string: 'UTF-8 Encoded String',
  pair: 'UTF-8 String Pair',
  binary: 'Binary Data',
};

/** Where properties appear; 'Will' is the Will Properties of CONNECT's payload. */
export type PropertyPlace =
  | 'CONNECT' | 'CONNACK' | 'PUBLISH' | 'Will' | 'PUBACK' | 'PUBREC' | 'PUBREL' | 'PUBCOMP'
  | 'SUBSCRIBE' | 'SUBACK' | 'UNSUBSCRIBE' | 'UNSUBACK' | 'DISCONNECT' | 'AUTH';

export interface PropertyDef {
  name: string;
  type: PropertyType;
  places: readonly PropertyPlace[];
  /** A numeric value in words; `invalid` when the value breaks the protocol. */
  meaning?: (v: number) => { note?: string; invalid?: string };
  /** Secrets show their length only. */
  hidden?: boolean;
}

const acks: PropertyPlace[] = ['PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP', 'SUBACK', 'UNSUBACK'];
const seconds = () => ({ note: 'seconds' });
const zeroOrOne = (no: string, yes: string) => (v: number) =>
  v === 0 ? { note: no } : v === 1 ? { note: yes } : { invalid: `must be 0 or 1 (protocol error)` };
const nonZero = (unit: string) => (v: number) => (v === 0 ? { invalid: 'must not be 0 (protocol error)' } : { note: unit });

export const propertyDefs: Record<number, PropertyDef> = {
  0x01: { name: 'Payload Format Indicator', type: 'byte', places: ['PUBLISH', 'Will'], meaning: zeroOrOne('Unspecified bytes', 'UTF-8 encoded character data') },
  0x02: { name: 'Message Expiry Interval', type: 'four', places: ['PUBLISH', 'Will'], meaning: seconds },
  0x03: { name: 'Content Type', type: 'string', places: ['PUBLISH', 'Will'] },
  0x08: { name: 'Response Topic', type: 'string', places: ['PUBLISH', 'Will'] },
  0x09: { name: 'Correlation Data', type: 'binary', places: ['PUBLISH', 'Will'] },
  0x0b: { name: 'Subscription Identifier', type: 'varint', places: ['PUBLISH', 'SUBSCRIBE'], meaning: nonZero('identifies the subscription') },
  0x11: {
    name: 'Session Expiry Interval',
    type: 'four',
    places: ['CONNECT', 'CONNACK', 'DISCONNECT'],
    meaning: (v) => ({ note: v === 0 ? 'seconds; 0 = the session ends when the connection closes' : v === 0xffffffff ? 'the session never expires' : 'seconds' }),
  },
  0x12: { name: 'Assigned Client Identifier', type: 'string', places: ['CONNACK'] },
  0x13: { name: 'Server Keep Alive', type: 'two', places: ['CONNACK'], meaning: seconds },
  0x15: { name: 'Authentication Method', type: 'string', places: ['CONNECT', 'CONNACK', 'AUTH'] },
  0x16: { name: 'Authentication Data', type: 'binary', places: ['CONNECT', 'CONNACK', 'AUTH'], hidden: true },
  0x17: { name: 'Request Problem Information', type: 'byte', places: ['CONNECT'], meaning: zeroOrOne('Reason String and User Properties only on PUBLISH, CONNACK, DISCONNECT', 'Reason String and User Properties may be sent on any packet') },
  0x18: { name: 'Will Delay Interval', type: 'four', places: ['Will'], meaning: seconds },
  0x19: { name: 'Request Response Information', type: 'byte', places: ['CONNECT'], meaning: zeroOrOne('No Response Information wanted', 'Response Information requested in CONNACK') },
  0x1a: { name: 'Response Information', type: 'string', places: ['CONNACK'] },
  0x1c: { name: 'Server Reference', type: 'string', places: ['CONNACK', 'DISCONNECT'] },
  0x1f: { name: 'Reason String', type: 'string', places: ['CONNACK', ...acks, 'DISCONNECT', 'AUTH'] },
  0x21: { name: 'Receive Maximum', type: 'two', places: ['CONNECT', 'CONNACK'], meaning: nonZero('QoS 1 and 2 publications in flight at once') },
  0x22: { name: 'Topic Alias Maximum', type: 'two', places: ['CONNECT', 'CONNACK'], meaning: (v) => ({ note: v === 0 ? 'no Topic Aliases accepted' : 'highest Topic Alias accepted' }) },
  0x23: { name: 'Topic Alias', type: 'two', places: ['PUBLISH'], meaning: nonZero('stands for the Topic Name') },
  0x24: { name: 'Maximum QoS', type: 'byte', places: ['CONNACK'], meaning: zeroOrOne('QoS 0 only', 'QoS 0 and 1 only') },
  0x25: { name: 'Retain Available', type: 'byte', places: ['CONNACK'], meaning: zeroOrOne('Retained messages not supported', 'Retained messages supported') },
  0x26: {
    name: 'User Property',
    type: 'pair',
    places: ['CONNECT', 'CONNACK', 'PUBLISH', 'Will', ...acks, 'SUBSCRIBE', 'UNSUBSCRIBE', 'DISCONNECT', 'AUTH'],
  },
  0x27: { name: 'Maximum Packet Size', type: 'four', places: ['CONNECT', 'CONNACK'], meaning: nonZero('bytes') },
  0x28: { name: 'Wildcard Subscription Available', type: 'byte', places: ['CONNACK'], meaning: zeroOrOne('Not supported', 'Supported') },
  0x29: { name: 'Subscription Identifier Available', type: 'byte', places: ['CONNACK'], meaning: zeroOrOne('Not supported', 'Supported') },
  0x2a: { name: 'Shared Subscription Available', type: 'byte', places: ['CONNACK'], meaning: zeroOrOne('Not supported', 'Supported') },
};

/** Properties that may appear more than once in one packet; all others only once (§2.2.2.2). */
export function mayRepeat(id: number, place: PropertyPlace): boolean {
  return id === 0x26 || (id === 0x0b && place === 'PUBLISH');
}
