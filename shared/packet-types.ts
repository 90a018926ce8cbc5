// MQTT control packet types by their number in the fixed header (3.1.1 §2.2.1, 5.0 §2.1.2).

export const packetTypeNames = [
  'RESERVED',
  'CONNECT',
  'CONNACK',
  'PUBLISH',
  'PUBACK',
  'PUBREC',
  'PUBREL',
  'PUBCOMP',
  'SUBSCRIBE',
  'SUBACK',
  'UNSUBSCRIBE',
  'UNSUBACK',
  'PINGREQ',
  'PINGRESP',
  'DISCONNECT',
  'AUTH',
] as const;

export type PacketTypeName = Exclude<(typeof packetTypeNames)[number], 'RESERVED'>;

export const allPacketTypes: readonly PacketTypeName[] = packetTypeNames.slice(1) as PacketTypeName[];

/** The type of a raw packet from its first byte; null for the reserved type 0. */
export function packetTypeOf(firstByte: number): PacketTypeName | null {
  const name = packetTypeNames[firstByte >> 4];
  return name === 'RESERVED' ? null : name;
}
