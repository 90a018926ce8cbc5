// The embedded broker's settings: where it listens, who may connect and what each
// user may publish and subscribe to, an optional TLS listener, and its limits. The
// renderer edits them and the core checks them with the same schema, so a problem is
// reported at the field the user typed it in. Passwords are write-only: the core keeps
// a salted hash, and the view says only whether one is set.
import { z } from 'zod';
import { topicFilterProblem } from './topic';

const U16 = 65535;
/** MQTT's own ceiling: a remaining length of 268,435,455 plus up to 5 bytes of header. */
export const MQTT_MAX_PACKET_BYTES = 268_435_460;

export const BROKER_LIMIT_DEFAULTS = {
  /** 1 MiB: room for firmware chunks and camera stills, small enough to refuse a flood. */
  maxPacketBytes: 1024 * 1024,
  /** mosquitto's default for max_inflight_messages / Receive Maximum. */
  maxInflight: 20,
  maxConnections: 2000,
} as const;

/** Usernames starting with this are the app's own clients (its connection, the demo devices). */
export const INTERNAL_USERNAME_PREFIX = '$';

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(min, `${what} must be at least ${min.toLocaleString('en-US')}.`)
    .max(max, `${what} must be at most ${max.toLocaleString('en-US')}.`);

const filterList = (what: string) =>
  z
    .array(
      z.string().superRefine((v, ctx) => {
        const problem = topicFilterProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: `${what}: ${problem}` });
      }),
    )
    .max(1000, `At most 1,000 ${what.toLowerCase()} patterns.`);

const BrokerUserInputSchema = z.object({
  username: z
    .string()
    .min(1, 'A username cannot be empty.')
    .max(U16, 'A username is at most 65,535 characters.')
    .refine((v) => !v.startsWith(INTERNAL_USERNAME_PREFIX), `Usernames starting with "${INTERNAL_USERNAME_PREFIX}" are kept for the app's own clients.`),
  /** New password; null keeps the one stored for this username. */
  password: z.string().min(1, 'A password cannot be empty.').max(U16, 'A password is at most 65,535 characters.').nullable(),
  /** MQTT filters the user may publish to ('#' for anything). `%u` stands for the username. */
  publish: filterList('Publish'),
  /** MQTT filters the user may subscribe within. `%u` stands for the username. */
  subscribe: filterList('Subscribe'),
});
export type BrokerUserInput = z.infer<typeof BrokerUserInputSchema>;

export const BrokerSettingsInputSchema = z
  .object({
    /** The bind address: 127.0.0.1 keeps the broker on this machine; 0.0.0.0 exposes it. */
    host: z
      .string()
      .min(1, 'The address cannot be empty.')
      .max(253, 'The address is at most 253 characters.')
      .regex(/^(\[[0-9A-Fa-f:.%\w]+\]|[0-9A-Fa-f:.%\w-]+)$/, 'The address must be a host name or an IP address.'),
    port: whole('The port', 1, U16),
    /** When on, every client needs one of `users`' names and passwords (the app's own clients excepted). */
    requireAuth: z.boolean(),
    users: z.array(BrokerUserInputSchema).max(1000, 'At most 1,000 users.'),
    tls: z.object({
      enabled: z.boolean(),
      port: whole('The TLS port', 1, U16),
      certFile: z.string().max(4096, 'The path is at most 4,096 characters.'),
      keyFile: z.string().max(4096, 'The path is at most 4,096 characters.'),
      /** The key's passphrase; null keeps the stored one, '' removes it. */
      passphrase: z.string().max(U16).nullable(),
    }),
    limits: z.object({
      maxPacketBytes: whole('The maximum packet size', 64, MQTT_MAX_PACKET_BYTES),
      maxInflight: whole('The maximum in-flight messages', 1, U16),
      maxConnections: whole('The maximum connections', 10, 100_000),
    }),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.users.forEach((u, i) => {
      if (seen.has(u.username)) ctx.addIssue({ code: 'custom', path: ['users', i, 'username'], message: `"${u.username}" is listed twice.` });
      seen.add(u.username);
    });
    if (s.requireAuth && s.users.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['users'], message: 'Add a user first: with sign-in required and no users, nobody could connect.' });
    }
    if (s.tls.enabled) {
      if (s.tls.certFile.trim() === '') ctx.addIssue({ code: 'custom', path: ['tls', 'certFile'], message: 'The TLS listener needs a certificate file (PEM).' });
      if (s.tls.keyFile.trim() === '') ctx.addIssue({ code: 'custom', path: ['tls', 'keyFile'], message: 'The TLS listener needs the certificate’s private key file (PEM).' });
      if (s.tls.port === s.port) ctx.addIssue({ code: 'custom', path: ['tls', 'port'], message: 'The TLS port must differ from the plain port.' });
    }
  });
export type BrokerSettingsInput = z.input<typeof BrokerSettingsInputSchema>;

/** What the renderer sees: the settings without any secret. */
export interface BrokerSettingsView {
  host: string;
  port: number;
  requireAuth: boolean;
  users: { username: string; hasPassword: boolean; publish: string[]; subscribe: string[] }[];
  tls: { enabled: boolean; port: number; certFile: string; keyFile: string; passphraseSet: boolean };
  limits: { maxPacketBytes: number; maxInflight: number; maxConnections: number };
  /** True when the host is not a loopback address: other machines can reach the broker. */
  exposed: boolean;
  /** Where a command-line flag overrides the saved value, so the form can say why. */
  overriddenByCommandLine: ('host' | 'port')[];
  /** The saved address or port differs from where the broker listens: it applies at the next start. */
  restartPending: boolean;
}

export interface BrokerSettingsProblem {
  /** Dotted path of the field: "users.0.publish.1", "tls.certFile", "port". */
  field: string;
  message: string;
}

export type BrokerSettingsValidation = { ok: true; settings: z.output<typeof BrokerSettingsInputSchema> } | { ok: false; problems: BrokerSettingsProblem[] };

export function validateBrokerSettings(input: unknown): BrokerSettingsValidation {
  const parsed = BrokerSettingsInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
}

/** A user's ACL pattern with `%u` replaced by the username (mosquitto's pattern syntax). */
export function expandAclPattern(pattern: string, username: string): string {
  return pattern.split('%u').join(username);
}

/** What the embedded broker refused, as its log wrote it. */
export type BrokerEventKind = 'connections' | 'packet-size' | 'inflight' | 'sign-in' | 'publish-denied' | 'subscribe-denied' | 'protocol' | 'listener';

export interface BrokerEvent {
  at: number;
  kind: BrokerEventKind;
  text: string;
  /** How many events of this kind the line stands for (1, or more when a burst was summed up). */
  count: number;
}
