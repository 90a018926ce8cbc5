// One client connection to a broker through MQTT.js, with the state the UI shows:
// status (connecting, connected, reconnecting with attempt and next try, failed with
// the reason in words), subscriptions with what the broker granted, and counters.
//
// Reconnecting is ours, not MQTT.js's: its reconnectPeriod is a fixed interval, and
// the UI needs backoff and the time of the next try. Subscriptions are made by us on
// every CONNACK (MQTT.js's resubscribe is off) so each SUBACK's verdict is seen.
// Each attempt is a new MQTT.js client; what a session keeps across them (QoS 2 messages
// not yet released, our unacknowledged publishes) is carried by a ClientSession.
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import mqtt, { type IClientOptions, type IClientSubscribeOptions, type MqttClient } from 'mqtt';
import type { ConnackInfo, ConnectionStatus, ConnectionSummary, ProtocolVersion, Qos, SubscriptionState } from '../../shared/contract';
import { displayBrokerUrl, type BrokerAddress } from '../../shared/broker-url';
import { connackCodeText, subackCodeText } from '../../shared/reason-codes';
import { describeConnectionError, reconnectDelayMs } from './connection-errors';
import { ClientSession } from './client-session';
import { SendWindow } from './send-window';

/**
 * 3.x brokers cannot announce how many QoS 1/2 messages they take in flight, and some
 * drop the excess without a word: mosquitto answers a 3.1.1 client's PUBLISH beyond its
 * max_inflight_messages (default 20) with a plain PUBACK and discards the message (its
 * log says rc 151, quota exceeded). 20 keeps a 3.x connection within that default.
 */
export const assumedV3ReceiveWindow = 20;

/** How long a user's disconnect waits for the broker before closing the socket anyway. */
const disconnectGraceMs = 2000;

export interface MqttConnectionOptions {
  id: string;
  name: string;
  address: BrokerAddress;
  protocolVersion: ProtocolVersion;
  clientId: string;
  embedded: boolean;
  subscriptions: { filter: string; qos: Qos; options?: IClientSubscribeOptions }[];
  /**
   * From a saved profile: keep alive, clean session or start, will, 5.0 properties, TLS.
   * Address, client id and version above still decide; reconnecting stays ours.
   */
  profileOptions?: IClientOptions;
  /** The first reconnect delay (then doubling up to 30 s); 0 = do not reconnect on its own. */
  reconnectBaseMs?: number;
  /** Puts a tap between MQTT.js and the network stream it builds (the packet capture). */
  wrapStream?: (stream: Duplex) => Duplex;
}

export interface IncomingMessage {
  topic: string;
  payload: Uint8Array;
  qos: Qos;
  retain: boolean;
  /** 5.0 PUBLISH properties as MQTT.js decoded them (correlationData a Buffer), if any. */
  properties: Record<string, unknown> | undefined;
}

/** What MQTT.js takes to publish: retain, 5.0 properties (topic alias, response topic...). */
export interface PublishOptions {
  retain: boolean;
  properties?: Record<string, unknown>;
}

interface Events {
  message: [IncomingMessage];
  /** Status, subscriptions or counters changed. */
  change: [];
}

export class MqttConnection extends EventEmitter<Events> {
  status: ConnectionStatus = { kind: 'connecting', attempt: 1 };
  readonly subscriptions = new Map<string, SubscriptionState>();
  messagesPublished = 0;
  connack: ConnackInfo | null = null;
  /** Outgoing QoS 1/2 within the server's Receive Maximum. */
  readonly sendWindow = new SendWindow();
  private client: MqttClient | null = null;
  private attempt = 1;
  private lastError: string | null = null;
  private connackReceived = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly session = new ClientSession();
  /** 5.0 subscription options (no local, retain as published, retain handling, identifier) by filter. */
  private readonly subscribeOptions = new Map<string, IClientSubscribeOptions>();

  constructor(readonly options: MqttConnectionOptions) {
    super();
    for (const s of options.subscriptions) {
      this.subscriptions.set(s.filter, pendingSubscription(s.filter, s.qos));
      if (s.options) this.subscribeOptions.set(s.filter, s.options);
    }
  }

  get id(): string {
    return this.options.id;
  }

  start(): void {
    this.stopped = false;
    this.attempt = 1;
    this.open();
  }

  summary(counters: ConnectionSummary['counters']): ConnectionSummary {
    const o = this.options;
    return {
      id: o.id,
      name: o.name,
      // On the embedded broker we sign in as the app's own user: a detail, not the user's address.
      url: displayBrokerUrl(o.embedded ? { ...o.address, username: null } : o.address),
      protocolVersion: o.protocolVersion,
      clientId: o.clientId,
      embedded: o.embedded,
      status: this.status,
      subscriptions: [...this.subscriptions.values()],
      connack: this.connack,
      counters,
    };
  }

