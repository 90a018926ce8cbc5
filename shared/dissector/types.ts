// The shape the packet inspector renders: a tree of named byte ranges over one raw packet.

export interface DissectedField {
  /** e.g. 'Fixed header', 'Packet type', 'QoS', 'Remaining Length', 'Topic Name', 'Properties', 'Reason Code'. */
  name: string;
  /** Byte range [start, end) in the packet. Bit fields share their byte's range and say which bits in `bits`. */
  start: number;
  end: number;
  /** For bit fields: 'bit 3', 'bits 2-1'. */
  bits?: string;
  /** The value as shown to a user: decimal numbers (hex for codes and flag bytes), quoted strings, 0/1 flags. */
  value: string;
  /** Meaning in words where there is one: reason codes, QoS names, the Remaining Length's encoding. */
  note?: string;
  children?: DissectedField[];
}

export interface DissectedPacket {
  /** 'CONNECT' ... 'AUTH'; 'RESERVED' for type 0; 'UNKNOWN' when there is not even a first byte. */
  type: string;
  /** Top-level fields; they tile the bytes given, from 0 to bytes.length, even when `error` is set. */
  fields: DissectedField[];
  /** Set when the bytes end early or break a rule; fields up to that point are still returned. */
  error: string | null;
}

export type ProtocolVersion = 3 | 4 | 5;
