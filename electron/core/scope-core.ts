// The core: owns the embedded broker, the connections and their data, and serves
// views. Transports (Electron IPC, WebSocket) open one session per view and carry
// its requests and events; nothing here knows which transport is in use.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Duplex } from 'node:stream';
import type { AppInfo, ConnectionSummary, EmbeddedBrokerInfo, HistoryLimits, Qos } from '../../shared/contract';
import type { RequestHandlers } from '../../shared/rpc';
import { ConnectionEntry } from './connection-entry';
import { DemoDevices } from './demo-devices';
import { EmbeddedBroker, type BrokerRuntimeSettings } from './embedded-broker';
import { BrokerSettingsStore, defaultBrokerSettings } from './broker/broker-settings-store';
import { validateBrokerSettings, type BrokerSettingsProblem, type BrokerSettingsView } from '../../shared/broker-settings';
import { DEFAULT_BROKER_PORT } from './options';
import { defaultHistoryLimits } from './message-history';
import { HistoryBudget } from './history-budget';
import { parseBrokerUrl } from '../../shared/broker-url';
import { createSessionHandlers } from './session-handlers';
import { SettingsStore } from './settings-store';
import { ViewFeed, type EventPush, type FeedSource } from './view-feed';
import type { MqttConnectionOptions } from './mqtt-connection';
import { defaultCaptureLimits, PacketCapture, type CaptureLimits } from './capture/packet-capture';
import { runQosScenario } from './capture/qos-scenario';
import type { ScenarioReport } from '../../shared/capture-contract';
import { UserInputError } from '../../shared/rpc';
import { ProfileStore } from './profiles/profile-store';
import { fileOnlyCipher, type SecretCipher } from './profiles/secret-store';
import type { ProfilesState } from '../../shared/profile-contract';
import path from 'node:path';
import type { PublishEvents } from '../../shared/publish-contract';
import type { RetainedEvents } from '../../shared/retained-contract';
import { PublishLibraryStore } from './publish/publish-library';
import { RepeatRunner } from './publish/repeat-runner';
import { RetainedService } from './retained/retained-service';
import { SnapshotStore } from './retained/snapshot-store';
import type { OriginLookup } from './retained/retained-index';

export type { EventPush } from './view-feed';

export interface ScopeCoreOptions {
  /** Where settings (and later profiles) live; tests pass a temporary folder. */
  dataDir: string;
  /** Embedded broker port: 1883 by default (a free port when taken); 0 = no embedded broker. */
  brokerPort: number;
  brokerHost: string;
  /** Which of brokerHost and brokerPort the command line gave: those win over the saved broker settings. */
  brokerOverrides?: ('host' | 'port')[];
  /** true/false from --demo/--no-demo; null = the remembered choice (on for a first run). */
  demo: boolean | null;
  shell: 'electron' | 'web';
  /** Encrypts saved secrets: Electron's safeStorage in the desktop app; none in web mode (a file only the user can read). */
  secretCipher?: SecretCipher;
  /** Log lines (broker port, problems); defaults to console.log. */
  log?: (line: string) => void;
}

/** One view of the data (a window, a browser tab): its own expanded nodes, window and selection. */
export interface ScopeSession {
  readonly handlers: RequestHandlers;
  close(): void;
}

export const appVersion = '0.1.0';
/** At most ~30 batches a second per view, whatever the message rate. */
const feedIntervalMs = 33;

export class ScopeCore implements FeedSource {
  appRevision = 0;
  connectionsRevision = 0;
  countersRevision = 0;
  historyEpoch = 0;
  profilesRevision = 0;
  readonly profiles: ProfileStore;
  readonly connections = new Map<string, ConnectionEntry>();
  readonly capture: PacketCapture;
  readonly publishLibrary: PublishLibraryStore;
  readonly repeats = new RepeatRunner(() => this.countersRevision++);
  readonly retainedOps: RetainedService;
  private readonly feeds = new Set<ViewFeed>();
  private feedTimer: NodeJS.Timeout | null = null;
  private broker: EmbeddedBroker | null = null;
  /** Why the embedded broker is not running when it failed to start; null when it runs or was not asked for. */
  private brokerFailure: EmbeddedBrokerInfo | null = null;
  readonly brokerSettings: BrokerSettingsStore;
  private demo: DemoDevices | null = null;
  private demoEnabled = false;
  private limits: HistoryLimits;
  /** Payload bytes kept across all connections' histories. */
  readonly historyBudget: HistoryBudget;
  private nextConnectionNumber = 1;

