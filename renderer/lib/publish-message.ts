// A publish draft checked by the same rules as the core (shared/topic.ts and
// shared/publish-payload.ts) and turned into the contract's PublishMessage. Problems
// are keyed by the field names the core uses in its errors ('topic', 'payload',
// 'properties.topicAlias', 'properties.userProperties.2.key'...), so a problem found
// here and one the core reports land at the same input.
import type { ConnectionSummary, ProtocolVersion } from '../../shared/contract';
import type { PublishMessage, PublishProperties } from '../../shared/publish-contract';
import { encodeBase64, hexToBytes } from '../../shared/publish-payload';
import { topicNameProblem } from '../../shared/topic';
import { wholeNumber } from './number-text';
import type { PropertiesDraft, PublishDraft } from './publish-draft';
import { mqttTextProblem } from './text-checks';
import { checkPayload, utf8Text } from './publish-payload-text';

/** What the form publishes to: properties exist only on 5.0, aliases only up to the broker's maximum. */
export interface PublishTarget {
  protocolVersion: ProtocolVersion;
  /** The CONNACK's Topic Alias Maximum; null when no CONNACK is known yet. */
  topicAliasMaximum: number | null;
}

export type FieldProblems = Record<string, string>;

export interface BuiltMessage {
  /** null when any field has a problem: nothing is sent then. */
  message: PublishMessage | null;
  problems: FieldProblems;
  /** The payload's size in bytes, when it is valid. */
  size: number | null;
}

const maxExpiry = 4_294_967_295;

export function buildPublishMessage(draft: PublishDraft, target: PublishTarget): BuiltMessage {
  const problems: FieldProblems = {};
  const topicProblem = topicNameProblem(draft.topic);
  if (topicProblem) problems.topic = topicProblem;
  const payload = checkPayload(draft.payload, draft.format);
  if (!payload.ok) problems.payload = payload.problem;
  // An empty payload here is not the message that was published: never send it in its place.
  else if (draft.payloadOmitted !== null && draft.payload === '') problems.payload = 'The history did not keep this payload: type it again or load its file before publishing.';
  let properties: PublishProperties | undefined;
  if (target.protocolVersion === 5) {
    const built = buildProperties(draft.properties, payload.ok ? payload.bytes : null, target.topicAliasMaximum);
    Object.assign(problems, built.problems);
    properties = built.properties;
  }
  const size = payload.ok ? payload.size : null;
  if (Object.keys(problems).length > 0) return { message: null, problems, size };
  const message: PublishMessage = {
    topic: draft.topic,
    payload: draft.payload,
    format: draft.format,
    qos: draft.qos,
    retain: draft.retain,
    ...(properties ? { properties } : {}),
  };
  return { message, problems, size };
}

/**
 * The problems worth showing while the user types: everything but an empty topic or
 * payload, which is only a problem once they try to publish.
 */
export function liveProblems(draft: PublishDraft, problems: FieldProblems): FieldProblems {
  const live = { ...problems };
  if (draft.topic === '') delete live.topic;
  if (draft.payload === '') delete live.payload;
  return live;
}

