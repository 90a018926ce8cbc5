// Fills the tree for the tree-action benchmark: one message on each of groups × perGroup
// topics `<root>/g<a>/t<b>`, so one level has `groups` nodes of `perGroup` children each.
// Published from the bench process (the load is a one-off backlog, not a measured rate).
import mqtt, { type MqttClient } from 'mqtt';

export interface TopicGrid {
  sent: number;
  /**
   * Disconnects. Call it once the app has everything: the embedded broker's packet tap
   * drops what it still buffers from a client that disconnects (see the suite's notes).
   */
  end(): Promise<void>;
}

export async function publishTopicGrid(url: string, root: string, groups: number, perGroup: number, size: number): Promise<TopicGrid> {
  const client: MqttClient = await mqtt.connectAsync(url, { protocolVersion: 4, clean: true, reconnectPeriod: 0 });
  const payload = Buffer.alloc(size, 0x61);
  let sent = 0;
  try {
    for (let a = 0; a < groups; a++) {
      for (let b = 0; b < perGroup; b++) {
        client.publish(`${root}/g${a}/t${b}`, payload, { qos: 0 });
        sent++;
      }
      // Let the socket drain between groups so the backlog sits in the broker, not in our memory.
      if (client.stream.writableNeedDrain) await drained(client);
      else await new Promise((r) => setImmediate(r));
    }
  } catch (err) {
    await client.endAsync();
    throw err;
  }
  return { sent, end: () => client.endAsync() };
}

function drained(client: MqttClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const closed = () => reject(new Error('the broker closed the connection while the topics were published'));
    client.stream.once('close', closed);
    client.stream.once('drain', () => {
      client.stream.off('close', closed);
      resolve();
    });
  });
}
