// The embedded broker: Aedes on a TCP listener, loopback by default, and optionally a
// TLS listener with the user's certificate. Who may connect and what each user may
// publish and subscribe to (broker/broker-access.ts), and its limits (maximum packet
// size, in-flight messages per client, connections) follow the broker's settings,
// which can change while it runs; everything it refuses is written to its log.
//
// Aedes is pinned to exactly 2.0.0-beta.1: aedes 1.x answers an MQTT 5.0 CONNECT
// with CONNACK return code 1 (unacceptable protocol version), and the app must
// accept 3.1.1 and 5.0 clients alike. Move to 2.0.0 once it is released.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes, type AuthenticateError, type Client, type Subscription } from 'aedes';
import type { EmbeddedBrokerInfo } from '../../shared/contract';
import { isLoopbackHost } from './options';
import { INTERNAL_USERNAME, mayPublish, maySubscribe, signIn, type AccessRules, type ClientIdentity, type InternalCredentials } from './broker/broker-access';
import { BrokerLog } from './broker/broker-log';
import { guardInflight } from './broker/inflight-guard';
import { listen } from './broker/listen';
import { startTlsListener, type TlsListener, type TlsListenerSettings } from './broker/tls-listener';

const connectTimeoutMs = 10_000;

export interface BrokerLimits {
  maxPacketBytes: number;
  maxInflight: number;
  maxConnections: number;
}

/** What can change while the broker runs. */
export interface BrokerRuntimeSettings extends AccessRules {
  tls: TlsListenerSettings;
  limits: BrokerLimits;
}

export interface EmbeddedBrokerOptions {
  host: string;
  /** The port to try first; when it is taken, a free port is used and the reason noted. */
  port: number;
  settings: BrokerRuntimeSettings;
  /** Where the broker's refusals go (the app's log). */
  log: (line: string) => void;
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
  /** The app's own clients sign in with these: they work whatever the user's ACL says. */
  readonly internal: InternalCredentials = { username: INTERNAL_USERNAME, password: randomBytes(24).toString('base64url') };
  readonly events: BrokerLog;
  private readonly identities = new WeakMap<Client, ClientIdentity>();
  /** "address:port" of each client's connection, by the stream Aedes reads (the tap). */
  private readonly remotes = new WeakMap<object, string>();
  private readonly sockets = new Set<net.Socket>();
  private tls: TlsListener | null = null;
  private tlsProblem: string | null = null;
  host = '';
  port = 0;
  note: string | null = null;

  private constructor(
    readonly aedes: Aedes,
    private readonly server: net.Server,
    private settings: BrokerRuntimeSettings,
    private readonly wrap: (socket: net.Socket) => Duplex,
    log: (line: string) => void,
  ) {
    this.events = new BrokerLog(log);
  }

