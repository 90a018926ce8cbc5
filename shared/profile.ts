// Connection profiles: everything needed to open one connection, saved by the main
// process and edited in the renderer, which validates with these same schemas.
//
// Secrets (the password, the TLS key passphrase) are write-only: the renderer may send
// one in a ProfileInput, but what comes back is a ProfileView where each secret is only
// { set: boolean }. The stored form (StoredProfile) has no secret fields at all; the
// main process keeps them in its secret store, keyed by profile id.
import { z } from 'zod';
import type { BrokerAddress, BrokerProtocol } from './broker-url';
import { topicFilterProblem, topicNameProblem } from './topic';
import { mqttStringProblem } from './mqtt-string';

const U16 = 65_535;
const U32 = 4_294_967_295;

export const PROFILE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** MQTT 3.1 servers may refuse longer client ids (3.1 §3.1, "1 to 23 characters"). */
export const MQTT31_MAX_CLIENT_ID = 23;

export const defaultPorts: Record<BrokerProtocol, number> = { mqtt: 1883, mqtts: 8883, ws: 80, wss: 443 };

function wholeNumber(what: string, min: number, max: number) {
  const message = `${what} must be a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

/**
 * Text fields where a blank input means "not set". Those every CONNECT carries are checked
 * as MQTT strings here; the 5.0-only ones (sent or not depending on the version) are
 * checked by the editor, which knows what it will send.
 */
function optionalText(what: string, max: number, mqttString = false) {
  return z
    .string({ error: `${what} must be text.` })
    .max(max, `${what} is longer than ${max} characters.`)
    .superRefine((v, ctx) => {
      const problem = mqttString ? mqttStringProblem(v, what) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullable()
    .default(null)
    .transform((v) => (v === null || v.trim() === '' ? null : v));
}

const isBase64 = (text: string) => /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0;

// Field-level checks (not object-level ones) so that every wrong field is reported at
// once: zod skips an object's refinements when one of its fields already failed.
const topicName = (what: string) =>
  z.string({ error: `${what} must be text.` }).superRefine((v, ctx) => {
    const problem = topicNameProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `${what}: ${problem}` });
  });

const QosSchema = z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'QoS must be 0, 1 or 2.' });
const UserPropertiesSchema = z
  .array(z.tuple([z.string().max(U16), z.string().max(U16)], { error: 'A user property is a [name, value] pair of texts.' }))
  .max(1000, 'At most 1000 user properties.')
  .default([]);
const Base64Schema = (what: string) =>
  optionalText(what, 1_000_000).refine((v) => v === null || isBase64(v), `${what} must be base64 (A-Z, a-z, 0-9, +, /, = padding).`);

export const ProfileIdSchema = z.string({ error: 'A profile id is text.' }).regex(PROFILE_ID_PATTERN, 'A profile id is 1 to 64 letters, digits, - or _.');

const WillSchema = z
  .object({
    topic: topicName('The will topic'),
    payload: z.string().max(16 * 1024 * 1024, 'The will payload is larger than 16 MiB.').default(''),
    /** utf8: payload is the text itself; base64: payload is the bytes, base64-encoded. */
    encoding: z.enum(['utf8', 'base64'], { error: 'The will payload encoding must be utf8 or base64.' }).default('utf8'),
    qos: QosSchema.default(0),
    retain: z.boolean().default(false),
    // MQTT 5.0 will properties; null = not sent.
    willDelayInterval: wholeNumber('The will delay interval (s)', 0, U32).nullable().default(null),
    /** true: the payload is UTF-8 text (Payload Format Indicator 1). */
    payloadFormatIndicator: z.boolean().nullable().default(null),
    messageExpiryInterval: wholeNumber('The will message expiry interval (s)', 0, U32).nullable().default(null),
    contentType: optionalText('The will content type', U16),
    responseTopic: z.preprocess((v) => (v === '' ? null : v), topicName('The will response topic').nullable()).default(null),
    correlationData: Base64Schema('The will correlation data'),
    userProperties: UserPropertiesSchema,
  })
  .superRefine((w, ctx) => {
    if (w.encoding === 'base64' && !isBase64(w.payload)) {
      ctx.addIssue({ code: 'custom', path: ['payload'], message: 'The will payload is not valid base64.' });
    }
  });

const ConnectPropertiesSchema = z.object({
  receiveMaximum: wholeNumber('Receive Maximum', 1, U16).nullable().default(null),
  maximumPacketSize: wholeNumber('Maximum Packet Size (bytes)', 1, U32).nullable().default(null),
  topicAliasMaximum: wholeNumber('Topic Alias Maximum', 0, U16).nullable().default(null),
  requestResponseInformation: z.boolean().nullable().default(null),
  requestProblemInformation: z.boolean().nullable().default(null),
  userProperties: UserPropertiesSchema,
});

const filePath = (what: string) => optionalText(what, 4096);
const tlsShape = {
  /** Trusted in addition to the usual certificate authorities, never instead of them. */
  caFile: filePath('The CA certificate file'),
  certFile: filePath('The client certificate file'),
  keyFile: filePath('The client key file'),
  /** false: connect even when the server's certificate does not verify. */
  rejectUnauthorized: z.boolean().default(true),
  /** SNI; null = the host name (MQTT.js's default for non-IP hosts). */
  servername: optionalText('The TLS server name', 253).refine((v) => v === null || !/\s/.test(v), 'The TLS server name cannot contain spaces.'),
  alpn: z
    .array(z.string().min(1, 'An ALPN protocol name cannot be empty.').max(255, 'An ALPN protocol name is at most 255 characters.'))
    .max(16, 'At most 16 ALPN protocols.')
    .default([]),
};

const SubscriptionSchema = z.object({
  filter: z.string({ error: 'The topic filter must be text.' }).superRefine((v, ctx) => {
    const problem = topicFilterProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  qos: QosSchema.default(0),
  // MQTT 5.0 subscription options.
  noLocal: z.boolean().default(false),
  retainAsPublished: z.boolean().default(false),
  retainHandling: z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'Retain Handling must be 0, 1 or 2.' }).default(0),
  subscriptionIdentifier: wholeNumber('The subscription identifier', 1, 268_435_455).nullable().default(null),
});
export type ProfileSubscription = z.output<typeof SubscriptionSchema>;

const profileShape = {
  name: z.string({ error: 'The name must be text.' }).trim().min(1, 'Give the profile a name.').max(200, 'The name is longer than 200 characters.'),
  protocol: z.enum(['mqtt', 'mqtts', 'ws', 'wss'], { error: 'The protocol must be mqtt, mqtts, ws or wss.' }).default('mqtt'),
  host: z
    .string({ error: 'The host must be text.' })
    .trim()
    .min(1, 'Enter the broker host name or IP address.')
    .max(253, 'The host name is longer than 253 characters.')
    .transform((h) => h.replace(/^\[(.*)\]$/, '$1'))
    .superRefine((h, ctx) => {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(h)) ctx.addIssue({ code: 'custom', message: 'Enter the host name only, without mqtt:// or ws://: the protocol is chosen separately.' });
      else if (/[\s/?#@]/.test(h)) ctx.addIssue({ code: 'custom', message: `'${h}' is not a host name: it cannot contain spaces, /, ?, # or @.` });
    }),
  /** null: the protocol's usual port. */
  port: wholeNumber('The port', 1, 65_535).nullable().default(null),
  /** WebSocket path (ws/wss only); blank = /mqtt. */
  path: z.string().max(2048, 'The path is longer than 2048 characters.').default(''),
  /** 3 = MQTT 3.1, 4 = MQTT 3.1.1, 5 = MQTT 5.0 (the numbers CONNECT carries). */
  protocolVersion: z.union([z.literal(3), z.literal(4), z.literal(5)], { error: 'The MQTT version must be 3 (3.1), 4 (3.1.1) or 5 (5.0).' }).default(5),
  /** Blank: a unique one is generated when the profile is saved, then kept (persistent sessions need a stable id). */
  clientId: z
    .string({ error: 'The client id must be text.' })
    .trim()
    .max(U16, 'The client id is longer than 65535 characters.')
    .superRefine((v, ctx) => {
      const problem = mqttStringProblem(v, 'The client id');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('')
    .transform((v) => v || generateClientId()),
  username: optionalText('The user name', U16, true),
  keepalive: wholeNumber('Keep alive (s)', 0, U16).default(60),
  /** 3.x Clean Session; 5.0 Clean Start. */
  clean: z.boolean().default(true),
  /** MQTT 5.0 only; null = not sent (the session ends with the connection). */
  sessionExpiryInterval: wholeNumber('The session expiry interval (s)', 0, U32).nullable().default(null),
  connectTimeout: wholeNumber('The connect timeout (ms)', 100, 600_000).default(10_000),
  /** First delay before reconnecting after a lost connection (it then backs off); 0 = no automatic reconnect. */
  reconnectPeriod: wholeNumber('The reconnect period (ms)', 0, 3_600_000).default(1000),
  will: WillSchema.nullable().default(null),
  /** MQTT 5.0 CONNECT properties. */
  properties: ConnectPropertiesSchema.prefault({}),
  tls: z.object(tlsShape).prefault({}),
  subscriptions: z.array(SubscriptionSchema).max(1000, 'At most 1000 subscriptions.').default([]),
  /** 'public': one of the public test brokers, where anyone can read what is published. */
  preset: z.literal('public').nullable().default(null),
};

type ProfileFields = z.output<z.ZodObject<typeof profileShape>>;

// Checks across fields; the port and path defaults depend on the protocol.
function refineProfile(p: ProfileFields, ctx: z.RefinementCtx): void {
  if (p.protocolVersion === 3 && p.clientId.length > MQTT31_MAX_CLIENT_ID) {
    ctx.addIssue({ code: 'custom', path: ['clientId'], message: `MQTT 3.1 allows client ids of at most ${MQTT31_MAX_CLIENT_ID} characters; this one has ${p.clientId.length}.` });
  }
  if ((p.protocol === 'ws' || p.protocol === 'wss') && p.path !== '' && !p.path.startsWith('/')) {
    ctx.addIssue({ code: 'custom', path: ['path'], message: `The WebSocket path must start with / (for example /mqtt).` });
  }
  if (p.tls.keyFile && !p.tls.certFile) ctx.addIssue({ code: 'custom', path: ['tls', 'certFile'], message: 'A client key needs its client certificate file.' });
  if (p.tls.certFile && !p.tls.keyFile) {
    ctx.addIssue({ code: 'custom', path: ['tls', 'keyFile'], message: 'A client certificate needs its private key file (the same file if it holds both).' });
  }
  const seen = new Set<string>();
  p.subscriptions.forEach((s, i) => {
    if (seen.has(s.filter)) ctx.addIssue({ code: 'custom', path: ['subscriptions', i, 'filter'], message: `'${s.filter}' is listed twice.` });
    seen.add(s.filter);
    if (s.noLocal && s.filter.startsWith('$share/')) {
      ctx.addIssue({ code: 'custom', path: ['subscriptions', i, 'noLocal'], message: 'No Local cannot be set on a shared subscription ($share/...): MQTT 5.0 makes it a protocol error.' });
    }
  });
}

function withDefaults<T extends ProfileFields>(p: T): T & { port: number } {
  const ws = p.protocol === 'ws' || p.protocol === 'wss';
  return { ...p, port: p.port ?? defaultPorts[p.protocol], path: ws ? p.path || '/mqtt' : '' };
}

/** A profile as profiles.json holds it: no secrets. */
export const StoredProfileSchema = z
  .object({ id: ProfileIdSchema, ...profileShape })
  .superRefine(refineProfile)
  .transform(withDefaults);
export type StoredProfile = z.output<typeof StoredProfileSchema>;

/**
 * A secret in a request: a string sets it, null (or '') clears it, absent keeps the stored
 * one. A view's { set } is accepted as "keep", so the renderer may send a view back edited.
 */
const SecretInputSchema = z
  .union([z.string().max(U16, 'Longer than 65535 characters.'), z.null(), z.object({ set: z.boolean() }).transform(() => undefined)], {
    error: 'A secret must be text, or null to clear it.',
  })
  .optional();

/** What the renderer (or an import) sends to save a profile; no id = a new profile. */
export const ProfileInputSchema = z
  .object({
    id: ProfileIdSchema.optional(),
    ...profileShape,
    password: SecretInputSchema,
    tls: z.object({ ...tlsShape, keyPassphrase: SecretInputSchema }).prefault({}),
  })
  .superRefine(refineProfile)
  .transform(withDefaults);
export type ProfileInput = z.input<typeof ProfileInputSchema>;
export type ParsedProfileInput = z.output<typeof ProfileInputSchema>;

export type SecretField = 'password' | 'keyPassphrase';
export const secretFields: readonly SecretField[] = ['password', 'keyPassphrase'];
export interface SecretState {
  set: boolean;
}

type WithSecrets<S> = Omit<StoredProfile, 'tls'> & { password: S; tls: StoredProfile['tls'] & { keyPassphrase: S } };
/** What the renderer receives: a secret only says whether it is set. */
export type ProfileView = WithSecrets<SecretState>;
/** A profile with its secrets, for connecting and for an export that includes them. */
export type ConnectionProfile = WithSecrets<string | null>;

export interface ProfileProblem {
  /** Dotted path of the field, e.g. 'port', 'will.topic', 'subscriptions.2.filter'. */
  field: string;
  message: string;
}

export type ProfileValidation = { ok: true; profile: ParsedProfileInput } | { ok: false; problems: ProfileProblem[] };

/** All the problems of a profile at once, each at its field (the form shows them there). */
export function validateProfileInput(input: unknown): ProfileValidation {
  const parsed = ProfileInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) };
}

/** The address the profile connects to, as the rest of the app shows it (never with the password). */
export function profileAddress(p: Pick<StoredProfile, 'protocol' | 'host' | 'port' | 'path' | 'username'>): BrokerAddress {
  return { protocol: p.protocol, host: p.host, port: p.port, path: p.path, username: p.username, password: null };
}

function randomHex(bytes: number): string {
  const data = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(data);
  return Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 19 characters: short enough for MQTT 3.1's 23-character limit. */
export function generateClientId(): string {
  return `mqtt-scope-${randomHex(4)}`;
}

export function generateProfileId(): string {
  return `p-${randomHex(8)}`;
}
