// The packet inspector's dissector: raw MQTT bytes to a tree of named byte ranges with values in
// words, for 3.1, 3.1.1 and 5.0. It never throws: bad input yields `error` and the fields read so
// far, and the top-level fields always cover every byte given, so any hovered byte has a field.
import { packetTypeNames } from './packet-types';
import { DissectError, Dissection } from './dissector/context';
import { connackBody, connectBody } from './dissector/connect';
import { reasonAndPropertiesBody } from './dissector/disconnect-auth';
import { rawField } from './dissector/fields';
import { fixedHeaderField, type FixedHeader } from './dissector/fixed-header';
import { plural } from './dissector/format';
import { ackBody, publishBody } from './dissector/publish';
import { subackBody, subscribeBody, unsubackBody, unsubscribeBody } from './dissector/subscribe';
import type { DissectedField, DissectedPacket, ProtocolVersion } from './dissector/types';

export type { DissectedField, DissectedPacket, ProtocolVersion } from './dissector/types';

const versionNames: Record<ProtocolVersion, string> = { 3: 'MQTT 3.1', 4: 'MQTT 3.1.1', 5: 'MQTT 5.0' };

/**
 * Dissects one packet. `protocolVersion` is the connection's; a CONNECT is read by its own
 * Protocol Level instead, since that is what the server will go by.
 */
export function dissectPacket(bytes: Uint8Array, protocolVersion: ProtocolVersion): DissectedPacket {
  if (bytes.length === 0) return { type: 'UNKNOWN', fields: [], error: 'No bytes: a packet has at least 2' };
  const known = protocolVersion === 3 || protocolVersion === 4 || protocolVersion === 5;
  const d = new Dissection(bytes, known ? protocolVersion : 4);
  if (!known) d.problem(`Unknown protocol version ${String(protocolVersion)}; read as MQTT 3.1.1`);
  const type = packetTypeNames[bytes[0] >> 4];
  d.secretive = type === 'CONNECT';
  try {
    const header = fixedHeaderField(d);
    d.packetEnd = header.end;
    const cut = header.end > bytes.length;
    if (cut) d.problem(`Packet is incomplete: its Remaining Length makes it ${plural(header.end, 'byte')} long, but only ${bytes.length} are here`);
    const reason = `the Remaining Length ends the packet at offset ${header.end}`;
    d.within(header.end, reason, () => {
      readBody(d, header);
      const extra = rawField(d, 'Unexpected bytes', d.limit, `not part of a ${type} in ${versionNames[d.version]}`);
      if (extra) d.problem(`${plural(extra.end - extra.start, 'byte')} at offset ${extra.start} that a ${type} in ${versionNames[d.version]} does not have (malformed packet)`);
    });
  } catch (e) {
    // DissectError is the expected way out; anything else is a bug here, reported rather than thrown.
    d.problem(e instanceof DissectError ? e.message : `Dissector error: ${e instanceof Error ? e.message : String(e)}`);
  }
  const inPacket = Math.min(d.packetEnd, bytes.length);
  rawField(d, 'Unread bytes', inPacket, 'not dissected: see the error');
  if (bytes.length > d.packetEnd && d.pos === d.packetEnd) {
    const trailing = bytes.length - d.packetEnd;
    rawField(d, 'Trailing bytes', bytes.length, `${plural(trailing, 'byte')} past the Remaining Length: the next packet, or garbage`);
    d.problem(`${plural(trailing, 'byte')} after the end of the packet (offset ${d.packetEnd}, from the Remaining Length)`);
  }
  return { type, fields: d.root, error: d.problems.length ? d.problems.join('; ') : null };
}

function readBody(d: Dissection, header: FixedHeader): void {
  const type = header.type as (typeof packetTypeNames)[number];
  switch (type) {
    case 'CONNECT':
      return connectBody(d);
    case 'CONNACK':
      return connackBody(d);
    case 'PUBLISH':
      return publishBody(d, header.flags);
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
      return ackBody(d, type);
    case 'SUBSCRIBE':
      return subscribeBody(d);
    case 'SUBACK':
      return subackBody(d);
    case 'UNSUBSCRIBE':
      return unsubscribeBody(d);
    case 'UNSUBACK':
      return unsubackBody(d);
    case 'PINGREQ':
    case 'PINGRESP':
      return;
    case 'DISCONNECT':
    case 'AUTH':
      if (type === 'AUTH' && !d.is5) return unknownBody(d);
      return reasonAndPropertiesBody(d, type, d.root[0]);
    case 'RESERVED':
      return unknownBody(d);
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** A type with no layout in this version: its bytes are shown, not read (the header already reported why). */
function unknownBody(d: Dissection): void {
  rawField(d, 'Body', d.limit, 'not dissected: no layout for this packet type in this version');
}

/**
 * The fields covering a byte, outermost first: the path from a top-level field down to the
 * innermost one. Where a byte is split into bit fields (flags), all of them are included, in order.
 */
export function fieldsAt(packet: DissectedPacket, offset: number): DissectedField[] {
  const path: DissectedField[] = [];
  let level: DissectedField[] | undefined = packet.fields;
  while (level && level.length > 0) {
    const hits: DissectedField[] = level.filter((f) => f.start <= offset && offset < f.end);
    if (hits.length === 0) break;
    path.push(...hits);
    level = hits.find((f) => f.children && f.children.length > 0)?.children;
  }
  return path;
}
