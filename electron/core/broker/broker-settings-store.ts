// The embedded broker's settings in <dataDir>/broker.json: bind address, users with
// salted password hashes and their topic patterns, the TLS listener and the limits.
// The TLS key's passphrase goes to the secret store like the profiles' secrets. Written
// atomically; a file that cannot be read is set aside and reported, and the broker then
// runs with the defaults (loopback, no sign-in), never with half a configuration.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BROKER_LIMIT_DEFAULTS, type BrokerSettingsInputSchema, type BrokerSettingsView } from '../../../shared/broker-settings';
import { isLoopbackHost } from '../options';
import { osReason, setAside, writeFileAtomic } from '../profiles/atomic-file';
import type { SecretStore } from '../profiles/secret-store';
import { hashPassword, type StoredBrokerUser } from './broker-access';

const StoredUserSchema = z.object({
  username: z.string(),
  passwordHash: z.string().nullable(),
  salt: z.string().nullable(),
  publish: z.array(z.string()),
  subscribe: z.array(z.string()),
});

const BrokerFileSchema = z.object({
  format: z.literal('mqtt-scope-broker'),
  version: z.literal(1),
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  requireAuth: z.boolean(),
  users: z.array(StoredUserSchema),
  tls: z.object({ enabled: z.boolean(), port: z.number().int().min(1).max(65535), certFile: z.string(), keyFile: z.string() }),
  limits: z.object({ maxPacketBytes: z.number().int().min(1), maxInflight: z.number().int().min(1), maxConnections: z.number().int().min(1) }),
});
export type StoredBrokerSettings = z.infer<typeof BrokerFileSchema>;

/** The passphrase's key in the secret store: not a valid profile id, so it cannot collide with one. */
const SECRET_ID = '$embedded-broker';

export function defaultBrokerSettings(host: string, port: number): StoredBrokerSettings {
  return {
    format: 'mqtt-scope-broker',
    version: 1,
    host,
    port,
    requireAuth: false,
    users: [],
    tls: { enabled: false, port: 8883, certFile: '', keyFile: '' },
    limits: { ...BROKER_LIMIT_DEFAULTS },
  };
}

export class BrokerSettingsStore {
  /** Set when broker.json could not be used; shown beside the broker's settings. */
  problem: string | null = null;
  private settings: StoredBrokerSettings;

  private constructor(
    readonly file: string,
    private readonly secrets: SecretStore,
    defaults: StoredBrokerSettings,
  ) {
    this.settings = defaults;
  }

  /** `defaults` carry the command line's host and port, used when nothing was saved. */
  static open(dataDir: string, secrets: SecretStore, defaults: StoredBrokerSettings, now: () => number = Date.now): BrokerSettingsStore {
    const store = new BrokerSettingsStore(path.join(dataDir, 'broker.json'), secrets, defaults);
    store.load(now);
    return store;
  }

  get(): StoredBrokerSettings {
    return this.settings;
  }

  passphrase(): string | null {
    return this.secrets.get(SECRET_ID, 'keyPassphrase');
  }

  /** Stores validated input: new passwords hashed, kept ones carried over by username. */
  save(input: z.output<typeof BrokerSettingsInputSchema>): StoredBrokerSettings {
    const previous = new Map(this.settings.users.map((u) => [u.username, u]));
    const users: StoredBrokerUser[] = input.users.map((u) => {
      const kept = previous.get(u.username);
      const salt = u.password !== null ? randomBytes(16) : null;
      return {
        username: u.username,
        passwordHash: salt ? hashPassword(u.password!, salt) : (kept?.passwordHash ?? null),
        salt: salt ? salt.toString('base64') : (kept?.salt ?? null),
        publish: u.publish,
        subscribe: u.subscribe,
      };
    });
    const next: StoredBrokerSettings = {
      format: 'mqtt-scope-broker',
      version: 1,
      host: input.host,
      port: input.port,
      requireAuth: input.requireAuth,
      users,
      tls: { enabled: input.tls.enabled, port: input.tls.port, certFile: input.tls.certFile.trim(), keyFile: input.tls.keyFile.trim() },
      limits: { ...input.limits },
    };
    writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600, backup: true, what: 'the embedded broker’s settings' });
    this.settings = next;
    if (input.tls.passphrase !== null) this.secrets.update(SECRET_ID, { keyPassphrase: input.tls.passphrase === '' ? null : input.tls.passphrase });
    return next;
  }

  view(effective: { host: string; port: number }, overridden: BrokerSettingsView['overriddenByCommandLine']): BrokerSettingsView {
    const s = this.settings;
    return {
      host: s.host,
      port: s.port,
      requireAuth: s.requireAuth,
      users: s.users.map((u) => ({ username: u.username, hasPassword: u.passwordHash !== null, publish: u.publish, subscribe: u.subscribe })),
      tls: { ...s.tls, passphraseSet: this.secrets.has(SECRET_ID, 'keyPassphrase') },
      limits: { ...s.limits },
      exposed: !isLoopbackHost(effective.host),
      overriddenByCommandLine: overridden,
      restartPending: (!overridden.includes('host') && s.host !== effective.host) || (!overridden.includes('port') && s.port !== effective.port),
    };
  }

  private load(now: () => number): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = `Could not read ${this.file}: ${osReason(err)}. The broker runs with the defaults.`;
      return;
    }
    try {
      this.settings = BrokerFileSchema.parse(JSON.parse(text));
    } catch (err) {
      const aside = setAside(this.file, now());
      this.problem = `${this.file} was not valid (${err instanceof SyntaxError ? err.message : 'unexpected content'}); it was moved to ${aside} and the broker runs with the defaults.`;
    }
  }
}
