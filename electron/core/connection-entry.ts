// A connection together with the data it collected: the topic tree and histories.
import type { ConnectionSummary, HistoryLimits } from '../../shared/contract';
import { MqttConnection, type MqttConnectionOptions } from './mqtt-connection';
import { TopicTree } from './topic-tree';
import type { HistoryBudget } from './history-budget';
import { RetainedIndex } from './retained/retained-index';

export class ConnectionEntry {
  readonly connection: MqttConnection;
  readonly tree: TopicTree;
  /** What the broker holds as retained messages, as far as MQTT Scope knows. */
  readonly retained = new RetainedIndex();
  /** The capture link this connection's packets are recorded on. */
  readonly linkId: string;

  constructor(options: MqttConnectionOptions & { linkId: string }, limits: HistoryLimits, budget: HistoryBudget, onChange: () => void, onMessage: () => void) {
    this.linkId = options.linkId;
    this.tree = new TopicTree(limits, budget);
    this.connection = new MqttConnection(options);
    this.connection.on('message', (m) => {
      const now = Date.now();
      const payload = ownBytes(m.payload);
      this.tree.ingest(m.topic, payload, m.qos, m.retain, now);
      // The retain flag is set on what a broker sends because a subscription was made (and, with Retain As Published, on live retained messages).
      if (m.retain) this.retained.observe({ ...m, payload }, now, 'subscription');
      onMessage();
    });
    this.connection.on('change', onChange);
  }

  get id(): string {
    return this.connection.id;
  }

  summary(): ConnectionSummary {
    return this.connection.summary({
      messagesReceived: this.tree.messageCount,
      messagesPublished: this.connection.messagesPublished,
      bytesReceived: this.tree.totalBytes,
      topics: this.tree.topicCount,
    });
  }
}

/**
 * MQTT.js hands payloads out as views into the socket's chunks (often 64 KB). Kept as
 * they are, one small message would hold its whole chunk in memory and the history's
 * byte count would understate what it costs; a copy costs what it says.
 */
function ownBytes(payload: Uint8Array): Uint8Array {
  return payload.byteLength * 2 < payload.buffer.byteLength ? Buffer.from(payload) : payload;
}