  private constructor(
    private readonly options: ScopeCoreOptions,
    private readonly settings: SettingsStore,
  ) {
    this.limits = { ...defaultHistoryLimits, ...settings.get().historyLimits };
    this.historyBudget = new HistoryBudget(this.limits.maxTotalBytes);
    this.capture = new PacketCapture(settings.get().captureLimits ?? defaultCaptureLimits);
    this.capture.enabled = settings.get().captureEnabled ?? true;
    this.profiles = ProfileStore.open({ dataDir: options.dataDir, cipher: options.secretCipher ?? fileOnlyCipher });
    if (this.profiles.problem) this.log(this.profiles.problem);
    this.brokerSettings = BrokerSettingsStore.open(options.dataDir, this.profiles.secrets, defaultBrokerSettings(options.brokerHost, options.brokerPort || DEFAULT_BROKER_PORT));
    if (this.brokerSettings.problem) this.log(this.brokerSettings.problem);
    this.publishLibrary = PublishLibraryStore.open(options.dataDir);
    if (this.publishLibrary.problem) this.log(this.publishLibrary.problem);
    this.retainedOps = new RetainedService(this, new SnapshotStore(path.join(options.dataDir, 'retained-snapshots')));
    if (this.retainedOps.snapshots.problem) this.log(this.retainedOps.snapshots.problem);
  }

  publishingState(): PublishEvents['publishing'] {
    return { repeats: this.repeats.list(), libraryRevision: this.publishLibrary.revision };
  }

  /** The data folder, for stores a view's handlers open (decoder rules, .proto files). */
  get dataDir(): string {
    return this.options.dataDir;
  }

  get publishingRevision(): number {
    return this.repeats.revision + this.publishLibrary.revision;
  }

  retainedState(): RetainedEvents['retained'] {
    return {
      connections: [...this.connections.values()].map((c) => ({ connectionId: c.id, revision: c.retained.revision, count: c.retained.size, lastScan: c.retained.lastScan })),
      jobs: this.retainedOps.jobList(),
      snapshotsRevision: this.retainedOps.snapshots.revision,
    };
  }

  /** Moves whenever any connection's retained index, a job or the snapshots change. */
  get retainedRevision(): number {
    let sum = this.retainedOps.revision + this.retainedOps.snapshots.revision + this.connectionsRevision;
    for (const c of this.connections.values()) sum += c.retained.revision;
    return sum;
  }

  /** The embedded broker when this connection goes to it. */
  embeddedBrokerFor(entry: ConnectionEntry): EmbeddedBroker | null {
    const a = entry.connection.options.address;
    return this.broker && this.isEmbeddedBroker(a.host, a.port) ? this.broker : null;
  }

  retainedOrigins(entry: ConnectionEntry): OriginLookup {
    const broker = this.embeddedBrokerFor(entry);
    return broker ? (topic) => broker.retainedOrigins.get(topic) : () => undefined;
  }

  profilesState(): ProfilesState {
    return { profiles: this.profiles.list(), problem: this.profiles.problem, secretProtection: this.profiles.secrets.protection };
  }

  /** Runs a change to the profiles and tells every view. */
  changeProfiles<T>(change: () => T): T {
    const result = change();
    this.profilesRevision++;
    return result;
  }

  static async start(options: ScopeCoreOptions): Promise<ScopeCore> {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const settings = SettingsStore.forDataDir(options.dataDir);
    settings.load();
    const core = new ScopeCore(options, settings);
    if (settings.problem) core.log(settings.problem);
    if (options.brokerPort !== 0) await core.startBroker();
    core.demoEnabled = options.demo ?? settings.get().demo ?? true;
    if (core.demoEnabled && core.broker) core.startDemo();
    return core;
  }

  log(line: string): void {
    (this.options.log ?? console.log)(line);
  }

