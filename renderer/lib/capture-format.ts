// How the packet log and the timeline write times, directions and codes: one style
// for both, so a number read in one view can be found in the other.
import type { PacketTypeName } from '../../shared/packet-types';
import { connackCodeText, reasonCodeText, subackCodeText } from '../../shared/reason-codes';

const ms3 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const ms1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The gap to the previous row of the log: always milliseconds with 3 decimals ("+0.412 ms"). */
export function formatLogDelta(ms: number | null): string {
  if (ms === null) return '';
  return `+${ms3.format(Math.max(0, ms))} ms`;
}

/**
 * A time between two steps of a handshake: 3 decimals under 10 ms (where loopback
 * round trips live), 1 decimal under a second, seconds above.
 */
export function formatGap(ms: number): string {
  const v = Math.max(0, ms);
  if (v < 10) return `${ms3.format(v)} ms`;
  if (v < 1000) return `${ms1.format(v)} ms`;
  return `${ms3.format(v / 1000)} s`;
}

/** Whole seconds for "waiting for PUBREC for 12 s". */
export function formatWait(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 120 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function directionText(fromClient: boolean): string {
  return fromClient ? 'client → broker' : 'broker → client';
}

/**
 * A packet's return or reason code in words. MQTT 3.1.1's PUBACK, PUBREC, PUBREL,
 * PUBCOMP and UNSUBACK carry none; the core reports null for those.
 */
export function reasonWords(type: PacketTypeName, code: number | null, protocolVersion: number | null): string {
  if (code === null) return '';
  const version = protocolVersion ?? 4;
  switch (type) {
    case 'CONNACK':
      return connackCodeText(code, version);
    case 'SUBACK':
      return subackCodeText(code, version);
    default:
      return reasonCodeText(code);
  }
}

/** A reason code at or above 0x80 (5.0) or a refused CONNACK (any version) is a failure. */
export function isFailureCode(type: PacketTypeName, code: number | null, protocolVersion: number | null): boolean {
  if (code === null) return false;
  if (type === 'CONNACK') return code !== 0;
  if (type === 'SUBACK') return code >= 0x80;
  return (protocolVersion ?? 4) === 5 && code >= 0x80;
}

/** Short names for the handshake steps, where the full ones do not fit. */
export const shortTypeNames: Partial<Record<PacketTypeName, string>> = {
  PUBLISH: 'PUB',
  PUBACK: 'ACK',
  PUBREC: 'REC',
  PUBREL: 'REL',
  PUBCOMP: 'COMP',
};
