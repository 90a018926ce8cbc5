// Request and response, the end-to-end acknowledgement no QoS level gives: publish
// with a reply topic and correlation data, wait for the reply that carries the same
// correlation, and time the round trip. MQTT 5.0 carries both as properties; with
// 3.1.1 they go into the JSON payload under keys the user chooses.
import { performance } from 'node:perf_hooks';
import type { ReplyMatch, ReplyMessage, RequestOutcome } from '../../../shared/publish-contract';
import { UserInputError } from '../../../shared/rpc';
import { topicMatchesFilter, topicNameProblem } from '../../../shared/topic';
import type { IncomingMessage, MqttConnection } from '../mqtt-connection';
import type { BuiltPublish } from './publish-builder';

export interface RequestSpec {
  responseTopic: string;
  correlation: string;
  match: ReplyMatch;
  timeoutMs: number;
}

/** Puts the reply topic and correlation where the match kind says; throws at the field that cannot take them. */
export function prepareRequest(message: BuiltPublish, spec: RequestSpec, connection: MqttConnection): BuiltPublish {
  const problem = topicNameProblem(spec.responseTopic);
  if (problem) throw new UserInputError(`Reply topic: ${problem}`, 'responseTopic');
  if (spec.match.kind === 'properties') {
    if (connection.options.protocolVersion !== 5) {
      throw new UserInputError('Response Topic and Correlation Data are MQTT 5.0 properties; on this 3.x connection choose "in the JSON payload".', 'match');
    }
    const properties = { ...message.options.properties, responseTopic: spec.responseTopic, correlationData: Buffer.from(spec.correlation, 'utf8') };
    return { ...message, options: { ...message.options, properties } };
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(message.payload));
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UserInputError('To carry the reply topic and correlation inside the payload, the payload must be a JSON object, such as {"command": "ping"}.', 'payload');
  }
  const withFields = { ...(body as Record<string, unknown>), [spec.match.responseTopicKey]: spec.responseTopic, [spec.match.correlationKey]: spec.correlation };
  return { ...message, payload: new TextEncoder().encode(JSON.stringify(withFields)) };
}

export function isReply(m: IncomingMessage, spec: RequestSpec): boolean {
  if (m.topic !== spec.responseTopic) return false;
  if (spec.match.kind === 'properties') {
    const data = m.properties?.correlationData;
    return Buffer.isBuffer(data) && data.equals(Buffer.from(spec.correlation, 'utf8'));
  }
  try {
    const body = JSON.parse(Buffer.from(m.payload).toString('utf8')) as unknown;
    return typeof body === 'object' && body !== null && (body as Record<string, unknown>)[spec.match.correlationKey] === spec.correlation;
  } catch {
    return false;
  }
}

/**
 * Sends the request and waits. The reply subscription is made first (unless a granted
 * subscription already covers the topic) and removed afterwards; `publish` does the
 * sending and reports where its flow is.
 */
export async function sendRequest(
  connection: MqttConnection,
  request: BuiltPublish,
  spec: RequestSpec,
  publish: (message: BuiltPublish) => Promise<RequestOutcome['request']>,
): Promise<RequestOutcome> {
  const covered = [...connection.subscriptions.values()].some((s) => s.state === 'granted' && topicMatchesFilter(s.filter, spec.responseTopic));
  let resolveReply!: (m: { message: IncomingMessage; at: number }) => void;
  const replied = new Promise<{ message: IncomingMessage; at: number }>((resolve) => (resolveReply = resolve));
  const onMessage = (m: IncomingMessage) => {
    if (isReply(m, spec)) resolveReply({ message: m, at: performance.now() });
  };
  connection.on('message', onMessage);
  let subscribed = false;
  let timer: NodeJS.Timeout | null = null;
  try {
    if (!covered) {
      try {
        await connection.subscribeQuietly(spec.responseTopic, 1);
      } catch (err) {
        throw new UserInputError((err as Error).message, 'responseTopic');
      }
      subscribed = true;
    }
    const sentAt = performance.now();
    // The wait counts from the send: the broker's acknowledgement is part of the round trip.
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), spec.timeoutMs)));
    const sent = await publish(request).catch((err: unknown) => {
      throw err instanceof UserInputError ? err : new UserInputError((err as Error).message, null);
    });
    const outcome = await Promise.race([replied, timedOut]);
    if (outcome === 'timeout') return { kind: 'timeout', waitedMs: Math.round(performance.now() - sentAt), request: sent };
    return { kind: 'reply', rttMs: outcome.at - sentAt, reply: replyMessage(outcome.message), request: sent };
  } finally {
    if (timer) clearTimeout(timer);
    connection.off('message', onMessage);
    if (subscribed) await connection.unsubscribeQuietly(spec.responseTopic).catch(() => undefined);
  }
}

function replyMessage(m: IncomingMessage): ReplyMessage {
  return {
    topic: m.topic,
    qos: m.qos,
    size: m.payload.length,
    payloadBase64: Buffer.from(m.payload).toString('base64'),
    properties: displayProperties(m.properties),
  };
}

/** Properties for display: binary values as 0x-hex, the rest as they are. */
export function displayProperties(properties: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties ?? {}).map(([k, v]) => [k, Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : v]));
}
