// The publish form as the user fills it in. Inputs keep their text as typed (a
// half-typed number stays on screen and is reported, not coerced); publish-message.ts
// turns a draft into the contract's PublishMessage, and a saved or past message
// comes back into a draft here.
import type { Qos } from '../../shared/contract';
import type { PayloadInputFormat, PublishMessage } from '../../shared/publish-contract';
import { decodeBase64, isBase64 } from '../../shared/publish-payload';
import { decodeText, hexBytes } from '../../shared/payload-format';

export interface UserPropertyRow {
  /** React's key: rows are added and removed in the middle. */
  key: number;
  name: string;
  value: string;
}

/** Correlation data is bytes; the user types them as text (sent as UTF-8) or as hex digits. */
export type CorrelationEncoding = 'text' | 'hex';

export interface PropertiesDraft {
  contentType: string;
  /** Payload Format Indicator 1. Unchecked leaves the property out, which means 0 (unspecified bytes). */
  payloadIsUtf8: boolean;
  messageExpiry: string;
  topicAlias: string;
  responseTopic: string;
  correlation: string;
  correlationEncoding: CorrelationEncoding;
  userProperties: UserPropertyRow[];
}

export interface PayloadFile {
  name: string;
  size: number;
}

export interface PublishDraft {
  topic: string;
  payload: string;
  format: PayloadInputFormat;
  qos: Qos;
  retain: boolean;
  properties: PropertiesDraft;
  /** The payload holds this file's bytes (as base64) until the text is edited. */
  file: PayloadFile | null;
  /** Loaded from a history entry whose payload the history did not keep: its size in bytes. */
  payloadOmitted: number | null;
}

export const emptyProperties: PropertiesDraft = {
  contentType: '',
  payloadIsUtf8: false,
  messageExpiry: '',
  topicAlias: '',
  responseTopic: '',
  correlation: '',
  correlationEncoding: 'text',
  userProperties: [],
};

export const emptyDraft: PublishDraft = {
  topic: '',
  payload: '',
  format: 'text',
  qos: 0,
  retain: false,
  properties: emptyProperties,
  file: null,
  payloadOmitted: null,
};

let nextRowKey = 1;

export function newUserPropertyRow(name = '', value = ''): UserPropertyRow {
  return { key: nextRowKey++, name, value };
}

/** How many properties the draft sets: the closed section says it, so nothing set hides there. */
export function propertiesSetCount(p: PropertiesDraft): number {
  const scalars = [p.contentType, p.messageExpiry, p.topicAlias, p.responseTopic, p.correlation].filter((v) => v.trim() !== '').length;
  return scalars + (p.payloadIsUtf8 ? 1 : 0) + p.userProperties.length;
}

/** A message of the library back into the form. */
export function draftFromMessage(message: PublishMessage, payloadOmitted: number | null = null): PublishDraft {
  const p = message.properties ?? {};
  const correlation = correlationFromBase64(p.correlationData ?? '');
  return {
    topic: message.topic,
    payload: message.payload,
    format: message.format,
    qos: message.qos,
    retain: message.retain,
    properties: {
      contentType: p.contentType ?? '',
      payloadIsUtf8: p.payloadFormatIndicator === true,
      messageExpiry: p.messageExpiryInterval === undefined ? '' : String(p.messageExpiryInterval),
      topicAlias: p.topicAlias === undefined ? '' : String(p.topicAlias),
      responseTopic: p.responseTopic ?? '',
      correlation: correlation.text,
      correlationEncoding: correlation.encoding,
      userProperties: (p.userProperties ?? []).map((u) => newUserPropertyRow(u.key, u.value)),
    },
    file: null,
    payloadOmitted,
  };
}

/** Correlation data as the user would have typed it: text when the bytes are text, hex otherwise. */
export function correlationFromBase64(base64: string): { text: string; encoding: CorrelationEncoding } {
  if (base64 === '' || !isBase64(base64)) return { text: base64, encoding: 'text' };
  const bytes = decodeBase64(base64);
  const text = decodeText(bytes);
  return text !== null ? { text, encoding: 'text' } : { text: hexBytes(bytes), encoding: 'hex' };
}
