// A profile as MQTT.js client options. Reconnecting and resubscribing stay with
// MqttConnection (its backoff starts at profile.reconnectPeriod; it subscribes on
// every CONNACK), so neither reconnectPeriod nor resubscribe is set here.
//
// TLS: MQTT.js hands `ca` to tls.connect, which then trusts ONLY those certificates:
// giving a CA for a private broker would silently stop the usual authorities from
// verifying anything else. So the given CA is added to the default ones, never
// substituted for them.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import tls from 'node:tls';
import type { IClientOptions, IClientSubscribeOptions } from 'mqtt';
import type { ConnectionProfile, ProfileSubscription, StoredProfile } from '../../../shared/profile';
import { UserInputError } from '../../../shared/rpc';
import { osReason } from './atomic-file';

export type ReadFile = (file: string) => Buffer;

export interface ProfileSecrets {
  password: string | null;
  keyPassphrase: string | null;
}

/** IClientOptions plus the TLS options MQTT.js passes through to tls.connect without typing them. */
export type ProfileClientOptions = IClientOptions & { passphrase?: string };

type UserProperties = Record<string, string | string[]>;

export function profileToClientOptions(profile: StoredProfile, secrets: ProfileSecrets, readFile: ReadFile = (f) => fs.readFileSync(f)): ProfileClientOptions {
  const p = profile;
  const v5 = p.protocolVersion === 5;
  if (secrets.password !== null && p.username === null && !v5) {
    throw new UserInputError('MQTT 3.x sends a password only together with a user name: enter the user name, or use MQTT 5.0.', 'username');
  }
  const options: ProfileClientOptions = {
    protocol: p.protocol,
    host: p.host,
    port: p.port,
    protocolVersion: p.protocolVersion,
    // MQTT 3.1 names its protocol MQIsdp; 3.1.1 and 5.0 say MQTT.
    protocolId: p.protocolVersion === 3 ? 'MQIsdp' : 'MQTT',
    clientId: p.clientId,
    keepalive: p.keepalive,
    clean: p.clean,
    connectTimeout: p.connectTimeout,
  };
  if (p.protocol === 'ws' || p.protocol === 'wss') options.path = p.path;
  if (p.username !== null) options.username = p.username;
  if (secrets.password !== null) options.password = secrets.password;
  if (v5) {
    const properties = defined({
      sessionExpiryInterval: p.sessionExpiryInterval,
      receiveMaximum: p.properties.receiveMaximum,
      maximumPacketSize: p.properties.maximumPacketSize,
      topicAliasMaximum: p.properties.topicAliasMaximum,
      requestResponseInformation: p.properties.requestResponseInformation,
      requestProblemInformation: p.properties.requestProblemInformation,
      userProperties: userProperties(p.properties.userProperties),
    });
    if (Object.keys(properties).length > 0) options.properties = properties;
  }
  if (p.will) {
    const w = p.will;
    options.will = { topic: w.topic, payload: Buffer.from(w.payload, w.encoding), qos: w.qos, retain: w.retain };
    if (v5) {
      const properties = defined({
        willDelayInterval: w.willDelayInterval,
        payloadFormatIndicator: w.payloadFormatIndicator,
        messageExpiryInterval: w.messageExpiryInterval,
        contentType: w.contentType,
        responseTopic: w.responseTopic,
        correlationData: w.correlationData === null ? null : Buffer.from(w.correlationData, 'base64'),
        userProperties: userProperties(w.userProperties),
      });
      if (Object.keys(properties).length > 0) options.will.properties = properties;
    }
  }
  if (p.protocol === 'mqtts' || p.protocol === 'wss') addTls(options, p, secrets, readFile);
  return options;
}

/** The same, from a profile that carries its secrets (ProfileStore.connectionProfile). */
export function connectionProfileOptions(profile: ConnectionProfile, readFile?: ReadFile): ProfileClientOptions {
  return profileToClientOptions(profile, { password: profile.password, keyPassphrase: profile.tls.keyPassphrase }, readFile);
}

/** MQTT.js subscribe options for one of the profile's subscriptions. */
export function subscribeOptions(s: ProfileSubscription, protocolVersion: 3 | 4 | 5): IClientSubscribeOptions {
  if (protocolVersion !== 5) return { qos: s.qos };
  const options: IClientSubscribeOptions = { qos: s.qos, nl: s.noLocal, rap: s.retainAsPublished, rh: s.retainHandling };
  if (s.subscriptionIdentifier !== null) options.properties = { subscriptionIdentifier: s.subscriptionIdentifier };
  return options;
}

