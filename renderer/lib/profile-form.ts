// The profile editor's state, made from a saved profile, a copy of one, or a one-off
// connection. Inputs keep the text as typed (a half-typed number stays on screen and
// is reported, not coerced); profile-input.ts turns the form into a ProfileInput.
import { displayBrokerUrl, parseBrokerUrl, type BrokerProtocol } from '../../shared/broker-url';
import type { ConnectionSummary, ProtocolVersion, Qos } from '../../shared/contract';
import { defaultPorts, generateClientId, profileAddress, type ProfileView } from '../../shared/profile';

/** A write-only secret: keep what is stored, set a new one (blank: nothing to set), or clear it. */
export type SecretEdit = { kind: 'keep' } | { kind: 'set'; value: string } | { kind: 'clear' };
/** A 5.0 flag that may also be left out of the packet. */
export type TriState = 'unset' | 'yes' | 'no';
export type RetainHandling = 0 | 1 | 2;

export interface KeyValueRow {
  key: number;
  name: string;
  value: string;
}

export interface SubscriptionRow {
  key: number;
  filter: string;
  qos: Qos;
  noLocal: boolean;
  retainAsPublished: boolean;
  retainHandling: RetainHandling;
  subscriptionIdentifier: string;
}

export interface WillForm {
  enabled: boolean;
  topic: string;
  payload: string;
  encoding: 'utf8' | 'base64';
  qos: Qos;
  retain: boolean;
  willDelayInterval: string;
  /** unset: no Payload Format Indicator; utf8: 1; bytes: 0. */
  payloadFormat: 'unset' | 'utf8' | 'bytes';
  messageExpiryInterval: string;
  contentType: string;
  responseTopic: string;
  correlationData: string;
  userProperties: KeyValueRow[];
}

export interface ConnectPropertiesForm {
  receiveMaximum: string;
  maximumPacketSize: string;
  topicAliasMaximum: string;
  requestResponseInformation: TriState;
  requestProblemInformation: TriState;
  userProperties: KeyValueRow[];
}

export interface TlsForm {
  caFile: string;
  certFile: string;
  keyFile: string;
  rejectUnauthorized: boolean;
  servername: string;
  /** Comma-separated protocol names, as typed. */
  alpn: string;
  keyPassphrase: SecretEdit;
  /** Whether a passphrase is saved (the renderer never learns what it is). */
  keyPassphraseStored: boolean;
}

export interface ProfileForm {
  id: string | null;
  preset: 'public' | null;
  name: string;
  protocol: BrokerProtocol;
  host: string;
  port: string;
  path: string;
  protocolVersion: ProtocolVersion;
  clientId: string;
  username: string;
  password: SecretEdit;
  passwordStored: boolean;
  keepalive: string;
  clean: boolean;
  sessionExpiryInterval: string;
  connectTimeout: string;
  reconnectPeriod: string;
  will: WillForm;
  properties: ConnectPropertiesForm;
  tls: TlsForm;
  subscriptions: SubscriptionRow[];
}

let nextKey = 1;
/** Stable React keys for list rows (the index changes when a row is deleted). */
export function rowKey(): number {
  return nextKey++;
}

export function newSubscriptionRow(filter = '', qos: Qos = 2): SubscriptionRow {
  return { key: rowKey(), filter, qos, noLocal: false, retainAsPublished: false, retainHandling: 0, subscriptionIdentifier: '' };
}

export function newKeyValueRow(name = '', value = ''): KeyValueRow {
  return { key: rowKey(), name, value };
}

export const isTlsProtocol = (p: BrokerProtocol): boolean => p === 'mqtts' || p === 'wss';
export const isWebSocketProtocol = (p: BrokerProtocol): boolean => p === 'ws' || p === 'wss';

const emptyWill = (): WillForm => ({
  enabled: false,
  topic: '',
  payload: '',
  encoding: 'utf8',
  qos: 0,
  retain: false,
  willDelayInterval: '',
  payloadFormat: 'unset',
  messageExpiryInterval: '',
  contentType: '',
  responseTopic: '',
  correlationData: '',
  userProperties: [],
});

