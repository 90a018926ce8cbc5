// The embedded broker: Aedes on a TCP listener, loopback by default.
//
// Aedes is pinned to exactly 2.0.0-beta.1: aedes 1.x answers an MQTT 5.0 CONNECT
// with CONNACK return code 1 (unacceptable protocol version), and the app must
// accept 3.1.1 and 5.0 clients alike. Move to 2.0.0 once it is released.
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes } from 'aedes';
import type { EmbeddedBrokerInfo } from '../../shared/contract';

export interface EmbeddedBrokerOptions {
  host: string;
  /** The port to try first; when it is taken, a free port is used and the reason noted. */
  port: number;
  /** Puts a tap between each client's socket and the broker (the packet capture). */
  wrapSocket?: (socket: net.Socket) => Duplex;
}

export interface StoredRetained {
  topic: string;
  payload: Buffer;
  qos: 0 | 1 | 2;
  properties?: Record<string, unknown>;
}

export class EmbeddedBroker {
  /** Who set each retained message and when (since this broker started), for the retained view. */
  readonly retainedOrigins = new Map<string, { clientId: string; at: number }>();

  private constructor(
    readonly aedes: Aedes,
    private readonly server: net.Server,
    readonly host: string,
    readonly port: number,
    readonly note: string | null,
  ) {}

  static async start(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    const aedes = await Aedes.createBroker();
    const wrap = options.wrapSocket ?? ((socket: net.Socket) => socket);
    // Aedes only needs a duplex stream; its types ask for a socket-like Connection.
    const server = net.createServer((socket) => aedes.handle(wrap(socket) as net.Socket));
    let note: string | null = null;
    let port: number;
    try {
      port = await listen(server, options.host, options.port);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === 0) {
        aedes.close();
        throw err;
      }
      port = await listen(server, options.host, 0);
      note = `Port ${options.port} was taken, so the broker listens on ${port}.`;
    }
    const broker = new EmbeddedBroker(aedes, server, options.host, port, note);
    aedes.on('publish', (packet, client) => {
      if (!packet.retain || !client) return;
      if (packet.payload.length === 0) broker.retainedOrigins.delete(packet.topic);
      else broker.retainedOrigins.set(packet.topic, { clientId: client.id, at: Date.now() });
    });
    return broker;
  }

  /** The retained messages Aedes holds under a filter (its in-memory persistence). */
  retainedStream(filter: string): AsyncIterable<StoredRetained> {
    // Aedes types its persistence as any; the memory persistence yields packets.
    const persistence = (this.aedes as unknown as { persistence: { createRetainedStream(pattern: string): AsyncIterable<StoredRetained> } }).persistence;
    return persistence.createRetainedStream(filter);
  }

  get clientCount(): number {
    return this.aedes.connectedClients;
  }

  info(): EmbeddedBrokerInfo {
    return { host: this.host, port: this.port, state: 'running', note: this.note, clients: this.clientCount };
  }

  /** The URL our own clients use; loopback even when the broker listens on all interfaces. */
  get url(): string {
    const host = this.host === '0.0.0.0' || this.host === '::' ? '127.0.0.1' : this.host;
    return `mqtt://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // Existing client sockets keep a server open; Aedes closes them.
      this.aedes.close(() => undefined);
    });
  }
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as net.AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