function buildProperties(p: PropertiesDraft, payload: Uint8Array | null, aliasMaximum: number | null): { properties: PublishProperties | undefined; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const out: PublishProperties = {};
  if (p.contentType !== '') {
    const problem = mqttTextProblem(p.contentType, 'The content type');
    if (problem) problems['properties.contentType'] = problem;
    else out.contentType = p.contentType;
  }
  if (p.payloadIsUtf8) {
    if (payload !== null && utf8Text(payload) === null) {
      problems['properties.payloadFormatIndicator'] = 'The payload is not valid UTF-8, so it cannot be marked as UTF-8 text (Payload Format Indicator 1).';
    }
    out.payloadFormatIndicator = true;
  }
  if (p.messageExpiry.trim() !== '') {
    const n = wholeNumber(p.messageExpiry, 0, maxExpiry);
    if (n === null) problems['properties.messageExpiryInterval'] = 'The message expiry is a whole number of seconds from 0 to 4,294,967,295.';
    else out.messageExpiryInterval = n;
  }
  if (p.topicAlias.trim() !== '') {
    const n = wholeNumber(p.topicAlias, 1, 65535);
    if (n === null) problems['properties.topicAlias'] = 'A topic alias is a whole number from 1 to 65,535.';
    else if (aliasMaximum !== null && n > aliasMaximum) problems['properties.topicAlias'] = aliasProblem(aliasMaximum);
    else out.topicAlias = n;
  }
  if (p.responseTopic !== '') {
    const problem = topicNameProblem(p.responseTopic);
    if (problem) problems['properties.responseTopic'] = `Response topic: ${problem}`;
    else out.responseTopic = p.responseTopic;
  }
  if (p.correlation !== '') {
    const data = correlationBase64(p.correlation, p.correlationEncoding);
    if (data.ok) out.correlationData = data.base64;
    else problems['properties.correlationData'] = data.problem;
  }
  p.userProperties.forEach((row, i) => {
    const problem = row.name === '' ? 'A user property needs a name (remove the row if it is not wanted).' : (mqttTextProblem(row.name, 'The name') ?? mqttTextProblem(row.value, 'The value'));
    if (problem) problems[`properties.userProperties.${i}.key`] = problem;
  });
  if (p.userProperties.length > 0) out.userProperties = p.userProperties.map((r) => ({ key: r.name, value: r.value }));
  return { properties: Object.keys(out).length > 0 ? out : undefined, problems };
}

export function aliasProblem(maximum: number): string {
  return maximum === 0
    ? 'This broker accepts no topic aliases (its Topic Alias Maximum is 0).'
    : `This broker accepts topic aliases 1 to ${maximum} (Topic Alias Maximum in its CONNACK).`;
}

/** Correlation data as the contract carries it (base64), from text (its UTF-8 bytes) or hex digits. */
export function correlationBase64(text: string, encoding: PropertiesDraft['correlationEncoding']): { ok: true; base64: string } | { ok: false; problem: string } {
  if (encoding === 'text') return { ok: true, base64: encodeBase64(new TextEncoder().encode(text)) };
  const bytes = hexToBytes(text);
  return bytes.ok ? { ok: true, base64: encodeBase64(bytes.bytes) } : { ok: false, problem: `Correlation data: ${bytes.problem.replace('The hex payload', 'the hex')}` };
}

/** The fields the core may name in an error about a publish (or a repeat, request or save of one). */
export function publishFieldNames(userPropertyCount: number): string[] {
  return [
    'topic',
    'payload',
    'format',
    'qos',
    'retain',
    'properties.contentType',
    'properties.payloadFormatIndicator',
    'properties.messageExpiryInterval',
    'properties.topicAlias',
    'properties.responseTopic',
    'properties.correlationData',
    ...Array.from({ length: userPropertyCount }, (_, i) => `properties.userProperties.${i}.key`),
    // After the specific ones: formErrorsFrom gives a field to the first name it starts with.
    'properties',
    'intervalMs',
    'count',
    'responseTopic',
    'correlation',
    'match.responseTopicKey',
    'match.correlationKey',
    'match',
    'timeoutMs',
    'name',
  ];
}

/** What a connection's summary says about publishing to it. */
export function publishTarget(c: Pick<ConnectionSummary, 'protocolVersion' | 'connack'>): PublishTarget {
  if (c.protocolVersion !== 5) return { protocolVersion: c.protocolVersion, topicAliasMaximum: 0 };
  if (c.connack === null) return { protocolVersion: 5, topicAliasMaximum: null };
  // MQTT 5.0 §3.2.2.3.8: absent means 0, no aliases accepted.
  const max = Number(c.connack.properties.topicAliasMaximum ?? 0);
  return { protocolVersion: 5, topicAliasMaximum: Number.isFinite(max) ? max : null };
}
