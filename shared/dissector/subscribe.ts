// SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK (§3.8–3.11).
import { subackCodeText } from '../reason-codes';
import { qosText, reasonCodeField } from './codes';
import type { Dissection } from './context';
import { bitField, codeField, flagsByteField, packetIdField, stringField } from './fields';
import { hexByte, plural, quote } from './format';
import { propertiesField } from './properties';
import type { DissectedField } from './types';

const retainHandling = [
  'Send retained messages when subscribing',
  'Send retained messages only if the subscription is new',
  'Do not send retained messages',
  'Invalid Retain Handling 3 (protocol error)',
];

export function subscribeBody(d: Dissection): void {
  idAndProperties(d, 'SUBSCRIBE');
  listPayload(d, 'SUBSCRIBE', 'subscription', () => {
    d.group('Subscription', (sub) => {
      const filter = stringField(d, 'Topic Filter');
      const options = flagsByteField(d, d.is5 ? 'Subscription Options' : 'Requested QoS', (b, at) => optionBits(d, b, at));
      const qos = options & 3;
      sub.value = `${filter === null ? '(invalid)' : quote(filter)}, QoS ${qos}`;
      sub.note = qosText(qos);
      if (qos === 3) d.problem('A subscription asks for QoS 3 (malformed packet)');
      if (options & (d.is5 ? 0xc0 : 0xfc)) d.problem(`Reserved bits of ${d.is5 ? 'Subscription Options' : 'Requested QoS'} are set (malformed packet)`);
      if (d.is5 && (options & 0x30) === 0x30) d.problem('Retain Handling is 3 (protocol error)');
      // A shared subscription would otherwise never deliver the subscriber's own messages to any member.
      if (d.is5 && options & 0x04 && filter?.startsWith('$share/')) d.problem('No Local is set on a shared subscription (protocol error)');
    });
  });
}

function optionBits(d: Dissection, b: number, at: number): DissectedField[] {
  if (!d.is5) {
    return [
      bitField('Reserved', at, b, 7, 2, (v) => (v ? 'Must be 0 (malformed packet)' : undefined)),
      bitField('QoS', at, b, 1, 0, qosText),
    ];
  }
  return [
    bitField('Reserved', at, b, 7, 6, (v) => (v ? 'Must be 0 (malformed packet)' : undefined)),
    bitField('Retain Handling', at, b, 5, 4, (v) => retainHandling[v]),
    bitField('Retain As Published', at, b, 3, 3, (v) => (v ? 'Keep the RETAIN flag as published' : 'Clear RETAIN on forwarded messages')),
    bitField('No Local', at, b, 2, 2, (v) => (v ? 'Do not send this client its own messages' : 'Also receive own messages')),
    bitField('QoS', at, b, 1, 0, (v) => `Maximum QoS: ${qosText(v)}`),
  ];
}

export function subackBody(d: Dissection): void {
  idAndProperties(d, 'SUBACK');
  listPayload(d, 'SUBACK', d.is5 ? 'reason code' : 'return code', () => {
    if (d.is5) reasonCodeField(d, 'SUBACK');
    else {
      const code = codeField(d, 'Return Code', (c) => subackCodeText(c, d.version));
      // 3.1 had no failure code; 3.1.1 added 0x80.
      if (code > 2 && (code !== 0x80 || d.version === 3)) d.problem(`${hexByte(code)} is not a SUBACK return code`);
    }
  });
}

export function unsubscribeBody(d: Dissection): void {
  idAndProperties(d, 'UNSUBSCRIBE');
  listPayload(d, 'UNSUBSCRIBE', 'topic filter', () => stringField(d, 'Topic Filter'));
}

/** In 3.x UNSUBACK is only a packet id; 5.0 adds properties and a reason code per topic filter. */
export function unsubackBody(d: Dissection): void {
  idAndProperties(d, 'UNSUBACK');
  if (d.is5) listPayload(d, 'UNSUBACK', 'reason code', () => reasonCodeField(d, 'UNSUBACK'));
}

function idAndProperties(d: Dissection, type: 'SUBSCRIBE' | 'SUBACK' | 'UNSUBSCRIBE' | 'UNSUBACK'): void {
  d.group('Variable header', () => {
    packetIdField(d);
    if (d.is5) propertiesField(d, type);
  });
}

/** A payload that is a list running to the end of the packet; an empty list breaks the protocol for all four. */
function listPayload(d: Dissection, type: string, word: string, readEntry: () => void): void {
  let count = 0;
  d.group('Payload', (payload) => {
    while (d.pos < d.limit) {
      readEntry();
      count++;
    }
    payload.value = plural(count, word);
  });
  if (count === 0 && d.pos >= d.packetEnd) {
    // Only 3.1.1's numbers are given: 5.0 renumbered these statements.
    const clauses: Record<string, string> = { SUBSCRIBE: ' [MQTT-3.8.3-3]', UNSUBSCRIBE: ' [MQTT-3.10.3-2]' };
    d.problem(`${type} has no ${word}s; it needs at least one (protocol error)${d.version === 4 ? (clauses[type] ?? '') : ''}`);
  }
}
