// PUBLISH (§3.3) and its acknowledgements PUBACK, PUBREC, PUBREL, PUBCOMP (§3.4–3.7).
import { reasonCodeField } from './codes';
import type { Dissection } from './context';
import { clause, packetIdField, stringField } from './fields';
import { decodeUtf8, plural, showBytes } from './format';
import { propertiesField, type PropertyValues } from './properties';

export function publishBody(d: Dissection, flags: number): void {
  const qos = (flags >> 1) & 3;
  let properties: PropertyValues | null = null;
  d.group('Variable header', () => {
    const topic = stringField(d, 'Topic Name');
    if (topic !== null && /[+#]/.test(topic)) d.problem('Topic Name contains a wildcard (+ or #) [MQTT-3.3.2-2]');
    if (qos > 0) packetIdField(d);
    if (d.is5) properties = propertiesField(d, 'PUBLISH');
    if (topic === '') {
      // 5.0 sends an empty topic when a Topic Alias stands for it.
      if (!d.is5) d.problem(`Topic Name is empty${clause(d, 'MQTT-4.7.3-1', 'MQTT-4.7.3-1')}`);
      else if (!properties?.has(0x23)) d.problem('Topic Name is empty and there is no Topic Alias to stand for it (protocol error)');
    }
  });
  payloadField(d, (flags & 1) === 1, properties);
}

/**
 * The application message: everything after the variable header. An empty payload is still shown
 * (a zero-width field) because it means something: on a retained PUBLISH it clears the topic.
 */
function payloadField(d: Dissection, retain: boolean, properties: PropertyValues | null): void {
  const start = d.pos;
  const declared = d.packetEnd - start;
  const bytes = d.bytes.subarray(start, d.limit);
  d.pos = d.limit;
  const shown = showBytes(bytes);
  let note = shown.note;
  if (bytes.length < declared) note = `${bytes.length} of ${plural(declared, 'byte')} here: the packet is cut off`;
  else if (declared === 0 && retain) note = '0 bytes: a retained empty message clears the retained message of the topic';
  d.add({ name: 'Payload', start, end: d.pos, value: shown.value, note });
  if (properties?.get(0x01) === 1 && bytes.length === declared && decodeUtf8(bytes) === null) {
    d.problem('Payload is not valid UTF-8 though its Payload Format Indicator says it is (0x99 Payload format invalid)');
  }
}

/** PUBACK, PUBREC, PUBREL, PUBCOMP: a packet id; in 5.0 a reason code and properties, both omissible. */
export function ackBody(d: Dissection, type: 'PUBACK' | 'PUBREC' | 'PUBREL' | 'PUBCOMP'): void {
  d.group('Variable header', (group) => {
    packetIdField(d);
    if (!d.is5) return;
    // Remaining Length 2 means Success without properties; 3 means no properties (§3.4.2.1).
    if (d.pos >= d.packetEnd) {
      group.note = 'Reason Code and Properties omitted: 0x00 Success, no properties';
      return;
    }
    reasonCodeField(d, type);
    if (d.pos >= d.packetEnd) {
      group.note = 'Properties omitted';
      return;
    }
    propertiesField(d, type);
  });
}
