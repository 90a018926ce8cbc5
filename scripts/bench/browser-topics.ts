// Fills the tree for the tree-action benchmark: one message on each of groups × perGroup
// topics `<root>/g<a>/t<b>`, so one level has `groups` nodes of `perGroup` children each.
// Published from the bench process (the load is a one-off backlog, not a measured rate).
import mqtt from 'mqtt';

export async function publishTopicGrid(url: string, root: string, groups: number, perGroup: number, size: number): Promise<number> {
  const client = await mqtt.connectAsync(url, { protocolVersion: 4, clean: true, reconnectPeriod: 0 });
  const payload = Buffer.alloc(size, 0x61);
  let sent = 0;
  try {
    for (let a = 0; a < groups; a++) {
      for (let b = 0; b < perGroup; b++) {
        client.publish(`${root}/g${a}/t${b}`, payload, { qos: 0 });
        sent++;
      }
      // Let the socket drain between groups so the backlog sits in the broker, not in our memory.
      if (client.stream.writableNeedDrain) await new Promise((r) => client.stream.once('drain', r));
      else await new Promise((r) => setImmediate(r));
    }
  } finally {
    await client.endAsync();
  }
  return sent;
}
