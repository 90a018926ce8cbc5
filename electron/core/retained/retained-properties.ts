// 5.0 properties of a retained message between MQTT.js's form (correlation data a
// Buffer, user properties an object) and the file's (base64, a list), so a backup
// restores them as they were. Topic Alias is a property of one connection, never kept.
import type { PublishProperties } from '../../../shared/publish-contract';

export function toFileProperties(properties: Record<string, unknown> | undefined): PublishProperties | undefined {
  if (!properties) return undefined;
  const out: PublishProperties = {};
  if (typeof properties.contentType === 'string') out.contentType = properties.contentType;
  if (typeof properties.payloadFormatIndicator === 'boolean') out.payloadFormatIndicator = properties.payloadFormatIndicator;
  if (typeof properties.messageExpiryInterval === 'number') out.messageExpiryInterval = properties.messageExpiryInterval;
  if (typeof properties.responseTopic === 'string') out.responseTopic = properties.responseTopic;
  const correlation = properties.correlationData;
  if (correlation instanceof Uint8Array) out.correlationData = Buffer.from(correlation).toString('base64');
  const user = properties.userProperties;
  if (user && typeof user === 'object') {
    out.userProperties = Object.entries(user as Record<string, string | string[]>).flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => ({ key, value: String(v) })),
    );
  }
  return Object.keys(out).length ? out : undefined;
}