/** A new profile: a generated client id (shown, so the user sees what the broker will see) and '#' at QoS 2. */
export function emptyProfileForm(): ProfileForm {
  return {
    id: null,
    preset: null,
    name: '',
    protocol: 'mqtt',
    host: '',
    port: String(defaultPorts.mqtt),
    path: '',
    protocolVersion: 5,
    clientId: generateClientId(),
    username: '',
    password: { kind: 'set', value: '' },
    passwordStored: false,
    keepalive: '60',
    clean: true,
    sessionExpiryInterval: '',
    connectTimeout: '10000',
    reconnectPeriod: '1000',
    will: emptyWill(),
    properties: { receiveMaximum: '', maximumPacketSize: '', topicAliasMaximum: '', requestResponseInformation: 'unset', requestProblemInformation: 'unset', userProperties: [] },
    tls: { caFile: '', certFile: '', keyFile: '', rejectUnauthorized: true, servername: '', alpn: '', keyPassphrase: { kind: 'set', value: '' }, keyPassphraseStored: false },
    subscriptions: [newSubscriptionRow('#', 2)],
  };
}

const text = (v: string | null | undefined): string => v ?? '';
const numberText = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const triState = (v: boolean | null): TriState => (v === null ? 'unset' : v ? 'yes' : 'no');
const rows = (pairs: readonly (readonly [string, string])[]): KeyValueRow[] => pairs.map(([name, value]) => newKeyValueRow(name, value));
const storedSecret = (set: boolean): SecretEdit => (set ? { kind: 'keep' } : { kind: 'set', value: '' });

/** The form for editing a saved profile (or a preset); secrets only say whether they are set. */
export function formFromProfile(p: ProfileView): ProfileForm {
  const w = p.will;
  return {
    id: p.id,
    preset: p.preset,
    name: p.name,
    protocol: p.protocol,
    host: p.host,
    port: String(p.port),
    path: p.path,
    protocolVersion: p.protocolVersion,
    clientId: p.clientId,
    username: text(p.username),
    password: storedSecret(p.password.set),
    passwordStored: p.password.set,
    keepalive: String(p.keepalive),
    clean: p.clean,
    sessionExpiryInterval: numberText(p.sessionExpiryInterval),
    connectTimeout: String(p.connectTimeout),
    reconnectPeriod: String(p.reconnectPeriod),
    will: w
      ? {
          enabled: true,
          topic: w.topic,
          payload: w.payload,
          encoding: w.encoding,
          qos: w.qos,
          retain: w.retain,
          willDelayInterval: numberText(w.willDelayInterval),
          payloadFormat: w.payloadFormatIndicator === null ? 'unset' : w.payloadFormatIndicator ? 'utf8' : 'bytes',
          messageExpiryInterval: numberText(w.messageExpiryInterval),
          contentType: text(w.contentType),
          responseTopic: text(w.responseTopic),
          correlationData: text(w.correlationData),
          userProperties: rows(w.userProperties),
        }
      : emptyWill(),
    properties: {
      receiveMaximum: numberText(p.properties.receiveMaximum),
      maximumPacketSize: numberText(p.properties.maximumPacketSize),
      topicAliasMaximum: numberText(p.properties.topicAliasMaximum),
      requestResponseInformation: triState(p.properties.requestResponseInformation),
      requestProblemInformation: triState(p.properties.requestProblemInformation),
      userProperties: rows(p.properties.userProperties),
    },
    tls: {
      caFile: text(p.tls.caFile),
      certFile: text(p.tls.certFile),
      keyFile: text(p.tls.keyFile),
      rejectUnauthorized: p.tls.rejectUnauthorized,
      servername: text(p.tls.servername),
      alpn: p.tls.alpn.join(', '),
      keyPassphrase: storedSecret(p.tls.keyPassphrase.set),
      keyPassphraseStored: p.tls.keyPassphrase.set,
    },
    subscriptions: p.subscriptions.map((s) => ({
      key: rowKey(),
      filter: s.filter,
      qos: s.qos,
      noLocal: s.noLocal,
      retainAsPublished: s.retainAsPublished,
      retainHandling: s.retainHandling,
      subscriptionIdentifier: numberText(s.subscriptionIdentifier),
    })),
  };
}

