// Which decoder a payload gets: the user's choice for its topic when there is one,
// otherwise the topic (Sparkplug), the MQTT 5 content type, and what the bytes are.
import { decodeBase64Payload } from './base64';
import { decodeCbor } from './cbor';
import type { DecodeResult } from './decode-result';
import type { DecoderId } from './decoder-ids';
import { decodeHex } from './hex';
import { decodeJson } from './json';
import { decodeMsgpack } from './msgpack';
import { decodeProtobuf, type ProtobufChoice } from './protobuf';
import { decodeRawNumbers, type NumberPick } from './raw-numbers';
import { decodeSparkplug } from './sparkplug';
import { isSparkplugTopic } from './sparkplug-topic';
import { decodeUtf8Text, strictUtf8 } from './utf8-text';

export interface DecodeInput {
  bytes: Uint8Array;
  topic: string;
  /** The MQTT 5 Content Type, when the message carried one. */
  contentType?: string | null;
  protobuf?: ProtobufChoice;
  numbers?: NumberPick | null;
}

const contentTypes: Record<string, DecoderId> = {
  'application/json': 'json',
  'text/json': 'json',
  'application/cbor': 'cbor',
  'application/msgpack': 'msgpack',
  'application/x-msgpack': 'msgpack',
  'application/vnd.msgpack': 'msgpack',
  'application/protobuf': 'protobuf',
  'application/x-protobuf': 'protobuf',
  'application/vnd.google.protobuf': 'protobuf',
};

/** The decoder a content type names ("application/json; charset=utf-8" too, and any +json). */
export function decoderForContentType(contentType: string | null | undefined): DecoderId | null {
  if (!contentType) return null;
  const base = contentType.split(';')[0].trim().toLowerCase();
  if (contentTypes[base]) return contentTypes[base];
  if (base.endsWith('+json')) return 'json';
  if (base.startsWith('text/')) return 'text';
  return null;
}

/** Why auto chose what it chose, said next to the picker. */
export interface AutoChoice {
  decoder: DecoderId;
  because: string;
}

export function chooseDecoder(input: Pick<DecodeInput, 'bytes' | 'topic' | 'contentType'>): AutoChoice {
  if (isSparkplugTopic(input.topic)) return { decoder: 'sparkplug', because: 'a spBv1.0/ topic' };
  const hinted = decoderForContentType(input.contentType);
  if (hinted) return { decoder: hinted, because: `content type ${input.contentType}` };
  const text = strictUtf8(input.bytes);
  if (text !== null) {
    const t = text.trimStart();
    if ((t.startsWith('{') || t.startsWith('[')) && decodeJson(input.bytes).ok) return { decoder: 'json', because: 'valid JSON' };
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return { decoder: 'text', because: 'valid UTF-8' };
  }
  return { decoder: 'hex', because: 'binary' };
}

export function runDecoder(decoder: DecoderId, input: DecodeInput): DecodeResult {
  const { bytes } = input;
  switch (decoder) {
    case 'text':
      return decodeUtf8Text(bytes);
    case 'json':
      return decodeJson(bytes);
    case 'hex':
      return decodeHex(bytes);
    case 'base64':
      return decodeBase64Payload(bytes);
    case 'msgpack':
      return decodeMsgpack(bytes);
    case 'cbor':
      return decodeCbor(bytes);
    case 'protobuf':
      return decodeProtobuf(bytes, input.protobuf ?? { protoText: null, protoFile: null, messageType: null });
    case 'sparkplug':
      return decodeSparkplug(bytes, input.topic);
    case 'numbers':
      return decodeRawNumbers(bytes, input.numbers ?? null);
  }
}
