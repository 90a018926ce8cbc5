// CONNECT (3.1.1 §3.1, 5.0 §3.1) and CONNACK (§3.2).
import { connackCodeText } from '../reason-codes';
import { qosText, reasonCodeFor } from './codes';
import type { Dissection } from './context';
import { binaryField, bitField, byteField, codeField, flagsByteField, stringField, twoByteField } from './fields';
import { decodeUtf8, hexByte } from './format';
import { propertiesField } from './properties';
import type { ProtocolVersion } from './types';

const levels: Record<number, { name: string; protocol: string }> = {
  3: { name: 'MQTT 3.1', protocol: 'MQIsdp' },
  4: { name: 'MQTT 3.1.1', protocol: 'MQTT' },
  5: { name: 'MQTT 5.0', protocol: 'MQTT' },
};

export function connectBody(d: Dissection): void {
  let flags = 0;
  d.group('Variable header', () => {
    const protocol = stringField(d, 'Protocol Name');
    const level = byteField(d, 'Protocol Level', (v) => ({ note: levels[v]?.name ?? 'Unknown protocol level' }));
    // The packet says which protocol it speaks; that beats what the connection was assumed to be.
    if (levels[level]) d.version = level as ProtocolVersion;
    else d.problem(`Unknown Protocol Level ${level}; the rest is read as ${levels[d.version].name}`);
    if (protocol !== null && levels[level] && protocol !== levels[level].protocol) {
      d.problem(`Protocol Name ${JSON.stringify(protocol)} does not match level ${level}, which uses ${JSON.stringify(levels[level].protocol)}`);
    }
    flags = flagsByteField(d, 'Connect Flags', (b, at) => [
      bitField('User Name Flag', at, b, 7, 7, (v) => (v ? 'User Name present' : 'No User Name')),
      bitField('Password Flag', at, b, 6, 6, (v) => (v ? 'Password present' : 'No Password')),
      bitField('Will Retain', at, b, 5, 5, (v) => (v ? 'Will Message is retained' : 'Will Message not retained')),
      bitField('Will QoS', at, b, 4, 3, qosText),
      bitField('Will Flag', at, b, 2, 2, (v) => (v ? 'Will Message present' : 'No Will Message')),
      d.is5
        ? bitField('Clean Start', at, b, 1, 1, (v) => (v ? 'Start a new session' : 'Resume the existing session, if any'))
        : bitField('Clean Session', at, b, 1, 1, (v) => (v ? 'Discard any previous session; this one ends on disconnect' : 'Resume the stored session')),
      bitField('Reserved', at, b, 0, 0, (v) => (v ? 'Must be 0 (malformed packet)' : undefined)),
    ]);
    checkConnectFlags(d, flags);
    twoByteField(d, 'Keep Alive', 'seconds; 0 = keep alive off');
    if (d.is5) propertiesField(d, 'CONNECT');
  });
  d.group('Payload', () => {
    const clientId = stringField(d, 'Client Identifier');
    if (clientId === '') {
      d.lastAdded().note = 'Empty: the server assigns one';
      if (d.version === 4 && !(flags & 0x02)) d.problem('An empty Client Identifier needs Clean Session 1 [MQTT-3.1.3-7]');
    }
    if (flags & 0x04) {
      const will = d.is5 ? propertiesField(d, 'Will', 'Will Properties') : null;
      stringField(d, 'Will Topic');
      const payload = binaryField(d, 'Will Payload', { note: 'sent if the client disconnects without DISCONNECT' });
      if (will?.get(0x01) === 1 && decodeUtf8(payload) === null) d.problem('Will Payload is not valid UTF-8 though its Payload Format Indicator says it is');
    }
    if (flags & 0x80) stringField(d, 'User Name');
    if (flags & 0x40) binaryField(d, 'Password', { hidden: true });
  });
}

function checkConnectFlags(d: Dissection, flags: number): void {
  const willQos = (flags >> 3) & 3;
  if (flags & 0x01) d.problem('The reserved Connect Flag (bit 0) is set (malformed packet) [MQTT-3.1.2-3]');
  if (willQos === 3) d.problem('Will QoS is 3 (malformed packet)');
  if (!(flags & 0x04) && (willQos !== 0 || flags & 0x20)) d.problem('Will QoS and Will Retain must be 0 when the Will Flag is 0');
  // 3.1.1 forbids a password without a user name; 5.0 allows it (for token schemes).
  if (!d.is5 && flags & 0x40 && !(flags & 0x80)) d.problem('Password Flag set without User Name Flag [MQTT-3.1.2-22]');
}

export function connackBody(d: Dissection): void {
  d.group('Variable header', () => {
    let sessionPresent = 0;
    if (d.version === 3) {
      // 3.1 defined this byte but never used it (topic name compression was planned).
      byteField(d, 'Reserved', (v) => ({ value: hexByte(v), note: 'Not used in MQTT 3.1' }));
    } else {
      const b = flagsByteField(d, 'Connect Acknowledge Flags', (byte, at) => [
        bitField('Reserved', at, byte, 7, 1, (v) => (v ? 'Must be 0 (malformed packet)' : undefined)),
        bitField('Session Present', at, byte, 0, 0, (v) => (v ? 'The server kept a session for this client' : 'A new session')),
      ]);
      sessionPresent = b & 1;
      if (b & 0xfe) d.problem('Reserved bits of the Connect Acknowledge Flags are set (malformed packet)');
    }
    let allowed = true;
    const code = codeField(d, d.is5 ? 'Reason Code' : 'Return Code', (c) => {
      if (!d.is5) return connackCodeText(c, d.version);
      const r = reasonCodeFor('CONNACK', c);
      allowed = r.allowed;
      return connackCodeText(c, 5) + (r.allowed ? '' : '; not a CONNACK reason code');
    });
    if (!allowed) d.problem(`${hexByte(code)} is not a CONNACK reason code`);
    if (code !== 0 && sessionPresent) d.problem('Session Present is 1 on a refused connection; it must be 0');
    if (d.is5) propertiesField(d, 'CONNACK');
  });
}