  async subscribe(filter: string, qos: Qos, options?: IClientSubscribeOptions): Promise<void> {
    this.subscriptions.set(filter, pendingSubscription(filter, qos));
    if (options && this.options.protocolVersion === 5) this.subscribeOptions.set(filter, options);
    else this.subscribeOptions.delete(filter);
    this.emit('change');
    if (this.client?.connected) this.sendSubscribe(filter, qos);
  }

  async unsubscribe(filter: string): Promise<void> {
    const had = this.subscriptions.delete(filter);
    this.subscribeOptions.delete(filter);
    this.emit('change');
    if (had && this.client?.connected) await this.client.unsubscribeAsync(filter);
  }

  /** Publishes and resolves when the broker accepted it (QoS 0: when written); the packet id it used. */
  async publish(topic: string, payload: Uint8Array, qos: Qos, options: PublishOptions): Promise<{ packetId: number | null }> {
    if (!this.client?.connected) throw new Error(`Not connected to ${displayBrokerUrl(this.options.address)}: the message was not sent.`);
    const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    const publishOptions = { qos, retain: options.retain, ...(options.properties ? { properties: options.properties } : {}) };
    let packet: { messageId?: number } | undefined;
    if (qos === 0) {
      packet = await this.client.publishAsync(topic, bytes, publishOptions);
    } else {
      await this.sendWindow.acquire();
      try {
        if (!this.client?.connected) throw new Error(`The connection to ${displayBrokerUrl(this.options.address)} closed while the message waited: it was not sent.`);
        packet = await this.client.publishAsync(topic, bytes, publishOptions);
      } finally {
        this.sendWindow.release();
      }
    }
    this.messagesPublished++;
    this.emit('change');
    return { packetId: qos > 0 ? (packet?.messageId ?? null) : null };
  }

  /**
   * A subscription of the app's own (a request's reply topic), not in the list the
   * user manages; resolves with the granted QoS, or rejects with the broker's reason.
   */
  async subscribeQuietly(filter: string, qos: Qos): Promise<Qos> {
    if (!this.client?.connected) throw new Error(`Not connected to ${displayBrokerUrl(this.options.address)}.`);
    const granted = await this.client.subscribeAsync(filter, { qos });
    const code = granted[0]?.qos;
    if (code === undefined || code > 2) throw new Error(`The broker refused the subscription to ${filter}: ${subackCodeText(code ?? 0x80, this.options.protocolVersion)}`);
    return code as Qos;
  }

  async unsubscribeQuietly(filter: string): Promise<void> {
    if (this.client?.connected && !this.subscriptions.has(filter)) await this.client.unsubscribeAsync(filter);
  }

  /** The MQTT.js options this connection connects with, for a short-lived client beside it (a retained scan). */
  clientOptions(overrides: Partial<IClientOptions>): IClientOptions {
    return { ...this.baseClientOptions(), ...overrides };
  }

  /** Closes the connection at the user's request; no reconnect follows. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearReconnectTimer();
    const client = this.client;
    this.client = null;
    for (const [filter, sub] of this.subscriptions) this.subscriptions.set(filter, pendingSubscription(filter, sub.requestedQos));
    this.setStatus({ kind: 'disconnected' });
    if (client?.connected) {
      // A clean DISCONNECT, as the broker and the other clients expect (no will is sent);
      // a broker that stopped answering does not get to hold the app up.
      const graceful = client.endAsync(false).catch(() => undefined);
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), disconnectGraceMs).unref());
      if ((await Promise.race([graceful, timeout])) === 'timeout') await client.endAsync(true).catch(() => undefined);
    } else if (client) {
      await client.endAsync(true).catch(() => undefined);
    }
    this.session.fail(client, 'The connection was closed before the broker acknowledged the message: it may not have arrived.');
  }

  /** Reconnects now, whatever the state: after a failure, a stop, or while waiting. */
  async restart(): Promise<void> {
    await this.stop();
    this.lastError = null;
    this.start();
  }

  private baseClientOptions(): IClientOptions {
    const o = this.options;
    const a = o.address;
    return {
      clean: true,
      keepalive: 60,
      connectTimeout: 10_000,
      ...o.profileOptions,
      protocol: a.protocol,
      host: a.host,
      port: a.port,
      path: a.path || undefined,
      username: a.username ?? undefined,
      password: a.password ?? undefined,
      clientId: o.clientId,
      protocolVersion: o.protocolVersion,
      // MQTT 3.1 names its protocol MQIsdp; 3.1.1 and 5.0 say MQTT.
      protocolId: o.protocolVersion === 3 ? 'MQIsdp' : 'MQTT',
      reconnectPeriod: 0,
      resubscribe: false,
    };
  }