/**
 * A new profile like this one. It gets its own client id (two connections with one id
 * throw each other off the broker), and no secrets: the renderer never has them to copy.
 */
export function duplicateForm(p: ProfileView): ProfileForm {
  const form = formFromProfile(p);
  return {
    ...form,
    id: null,
    name: `${p.name} (copy)`,
    clientId: generateClientId(),
    password: { kind: 'set', value: '' },
    passwordStored: false,
    tls: { ...form.tls, keyPassphrase: { kind: 'set', value: '' }, keyPassphraseStored: false },
  };
}

/** A profile from a one-off connection (the URL form); its password is not known here. */
export function formFromConnection(c: ConnectionSummary): ProfileForm {
  const form = emptyProfileForm();
  const parsed = parseBrokerUrl(c.url);
  const address = parsed.ok ? parsed.address : null;
  return {
    ...form,
    name: c.name,
    protocol: address?.protocol ?? form.protocol,
    host: address?.host ?? '',
    port: address ? String(address.port) : form.port,
    path: address?.path ?? '',
    protocolVersion: c.protocolVersion,
    clientId: c.clientId,
    username: address?.username ?? '',
    subscriptions: c.subscriptions.map((s) => newSubscriptionRow(s.filter, s.requestedQos)),
  };
}

/** Changing the protocol moves a port left at the old default to the new one, and gives ws a path. */
export function withProtocol(form: ProfileForm, protocol: BrokerProtocol): ProfileForm {
  const portWasDefault = form.port.trim() === '' || form.port.trim() === String(defaultPorts[form.protocol]);
  const path = isWebSocketProtocol(protocol) ? form.path || '/mqtt' : form.path;
  return { ...form, protocol, port: portWasDefault ? String(defaultPorts[protocol]) : form.port, path };
}

/** The saved profile a connection was opened from, judged by name and address (summaries carry no profile id). */
export function profileOfConnection(c: ConnectionSummary, profiles: readonly ProfileView[]): ProfileView | null {
  return profiles.find((p) => p.name === c.name && displayBrokerUrl(profileAddress(p)) === c.url) ?? null;
}

/** The profile's address in one line, as the list shows it. */
export function profileUrl(p: ProfileView): string {
  return displayBrokerUrl(profileAddress(p));
}

/** A field of the form by its key ('port', 'will.topic', 'tls.caFile'); rows are edited by their own helpers. */
export function getField(form: ProfileForm, key: string): unknown {
  const [head, tail] = splitKey(key);
  const value = (form as unknown as Record<string, unknown>)[head];
  return tail === null ? value : (value as Record<string, unknown>)[tail];
}

export function setField(form: ProfileForm, key: string, value: unknown): ProfileForm {
  const [head, tail] = splitKey(key);
  const record = form as unknown as Record<string, unknown>;
  if (tail === null) return { ...form, [head]: value };
  return { ...form, [head]: { ...(record[head] as Record<string, unknown>), [tail]: value } };
}

function splitKey(key: string): [string, string | null] {
  const dot = key.indexOf('.');
  return dot === -1 ? [key, null] : [key.slice(0, dot), key.slice(dot + 1)];
}

/** Whether a connection goes to one of the public test brokers (by host), however it was opened. */
export function isPublicBrokerConnection(c: ConnectionSummary, profiles: readonly ProfileView[]): boolean {
  if (c.embedded) return false;
  const parsed = parseBrokerUrl(c.url);
  if (!parsed.ok) return false;
  const host = parsed.address.host.toLowerCase();
  return profiles.some((p) => p.preset === 'public' && p.host.toLowerCase() === host);
}