function addTls(options: ProfileClientOptions, p: StoredProfile, secrets: ProfileSecrets, readFile: ReadFile): void {
  const t = p.tls;
  options.rejectUnauthorized = t.rejectUnauthorized;
  if (t.caFile) options.ca = [...defaultTrustAnchors(), certificatePem(t.caFile, 'CA certificate', 'tls.caFile', readFile)];
  if (t.certFile) options.cert = certificatePem(t.certFile, 'client certificate', 'tls.certFile', readFile);
  if (t.keyFile) {
    const key = read(t.keyFile, 'client key', 'tls.keyFile', readFile);
    checkKey(key, t.keyFile, secrets.keyPassphrase);
    options.key = key;
  }
  if (secrets.keyPassphrase !== null) options.passphrase = secrets.keyPassphrase;
  if (t.servername) options.servername = t.servername;
  if (t.alpn.length > 0) options.ALPNProtocols = t.alpn;
  // For wss MQTT.js copies ca/cert/key/passphrase/rejectUnauthorized into the WebSocket's
  // options but not these two.
  if (p.protocol === 'wss' && (t.servername || t.alpn.length > 0)) {
    const wsTls = { ...(t.servername ? { servername: t.servername } : {}), ...(t.alpn.length > 0 ? { ALPNProtocols: t.alpn } : {}) };
    // ws passes its options on to https.request and so to tls.connect; its types list neither.
    options.wsOptions = wsTls as IClientOptions['wsOptions'];
  }
}

let anchors: string[] | null = null;

/**
 * The certificates trusted when no CA is given. Node 22.15+/23.5+ can list the
 * operating system's store too (Electron's Node); Node 20 has its bundled list only.
 */
export function defaultTrustAnchors(): string[] {
  if (anchors) return anchors;
  const get = (tls as { getCACertificates?: (type: 'default' | 'system') => string[] }).getCACertificates;
  try {
    anchors = get ? [...new Set([...get('default'), ...get('system')])] : [...tls.rootCertificates];
  } catch {
    anchors = [...tls.rootCertificates];
  }
  return anchors;
}

function read(file: string, what: string, field: string, readFile: ReadFile): Buffer {
  try {
    return readFile(file);
  } catch (err) {
    throw new UserInputError(`Could not read the ${what} file ${file}: ${osReason(err)}.`, field);
  }
}

/** PEM as Node's TLS wants it; a DER file (common for .crt/.cer from Windows) is converted. */
function certificatePem(file: string, what: string, field: string, readFile: ReadFile): string {
  const data = read(file, what, field, readFile);
  const isPem = data.includes('-----BEGIN CERTIFICATE-----');
  try {
    const cert = new X509Certificate(data);
    return isPem ? data.toString('latin1') : cert.toString();
  } catch (err) {
    throw new UserInputError(`The ${what} file ${file} does not hold a certificate (PEM or DER): ${(err as Error).message}`, field);
  }
}

// Caught here, the mistake is named with its file; from tls.connect it would be
// an OpenSSL error about "bad decrypt" at connect time.
function checkKey(key: Buffer, file: string, passphrase: string | null): void {
  // OpenSSL 3 only says "interrupted or cancelled" when a passphrase is missing.
  const encrypted = key.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || key.includes('Proc-Type: 4,ENCRYPTED');
  if (encrypted && passphrase === null) throw new UserInputError(`The client key file ${file} is encrypted: enter its passphrase.`, 'tls.keyPassphrase');
  try {
    createPrivateKey({ key, format: 'pem', ...(passphrase !== null ? { passphrase } : {}) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_MISSING_PASSPHRASE') throw new UserInputError(`The client key file ${file} is encrypted: enter its passphrase.`, 'tls.keyPassphrase');
    if (passphrase !== null && /decrypt|bad password/i.test((err as Error).message)) {
      throw new UserInputError(`The client key file ${file} could not be decrypted with the given passphrase.`, 'tls.keyPassphrase');
    }
    throw new UserInputError(`The client key file ${file} does not hold a PEM private key: ${(err as Error).message}`, 'tls.keyFile');
  }
}

function userProperties(pairs: [string, string][]): UserProperties | null {
  if (pairs.length === 0) return null;
  // MQTT.js takes an object: a name that repeats becomes an array of its values.
  const out: UserProperties = {};
  for (const [k, v] of pairs) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** The object without its null entries (MQTT.js sends every property it is given). */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: Exclude<T[K], null> };
}
