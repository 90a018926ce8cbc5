// A connection together with the data it collected: the topic tree and histories.
import type { ConnectionSummary, HistoryLimits } from '../../shared/contract';
import { MqttConnection, type MqttConnectionOptions } from './mqtt-connection';
import { TopicTree } from './topic-tree';

export class ConnectionEntry {
  readonly connection: MqttConnection;
  readonly tree: TopicTree;
  /** The capture link this connection's packets are recorded on. */
  readonly linkId: string;

  constructor(options: MqttConnectionOptions & { linkId: string }, limits: HistoryLimits, onChange: () => void, onMessage: () => void) {
    this.linkId = options.linkId;
    this.tree = new TopicTree(limits);
    this.connection = new MqttConnection(options);
    this.connection.on('message', (m) => {
      this.tree.ingest(m.topic, m.payload, m.qos, m.retain, Date.now());
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