  private open(): void {
    const o = this.options;
    const a = o.address;
    this.connackReceived = false;
    this.setStatus({ kind: 'connecting', attempt: this.attempt });
    const clientOptions = this.baseClientOptions();
    const client = mqtt.connect({ ...clientOptions, manualConnect: true });
    this.session.attach(client);
    const wrap = o.wrapStream;
    if (wrap) {
      // MQTT.js has no public hook for the stream it builds; its streamBuilder is the
      // seam it uses itself (connect() calls it on every connection and reconnection).
      const seam = client as unknown as { streamBuilder: (c: MqttClient) => Duplex };
      const build = seam.streamBuilder;
      seam.streamBuilder = (c) => wrap(build(c));
    }
    this.client = client;
    client.on('packetreceive', (packet) => {
      if (client !== this.client || packet.cmd !== 'connack') return;
      // As MQTT.js decides whether a session resumed (3.1 has no Session Present flag).
      const resumed = !client.options.clean && (o.protocolVersion < 4 || packet.sessionPresent);
      if (!resumed) this.session.discard(client);
    });
    client.on('connect', (connack) => {
      if (client !== this.client) return;
      this.sendWindow.setLimit(connack.properties?.receiveMaximum ?? (this.options.protocolVersion === 5 ? 65_535 : assumedV3ReceiveWindow));
      const code = (this.options.protocolVersion === 5 ? connack.reasonCode : connack.returnCode) ?? 0;
      const properties = Object.fromEntries(
        Object.entries(connack.properties ?? {}).map(([k, v]) => [k, Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : v]),
      );
      this.connack = { sessionPresent: connack.sessionPresent, code, text: connackCodeText(code, this.options.protocolVersion), properties, at: Date.now() };
      this.connackReceived = true;
      this.attempt = 1;
      this.lastError = null;
      this.setStatus({ kind: 'connected', since: Date.now() });
      for (const s of this.subscriptions.values()) this.sendSubscribe(s.filter, s.requestedQos);
    });
    client.on('message', (topic, payload, packet) => {
      if (client !== this.client) return;
      this.emit('message', { topic, payload, qos: packet.qos, retain: packet.retain, properties: packet.properties as Record<string, unknown> | undefined });
    });
    client.on('error', (err) => {
      if (client !== this.client) return;
      const refusedAtConnack = !this.connackReceived && typeof (err as { code?: unknown }).code === 'number';
      const described = describeConnectionError(err, `${a.host}:${a.port}`, o.protocolVersion, refusedAtConnack, a.username !== null);
      this.lastError = described.message;
      if (described.fatal) {
        this.stopped = true;
        this.setStatus({ kind: 'failed', reason: described.message, code: described.connackCode });
        client.end(true);
        this.session.fail(client, `The message was not acknowledged: ${described.message}`);
      }
    });
    client.on('disconnect', (packet) => {
      // MQTT 5: the server says why it is closing the connection.
      if (client !== this.client) return;
      const code = packet.reasonCode ?? 0;
      this.lastError = `The broker disconnected us: ${subackCodeText(code, 5)}`;
    });
    client.on('close', () => {
      if (client !== this.client || this.stopped) return;
      if (!this.connackReceived && !this.lastError) this.lastError = 'The connection closed before the broker answered CONNECT';
      client.removeAllListeners('connect');
      client.end(true);
      this.session.detach(client);
      // Without a connection no subscription is in force: they are made again on the next CONNACK.
      for (const [filter, sub] of this.subscriptions) this.subscriptions.set(filter, pendingSubscription(filter, sub.requestedQos));
      this.scheduleReconnect();
    });
    client.connect();
  }

  private scheduleReconnect(): void {
    this.clearReconnectTimer();
    if (this.options.reconnectBaseMs === 0) {
      this.stopped = true;
      this.setStatus({ kind: 'failed', reason: `${this.lastError ?? 'The connection closed'}. Automatic reconnect is off for this connection.`, code: null });
      return;
    }
    const delay = reconnectDelayMs(this.attempt, this.options.reconnectBaseMs);
    this.attempt++;
    this.setStatus({ kind: 'reconnecting', attempt: this.attempt, nextRetryAt: Date.now() + delay, lastError: this.lastError });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  private sendSubscribe(filter: string, qos: Qos): void {
    const client = this.client!;
    const version = this.options.protocolVersion;
    client.subscribe(filter, { ...this.subscribeOptions.get(filter), qos }, (err, granted) => {
      const current = this.subscriptions.get(filter);
      if (!current || client !== this.client) return;
      const code = granted?.[0]?.qos;
      if (err || code === undefined) {
        const errCode = (err as { code?: unknown } | null)?.code;
        const reason = typeof errCode === 'number' ? subackCodeText(errCode, version) : err ? err.message : 'no SUBACK entry';
        this.subscriptions.set(filter, { ...current, state: 'refused', grantedQos: null, reason });
      } else if (code > 2) {
        this.subscriptions.set(filter, { ...current, state: 'refused', grantedQos: null, reason: subackCodeText(code, version) });
      } else {
        const downgraded = code < current.requestedQos ? `The broker granted QoS ${code} instead of ${current.requestedQos}` : null;
        this.subscriptions.set(filter, { ...current, state: 'granted', grantedQos: code as Qos, reason: downgraded });
      }
      this.emit('change');
    });
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.emit('change');
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }
}

function pendingSubscription(filter: string, qos: Qos): SubscriptionState {
  return { filter, requestedQos: qos, state: 'pending', grantedQos: null, reason: null };
}