  private async startBroker(): Promise<void> {
    const stored = this.brokerSettings.get();
    const overrides = this.options.brokerOverrides ?? [];
    const host = overrides.includes('host') ? this.options.brokerHost : stored.host;
    const port = overrides.includes('port') ? this.options.brokerPort : stored.port;
    try {
      this.broker = await EmbeddedBroker.start({
        host,
        port,
        settings: this.brokerRuntimeSettings(),
        log: (line) => {
          this.log(line);
          this.appRevision++;
        },
        wrapSocket: (socket) => this.capture.tapBrokerSocket(socket, `${socket.remoteAddress}:${socket.remotePort}`),
      });
      this.log(`Embedded broker: ${this.broker.url}${this.broker.note ? ` (${this.broker.note})` : ''}`);
      if (this.broker.info().exposed) this.warnExposedBroker(this.broker);
      const bump = () => this.appRevision++;
      this.broker.aedes.on('client', bump);
      this.broker.aedes.on('clientDisconnect', bump);
      // The broker knows every change of its retained set: connections to it see them at once.
      this.broker.aedes.on('publish', (packet, client) => {
        if (!packet.retain || !client) return;
        for (const entry of this.connections.values()) {
          if (this.embeddedBrokerFor(entry)) {
            entry.retained.observe({ topic: packet.topic, payload: new Uint8Array(packet.payload as Buffer), qos: packet.qos, properties: packet.properties as Record<string, unknown> | undefined }, Date.now(), 'broker-store');
          }
        }
      });
      const address = parseBrokerUrl(this.broker.url);
      if (!address.ok) throw new Error(address.problem);
      this.addConnection({
        id: 'embedded',
        name: 'Embedded broker',
        // The app's own user: it sees everything whatever the ACL says.
        address: { ...address.address, username: this.broker.internal.username, password: this.broker.internal.password },
        protocolVersion: 5,
        clientId: `mqtt-scope-${randomBytes(4).toString('hex')}`,
        embedded: true,
        // QoS 2 so that each message arrives at the QoS its publisher used.
        subscriptions: [{ filter: '#', qos: 2 }],
      });
    } catch (err) {
      this.brokerFailure = { host, port: null, state: 'failed', note: `The embedded broker could not start: ${(err as Error).message}`, clients: 0, exposed: false, requireAuth: false, tls: null, refusals: 0, events: [] };
      this.log(this.brokerFailure.note!);
    }
  }

  /** The stored settings as the running broker takes them (the TLS key's passphrase decrypted). */
  private brokerRuntimeSettings(): BrokerRuntimeSettings {
    const s = this.brokerSettings.get();
    let passphrase: string | null = null;
    try {
      passphrase = this.brokerSettings.passphrase();
    } catch (err) {
      this.log(`Embedded broker: ${(err as Error).message}`);
    }
    return { requireAuth: s.requireAuth, users: s.users, tls: { ...s.tls, passphrase }, limits: s.limits };
  }

  private warnExposedBroker(broker: EmbeddedBroker): void {
    const open = !this.brokerSettings.get().requireAuth;
    this.log(
      `WARNING: the embedded broker listens on ${broker.host}, reachable from other machines${open ? ', and anyone who reaches it may publish and subscribe to anything: turn on sign-in in the broker settings' : ''}.`,
    );
  }

  brokerSettingsView(): BrokerSettingsView {
    const overrides = this.options.brokerOverrides ?? [];
    const effective = this.broker ? { host: this.broker.host, port: this.broker.port } : { host: this.brokerSettings.get().host, port: this.brokerSettings.get().port };
    return this.brokerSettings.view(effective, overrides);
  }

  /**
   * Saves the broker's settings. Sign-in, permissions, limits and the TLS listener apply
   * at once; a new address or port applies at the next start, since our own connection
   * and every device point at the current one.
   */
  async saveBrokerSettings(input: unknown): Promise<{ ok: true; settings: BrokerSettingsView; restartNeeded: boolean } | { ok: false; problems: BrokerSettingsProblem[] }> {
    const checked = validateBrokerSettings(input);
    if (!checked.ok) return checked;
    this.brokerSettings.save(checked.settings);
    let restartNeeded = false;
    if (this.broker) {
      await this.broker.apply(this.brokerRuntimeSettings());
      restartNeeded = checked.settings.host !== this.broker.host || checked.settings.port !== this.broker.port;
      this.log(`Embedded broker: settings saved (sign-in ${checked.settings.requireAuth ? `required, ${checked.settings.users.length} user(s)` : 'not required'}).`);
    }
    this.appRevision++;
    return { ok: true, settings: this.brokerSettingsView(), restartNeeded };
  }

  private startDemo(): void {
    if (!this.broker || this.demo) return;
    this.demo = new DemoDevices(this.broker.url, this.broker.internal);
    this.demo.start();
  }

