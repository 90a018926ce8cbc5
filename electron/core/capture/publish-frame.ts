// A PUBLISH frame's header read directly: the capture's hot path. Every message that
// crosses a tapped link is a PUBLISH, and parsing each one a second time with
// mqtt-packet (MQTT.js or Aedes already parse it) cost more than the model did.
// Anything unusual returns null and goes to mqtt-packet, which says what is wrong.
import type { IPublishPacket } from 'mqtt-packet';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodePublishFrame(frame: Uint8Array, protocolVersion: number): IPublishPacket | null {
  const first = frame[0];
  if (first >> 4 !== 3) return null;
  const qos = (first >> 1) & 3;
  if (qos === 3) return null;
  let offset = 1;
  let remaining = 0;
  for (let shift = 0; ; shift += 7) {
    if (offset >= frame.length || shift > 21) return null;
    const byte = frame[offset++];
    remaining += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
  }
  if (offset + remaining !== frame.length || remaining < 2) return null;
  const topicLength = (frame[offset] << 8) | frame[offset + 1];
  offset += 2;
  if (offset + topicLength > frame.length) return null;
  let topic: string;
  try {
    topic = utf8.decode(frame.subarray(offset, offset + topicLength));
  } catch {
    return null;
  }
  offset += topicLength;
  let messageId: number | undefined;
  if (qos > 0) {
    if (offset + 2 > frame.length) return null;
    messageId = (frame[offset] << 8) | frame[offset + 1];
    offset += 2;
  }
  if (protocolVersion === 5) {
    // Properties are skipped here (the inspector dissects the raw bytes); a topic alias
    // with an empty topic needs them, so that case goes to the full parser.
    if (topicLength === 0) return null;
    let propertiesLength = 0;
    for (let shift = 0; ; shift += 7) {
      if (offset >= frame.length || shift > 21) return null;
      const byte = frame[offset++];
      propertiesLength += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
    }
    offset += propertiesLength;
    if (offset > frame.length) return null;
  }
  return {
    cmd: 'publish',
    topic,
    qos: qos as 0 | 1 | 2,
    dup: (first & 8) !== 0,
    retain: (first & 1) !== 0,
    ...(messageId !== undefined ? { messageId } : {}),
    payload: Buffer.from(frame.buffer, frame.byteOffset + offset, frame.length - offset),
  };
}
