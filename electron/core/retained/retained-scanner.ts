// Finding what a broker holds as retained messages. A broker sends its retained
// messages only when a subscription is made, so the scan opens a short-lived client
// of its own beside the connection (same broker, credentials and TLS; a fresh client
// id and a clean session), subscribes, and collects until nothing has arrived for a
// quiet period. The embedded broker's retained store is read directly instead.
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { UserInputError } from '../../../shared/rpc';
import { subackCodeText } from '../../../shared/reason-codes';
import { topicMatchesFilter } from '../../../shared/topic';
import type { MqttConnection } from '../mqtt-connection';
import type { ObservedRetained } from './retained-index';
import type { EmbeddedBroker } from '../embedded-broker';

export interface ScanLimits {
  /** The scan ends after this long without a retained message arriving (after the SUBACK). */
  quietMs: number;
  /** ...or after this long in all. */
  timeoutMs: number;
}

export const defaultScanLimits: ScanLimits = { quietMs: 1000, timeoutMs: 30_000 };

export interface ScanResult {
  messages: ObservedRetained[];
  endedBy: 'quiet' | 'timeout' | 'store' | 'disconnected';
}

export async function scanBySubscription(
  connection: MqttConnection,
  filters: readonly string[],
  limits: ScanLimits,
  onFound: (count: number) => void,
): Promise<ScanResult> {
  const started = Date.now();
  const client = mqtt.connect(
    connection.clientOptions({
      clientId: `${connection.options.clientId}-scan-${randomBytes(3).toString('hex')}`.slice(0, 64),
      clean: true,
      will: undefined,
      // 5.0: the scan's session ends with its connection.
      properties: connection.options.protocolVersion === 5 ? { sessionExpiryInterval: 0 } : undefined,
      connectTimeout: Math.min(10_000, limits.timeoutMs),
    }),
  );
  const found = new Map<string, ObservedRetained>();
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', (err) => reject(new UserInputError(`The scan could not connect: ${err.message}`, null)));
      client.once('close', () => reject(new UserInputError('The scan could not connect: the broker closed the connection.', null)));
    });
    let lastArrival = Date.now();
    client.on('message', (topic, payload, packet) => {
      // Only retained messages: a live message published during the scan is not part of the set.
      if (!packet.retain || payload.length === 0) return;
      found.set(topic, { topic, payload: new Uint8Array(payload), qos: packet.qos, properties: packet.properties as Record<string, unknown> | undefined });
      lastArrival = Date.now();
      onFound(found.size);
    });
    const granted = await client.subscribeAsync([...filters], { qos: 2 });
    for (const g of granted) {
      if (g.qos > 2) throw new UserInputError(`The broker refused the scan's subscription to ${g.topic}: ${subackCodeText(g.qos, connection.options.protocolVersion)}`, 'filter');
    }
    lastArrival = Math.max(lastArrival, Date.now());
    const endedBy = await new Promise<'quiet' | 'timeout' | 'disconnected'>((resolve) => {
      const check = setInterval(() => {
        const now = Date.now();
        if (!client.connected) {
          // The scan's own connection dropped: what arrived is not the whole set.
          clearInterval(check);
          resolve('disconnected');
        } else if (now - started >= limits.timeoutMs) {
          clearInterval(check);
          resolve('timeout');
        } else if (now - lastArrival >= limits.quietMs) {
          clearInterval(check);
          resolve('quiet');
        }
      }, Math.min(50, limits.quietMs));
    });
    return { messages: [...found.values()], endedBy };
  } finally {
    client.removeAllListeners('message');
    await closeClient(client);
  }
}

async function closeClient(client: mqtt.MqttClient): Promise<void> {
  if (!client.connected) {
    await client.endAsync(true).catch(() => undefined);
    return;
  }
  const graceful = client.endAsync(false).catch(() => undefined);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 2000).unref());
  if ((await Promise.race([graceful, timeout])) === 'timeout') await client.endAsync(true).catch(() => undefined);
}

/** The embedded broker's retained store, read whole: complete by construction. */
export async function readBrokerStore(broker: EmbeddedBroker, filters: readonly string[]): Promise<ScanResult> {
  const found = new Map<string, ObservedRetained>();
  for (const filter of filters) {
    for await (const packet of broker.retainedStream(filter)) {
      // The store's own matching is trusted only as far as MQTT's rules ($-topics and # included).
      if (!topicMatchesFilter(filter, packet.topic) || packet.payload.length === 0) continue;
      found.set(packet.topic, { topic: packet.topic, payload: new Uint8Array(packet.payload), qos: packet.qos, properties: packet.properties });
    }
  }
  return { messages: [...found.values()], endedBy: 'store' };
}