  addConnection(options: Omit<MqttConnectionOptions, 'id'> & { id?: string }): ConnectionEntry {
    const id = options.id ?? `conn-${this.nextConnectionNumber++}`;
    this.capture.registerOwnClient(options.clientId, id, options.name);
    const a = options.address;
    // The broker's tap already records connections to the embedded broker: tapping our side too would record them twice.
    const embedded = this.isEmbeddedBroker(a.host, a.port);
    const wrapStream = embedded
      ? undefined
      : (stream: Duplex) => this.capture.tapClientStream(stream, id, options.name, options.clientId, `${a.host}:${a.port}`);
    const linkId = embedded ? `broker:${options.clientId}` : `conn:${id}`;
    const entry = new ConnectionEntry(
      { ...options, id, wrapStream, linkId },
      this.limits,
      this.historyBudget,
      () => this.connectionsRevision++,
      () => this.countersRevision++,
    );
    this.connections.set(id, entry);
    this.connectionsRevision++;
    entry.connection.start();
    return entry;
  }

  private isEmbeddedBroker(host: string, port: number): boolean {
    return this.broker !== null && port === this.broker.port && ['127.0.0.1', 'localhost', '::1', this.broker.host].includes(host);
  }

  async removeConnection(id: string): Promise<void> {
    const entry = this.connections.get(id);
    if (!entry) return;
    this.connections.delete(id);
    this.repeats.stopConnection(id);
    for (const feed of this.feeds) feed.forget(id);
    this.connectionsRevision++;
    await entry.connection.stop();
  }

  connection(id: string): ConnectionEntry | undefined {
    return this.connections.get(id);
  }

  connectionSummaries(): ConnectionSummary[] {
    return [...this.connections.values()].map((c) => c.summary());
  }

  appInfo(): AppInfo {
    return {
      version: appVersion,
      shell: this.options.shell,
      broker: this.broker ? this.broker.info() : this.brokerFailure,
      demo: { enabled: this.demoEnabled, available: this.broker !== null, devices: this.demo?.devices.length ?? 0 },
      historyLimits: this.limits,
      captureLimits: { maxPackets: this.capture.packets.limit, maxFlows: this.capture.flows.store.limit },
      captureEnabled: this.capture.enabled,
    };
  }

  historyLimits(): HistoryLimits {
    return this.limits;
  }

  async setDemo(enabled: boolean): Promise<void> {
    this.demoEnabled = enabled;
    this.settings.update({ demo: enabled });
    if (enabled) this.startDemo();
    else if (this.demo) {
      const demo = this.demo;
      this.demo = null;
      await demo.stop();
    }
    this.appRevision++;
  }

  setCaptureLimits(limits: CaptureLimits): void {
    this.capture.setLimits(limits);
    this.settings.update({ captureLimits: limits });
    this.appRevision++;
  }

  setCaptureEnabled(enabled: boolean): void {
    this.capture.enabled = enabled;
    this.settings.update({ captureEnabled: enabled });
    this.appRevision++;
  }

  setHistoryLimits(limits: HistoryLimits): void {
    this.limits = limits;
    this.settings.update({ historyLimits: limits });
    for (const c of this.connections.values()) c.tree.setLimits(limits);
    this.historyBudget.setMax(limits.maxTotalBytes);
    this.historyEpoch++;
    this.appRevision++;
  }

  async runScenario(qos: Qos): Promise<ScenarioReport> {
    if (!this.broker) throw new UserInputError('The scenarios run on the embedded broker, which is not running.', 'qos');
    return runQosScenario(this.capture, this.broker.url, qos, this.broker.internal);
  }

  openSession(push: EventPush): ScopeSession {
    const feed = new ViewFeed(this, push);
    this.feeds.add(feed);
    if (!this.feedTimer) this.feedTimer = setInterval(() => this.flushFeeds(), feedIntervalMs);
    return {
      handlers: createSessionHandlers(this, feed),
      close: () => {
        this.feeds.delete(feed);
        if (this.feeds.size === 0 && this.feedTimer) {
          clearInterval(this.feedTimer);
          this.feedTimer = null;
        }
      },
    };
  }

  private flushFeeds(): void {
    const now = Date.now();
    for (const feed of this.feeds) {
      try {
        feed.flush(now);
      } catch (err) {
        // One broken view must not stop the others.
        this.log(`A view's update failed: ${(err as Error).stack ?? err}`);
      }
    }
  }

  async close(): Promise<void> {
    if (this.feedTimer) clearInterval(this.feedTimer);
    this.feedTimer = null;
    this.feeds.clear();
    this.repeats.stopAll();
    await this.demo?.stop();
    this.demo = null;
    await Promise.all([...this.connections.values()].map((c) => c.connection.stop()));
    this.connections.clear();
    await this.broker?.close();
    this.broker = null;
  }
}
