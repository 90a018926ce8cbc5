// Maximum in-flight messages per client, towards the broker. Aedes advertises a Receive
// Maximum to 5.0 clients but does not enforce it, and it keeps every QoS 2 PUBLISH it has
// answered with PUBREC until the client's PUBREL: a client that never sends PUBREL grows
// the broker's memory without bound. This counts those per connection, at the broker's
// store for them, and disconnects a client that goes past the limit (5.0: reason 0x93,
// Receive Maximum exceeded). QoS 1 needs no count: Aedes answers each PUBACK before it
// reads the client's next packet.
import type { Aedes, Client } from 'aedes';

const RECEIVE_MAXIMUM_EXCEEDED = 0x93;

interface IncomingStore {
  incomingStorePacket(client: Client, packet: { messageId?: number }): Promise<void>;
  incomingDelPacket(client: Client, packet: { messageId?: number }): Promise<void>;
}

export class InflightLimitError extends Error {
  constructor(readonly inflight: number, readonly limit: number) {
    super(`more than ${limit} QoS 2 messages in flight`);
  }
}

export function guardInflight(aedes: Aedes, limit: () => number, onExceeded: (client: Client, err: InflightLimitError) => void): void {
  // Aedes types its persistence as any.
  const store = (aedes as unknown as { persistence: IncomingStore }).persistence;
  const stored = store.incomingStorePacket.bind(store);
  const deleted = store.incomingDelPacket.bind(store);
  const inflight = new WeakMap<Client, Set<number>>();

  store.incomingStorePacket = async (client, packet) => {
    let ids = inflight.get(client);
    if (!ids) inflight.set(client, (ids = new Set()));
    const id = packet.messageId ?? -1;
    if (!ids.has(id) && ids.size >= limit()) {
      const err = new InflightLimitError(ids.size + 1, limit());
      onExceeded(client, err);
      disconnectForInflight(client);
      // Never settles: the packet is neither stored nor published nor answered, and failing
      // it would make Aedes destroy the socket before the 5.0 DISCONNECT is written.
      return new Promise<void>(() => undefined);
    }
    ids.add(id);
    await stored(client, packet);
  };

  store.incomingDelPacket = async (client, packet) => {
    inflight.get(client)?.delete(packet.messageId ?? -1);
    await deleted(client, packet);
  };
}

/** Tells a 5.0 client why before the connection closes (3.x has no DISCONNECT from the server). */
function disconnectForInflight(client: Client): void {
  if (client.version === 5) client.disconnect({ reasonCode: RECEIVE_MAXIMUM_EXCEEDED });
  else client.close();
}
