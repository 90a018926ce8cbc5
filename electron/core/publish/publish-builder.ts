// A publish as the user wrote it, checked by MQTT's rules and the broker's limits
// and turned into what MQTT.js sends. Every problem names the field it concerns.
import type { PublishMessage, PublishProperties } from '../../../shared/publish-contract';
import { decodeBase64, encodePublishPayload, isBase64 } from '../../../shared/publish-payload';
import { UserInputError } from '../../../shared/rpc';
import { topicNameProblem } from '../../../shared/topic';
import type { MqttConnection, PublishOptions } from '../mqtt-connection';
import { mqttStringProblem } from '../../../shared/mqtt-string';

export interface BuiltPublish {
  topic: string;
  payload: Uint8Array;
  qos: 0 | 1 | 2;
  options: PublishOptions;
}

export function buildPublish(message: PublishMessage, connection: MqttConnection): BuiltPublish {
  const problem = topicNameProblem(message.topic);
  if (problem) throw new UserInputError(problem, 'topic');
  const encoded = encodePublishPayload(message.payload, message.format);
  if (!encoded.ok) throw new UserInputError(encoded.problem, 'payload');
  const properties = message.properties && hasAny(message.properties) ? mqttProperties(message.properties, encoded.bytes, connection) : undefined;
  return { topic: message.topic, payload: encoded.bytes, qos: message.qos, options: { retain: message.retain, ...(properties ? { properties } : {}) } };
}

function hasAny(p: PublishProperties): boolean {
  return Object.values(p).some((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
}

function mqttProperties(p: PublishProperties, payload: Uint8Array, connection: MqttConnection): Record<string, unknown> {
  const version = connection.options.protocolVersion;
  if (version !== 5) {
    throw new UserInputError(`Message properties are an MQTT 5.0 feature; this connection speaks MQTT ${version === 4 ? '3.1.1' : '3.1'}. Remove them or connect with 5.0.`, 'properties');
  }
  const out: Record<string, unknown> = {};
  if (p.contentType !== undefined && p.contentType !== '') {
    const problem = mqttStringProblem(p.contentType, 'The content type');
    if (problem) throw new UserInputError(problem, 'properties.contentType');
    out.contentType = p.contentType;
  }
  if (p.payloadFormatIndicator !== undefined) {
    if (p.payloadFormatIndicator && !isUtf8(payload)) {
      throw new UserInputError('The payload is not valid UTF-8, so it cannot be marked as UTF-8 text (Payload Format Indicator 1).', 'properties.payloadFormatIndicator');
    }
    out.payloadFormatIndicator = p.payloadFormatIndicator;
  }
  if (p.messageExpiryInterval !== undefined) out.messageExpiryInterval = p.messageExpiryInterval;
  if (p.topicAlias !== undefined) {
    const maximum = Number(connection.connack?.properties.topicAliasMaximum ?? 0);
    if (p.topicAlias > maximum) {
      throw new UserInputError(
        maximum === 0
          ? 'This broker accepts no topic aliases (its CONNACK has no Topic Alias Maximum, which means 0).'
          : `This broker accepts topic aliases 1 to ${maximum} (Topic Alias Maximum in its CONNACK).`,
        'properties.topicAlias',
      );
    }
    out.topicAlias = p.topicAlias;
  }
  if (p.responseTopic !== undefined && p.responseTopic !== '') {
    const problem = topicNameProblem(p.responseTopic);
    if (problem) throw new UserInputError(`Response topic: ${problem}`, 'properties.responseTopic');
    out.responseTopic = p.responseTopic;
  }
  if (p.correlationData !== undefined && p.correlationData !== '') {
    if (!isBase64(p.correlationData)) throw new UserInputError('The correlation data is not valid base64.', 'properties.correlationData');
    out.correlationData = Buffer.from(decodeBase64(p.correlationData));
  }
  if (p.userProperties?.length) out.userProperties = userPropertiesObject(p.userProperties);
  return out;
}

/** MQTT.js takes user properties as an object; a key given more than once becomes an array, in order. */
export function userPropertiesObject(list: { key: string; value: string }[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  list.forEach(({ key, value }, i) => {
    if (key === '') throw new UserInputError('A user property needs a name.', `properties.userProperties.${i}.key`);
    const problem = mqttStringProblem(key, 'A user property name') ?? mqttStringProblem(value, 'A user property value');
    if (problem) throw new UserInputError(problem, `properties.userProperties.${i}.${mqttStringProblem(key, '') ? 'key' : 'value'}`);
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  });
  return out;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