  static async start(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    let self: EmbeddedBroker | null = null;
    // The hooks run only once a client connects, by which time `self` is set.
    const aedes = await Aedes.createBroker({
      authenticate: (client, username, password, done) => self!.authenticate(client, username, password, done),
      authorizePublish: (client, packet, done) => self!.authorizePublish(client, packet.topic, done),
      authorizeSubscribe: (client, sub, done) => self!.authorizeSubscribe(client, sub, done),
      // A connection that has not sent a whole CONNECT by then is closed (Aedes's default is 30 s):
      // a half-sent packet must not hold a connection and its buffers for long.
      connectTimeout: connectTimeoutMs,
      maximumPacketSize: options.settings.limits.maxPacketBytes,
      receiveMaximum: options.settings.limits.maxInflight,
    });
    const server = net.createServer((socket) => self!.accept(socket));
    const broker = (self = new EmbeddedBroker(aedes, server, options.settings, options.wrapSocket ?? ((socket) => socket), options.log));
    broker.host = options.host;
    try {
      broker.port = await listen(server, options.host, options.port);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === 0) {
        aedes.close();
        throw err;
      }
      broker.port = await listen(server, options.host, 0);
      broker.note = `Port ${options.port} was taken, so the broker listens on ${broker.port}.`;
    }
    broker.watch();
    await broker.applyTls();
    return broker;
  }

  /** New access rules and limits take effect at once; clients signed in under old rules sign in again. */
  async apply(settings: BrokerRuntimeSettings): Promise<void> {
    const accessChanged = JSON.stringify([settings.requireAuth, settings.users]) !== JSON.stringify([this.settings.requireAuth, this.settings.users]);
    const tlsChanged = JSON.stringify(settings.tls) !== JSON.stringify(this.settings.tls);
    this.settings = settings;
    // Aedes reads both per packet and per CONNECT; its types do not list them as writable.
    Object.assign(this.aedes, { maximumPacketSize: settings.limits.maxPacketBytes, receiveMaximum: settings.limits.maxInflight });
    if (accessChanged) this.disconnectExternalClients();
    if (tlsChanged) await this.applyTls();
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
    return {
      host: this.host,
      port: this.port,
      state: 'running',
      note: this.note,
      clients: this.clientCount,
      exposed: !isLoopbackHost(this.host),
      requireAuth: this.settings.requireAuth,
      tls: this.tls ? { port: this.tls.port, problem: null } : this.settings.tls.enabled ? { port: null, problem: this.tlsProblem } : null,
      refusals: this.events.total(),
      events: this.events.events(),
    };
  }

  /** The URL our own clients use; loopback even when the broker listens on all interfaces. */
  get url(): string {
    const host = this.host === '0.0.0.0' || this.host === '::' ? '127.0.0.1' : this.host;
    return `mqtt://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  async close(): Promise<void> {
    this.events.flush();
    await this.tls?.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // Existing client sockets keep a server open; Aedes closes them.
      this.aedes.close(() => undefined);
    });
  }

  // --- connections -------------------------------------------------------------

  private accept(socket: net.Socket): void {
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    const max = this.settings.limits.maxConnections;
    if (this.sockets.size >= max) {
      this.events.add('connections', `refused a connection from ${remote}: ${count(max)} connections is the maximum (Maximum connections in the broker's settings).`);
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    // A reset from a client that went away is the end of its connection, not a crash of ours.
    socket.on('error', () => undefined);
    const stream = this.wrap(socket);
    this.remotes.set(stream, remote);
    // Aedes only needs a duplex stream; its types ask for a socket-like Connection.
    this.aedes.handle(stream as net.Socket);
  }

  private async applyTls(): Promise<void> {
    await this.tls?.close();
    this.tls = null;
    this.tlsProblem = null;
    const tls = this.settings.tls;
    if (!tls.enabled) return;
    try {
      this.tls = await startTlsListener(this.host, tls, (socket) => this.accept(socket), (remote, err) => {
        this.events.add('protocol', `a TLS handshake from ${remote} failed: ${err.message}`);
      });
    } catch (err) {
      this.tlsProblem = `The TLS listener did not start: ${(err as Error).message}`;
      this.events.add('listener', this.tlsProblem);
    }
  }

  private disconnectExternalClients(): void {
    const clients = Object.values((this.aedes as unknown as { clients: Record<string, Client> }).clients);
    const external = clients.filter((c) => !this.identities.get(c)?.internal);
    for (const c of external) c.close();
    if (external.length > 0) this.events.add('sign-in', `sign-in rules changed: ${count(external.length)} client${external.length === 1 ? '' : 's'} disconnected to sign in again.`);
  }

  private describe(client: Client | null): string {
    if (!client) return 'a client';
    const remote = this.remotes.get(client.conn as object);
    const user = this.identities.get(client)?.username;
    return `client "${client.id}"${user ? ` (user "${user}")` : ''}${remote ? ` from ${remote}` : ''}`;
  }

  // --- Aedes hooks and events ----------------------------------------------------

  private authenticate(client: Client, username: string | undefined, password: Buffer | undefined, done: (err: AuthenticateError | null, ok: boolean | null) => void): void {
    const result = signIn(this.settings, this.internal, username, password);
    if (result.ok) {
      this.identities.set(client, { username: result.username, internal: result.internal });
      done(null, true);
      return;
    }
    this.events.add('sign-in', `refused ${this.describe(client)}${username === undefined ? '' : ` as "${username}"`}: ${result.reason}.`);
    // 4: bad user name or password (3.1.1); Aedes maps it to 0x86 for 5.0 clients.
    done(Object.assign(new Error('Bad user name or password'), { returnCode: 4 as const }), null);
  }

  private authorizePublish(client: Client | null, topic: string, done: (err?: Error | null) => void): void {
    // client is null for messages the broker publishes itself (wills are checked when set: below).
    const who = client ? this.identities.get(client) : undefined;
    if (!client || !who || mayPublish(this.settings, who, topic)) {
      done(null);
      return;
    }
    this.events.add('publish-denied', `${this.describe(client)} may not publish to "${topic}": no publish pattern of the user's matches it.`);
    done(new Error(`not authorized to publish to ${topic}`));
  }

  private authorizeSubscribe(client: Client, sub: Subscription, done: (err: Error | null, sub?: Subscription | null) => void): void {
    const who = this.identities.get(client);
    if (!who || maySubscribe(this.settings, who, sub.topic)) {
      done(null, sub);
      return;
    }
    this.events.add('subscribe-denied', `${this.describe(client)} may not subscribe to "${sub.topic}": no subscribe pattern of the user's covers it.`);
    // A null subscription is refused in the SUBACK (0x87 for 5.0, 0x80 for 3.1.1); the connection stays.
    done(null, null);
  }

  private watch(): void {
    this.aedes.on('publish', (packet, client) => {
      if (!packet.retain || !client) return;
      if (packet.payload.length === 0) this.retainedOrigins.delete(packet.topic);
      else this.retainedOrigins.set(packet.topic, { clientId: client.id, at: Date.now() });
    });
    const onError = (client: Client, err: Error & { size?: number; maximumPacketSize?: number }) => {
      if (err.message === 'packet too large') {
        this.events.add('packet-size', `closed ${this.describe(client)}: a ${count(err.size ?? 0)}-byte packet is over the maximum packet size of ${count(err.maximumPacketSize ?? 0)} bytes.`);
      } else if (!/not authorized|bad user name or password/i.test(err.message)) {
        // Refused sign-ins and publishes were logged where they were decided.
        this.events.add('protocol', `closed ${this.describe(client)}: ${err.message}.`);
      }
    };
    this.aedes.on('clientError', onError);
    this.aedes.on('connectionError', onError);
    guardInflight(this.aedes, () => this.settings.limits.maxInflight, (client, err) => {
      this.events.add('inflight', `disconnected ${this.describe(client)}: ${err.message}, over the maximum of ${count(err.limit)} in-flight messages per client.`);
    });
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
