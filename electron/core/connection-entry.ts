// A connection together with the data it collected: the topic tree and histories.
import type { ConnectionSummary, HistoryLimits } from '../../shared/contract';
import { MqttConnection, type MqttConnectionOptions } from './mqtt-connection';
import { TopicTree } from './topic-tree';
import { RetainedIndex } from './retained/retained-index';

export class ConnectionEntry {
  readonly connection: MqttConnection;
  readonly tree: TopicTree;
  /** What the broker holds as retained messages, as far as MQTT Scope knows. */
  readonly retained = new RetainedIndex();
  /** The capture link this connection's packets are recorded on. */
  readonly linkId: string;

  constructor(options: MqttConnectionOptions & { linkId: string }, limits: HistoryLimits, onChange: () => void, onMessage: () => void) {
    this.linkId = options.linkId;
    this.tree = new TopicTree(limits);
    this.connection = new MqttConnection(options);
    this.connection.on('message', (m) => {
      const now = Date.now();
      this.tree.ingest(m.topic, m.payload, m.qos, m.retain, now);
      // The retain flag is set on what a broker sends because a subscription was made (and, with Retain As Published, on live retained messages).
      if (m.retain) this.retained.observe(m, now, 'subscription');
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
