// Our side of an MQTT session, carried across the MQTT.js clients of one connection.
// Each connection attempt is a new MQTT.js client (MqttConnection reconnects itself), and
// MQTT.js keeps session state per client: without this, a persistent session lost at every
// reconnect what the protocol says survives it (MQTT-4.4.0-1):
// - QoS 2 messages received (PUBREC sent) and not yet released: MQTT.js hands a QoS 2
//   message over only at its PUBREL, so one whose PUBREL came after the reconnect was lost;
// - our own unacknowledged QoS 1/2 PUBLISH and PUBREL: never sent again, so the message was
//   lost and the caller's publish waited for ever (and held its place in the send window).
// The stores are MQTT.js's own, made with clean: false so that ending a client keeps them.
import { Store, type MqttClient } from 'mqtt';

type Pending = MqttClient['outgoing'];

export class ClientSession {
  private incomingStore = new Store({ clean: false });
  private outgoingStore = new Store({ clean: false });
  /** Callers waiting for an acknowledgement, between one client's end and the next client's start. */
  private pending: Pending = {};

  /** The stores for a new client of this session, and the callers it answers (before it connects). */
  attach(client: MqttClient): void {
    client.incomingStore = this.incomingStore;
    client.outgoingStore = this.outgoingStore;
    Object.assign(client.outgoing, this.pending);
    this.pending = {};
  }

  /**
   * A client's connection is gone: its unacknowledged publishes wait for the next client,
   * which sends them again from the store after a CONNACK with the session. Anything else
   * it waited for (a SUBACK, an UNSUBACK) will not come: those callers are told so.
   */
  detach(client: MqttClient): void {
    for (const [id, entry] of Object.entries(client.outgoing)) {
      delete client.outgoing[Number(id)];
      if (entry.cmd === 'publish' || entry.cmd === 'pubrel') this.pending[Number(id)] = entry;
      else entry.cb(new Error('The connection closed before the broker answered.'));
    }
  }

  /**
   * The broker answered without the session (a clean start, or it had none left): nothing
   * of the old one will be acknowledged or released. Must run before MQTT.js handles the
   * CONNACK, which sends the stored packets again ('packetreceive' comes first).
   */
  discard(client: MqttClient): void {
    this.fail(client, 'The broker no longer had the session: the message was not acknowledged and may not have arrived.');
    this.incomingStore = new Store({ clean: false });
    this.attach(client);
  }

  /** The connection ends for good (the user closed it, or it failed): callers still waiting are told, and nothing is sent again. */
  fail(client: MqttClient | null, reason: string): void {
    if (client) this.detach(client);
    const waiting = Object.values(this.pending);
    this.pending = {};
    this.outgoingStore = new Store({ clean: false });
    for (const entry of waiting) entry.cb(new Error(reason));
  }
}
