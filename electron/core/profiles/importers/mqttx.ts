// MQTTX's JSON export: one connection object, or an array of them (its "all
// connections" export). Field names follow MQTTX's ConnectionModel and its database
// entities, which the export spreads in as well (e.g. sessionExpiryInterval both at the
// top and under properties). Semantics follow MQTTX's own mqttUtils: connectTimeout is
// in seconds, certificates are file paths used only with certType 'self', the protocol
// field wins over the ssl flag.
import type { ProfileInput } from '../../../../shared/profile';
import {
  bool,
  bytesAsBase64,
  isObject,
  meaningful,
  num,
  reportUnmapped,
  text,
  userPropertyPairs,
  type ImportCandidate,
  type ImportNote,
  type Json,
  type ParsedImport,
} from './import-types';

const versions: Record<string, 3 | 4 | 5> = { '3.1': 3, '3.1.1': 4, '5.0': 5, '5': 5 };
const protocols = new Set(['mqtt', 'mqtts', 'ws', 'wss']);
/** MQTTX's reconnect period when `reconnect` is on and no period is stored. */
const mqttxReconnectMs = 4000;

const used = new Set([
  'name', 'host', 'port', 'protocol', 'path', 'mqttVersion', 'clientId', 'clientIdWithTime', 'username', 'password',
  'keepalive', 'clean', 'connectTimeout', 'reconnect', 'reconnectPeriod', 'resubscribe', 'ssl', 'certType', 'ca', 'cert',
  'key', 'rejectUnauthorized', 'ALPNProtocols', 'will', 'properties', 'subscriptions', 'messages',
  // The database entity's copies of the 5.0 properties, read when `properties` lacks them.
  'sessionExpiryInterval', 'receiveMaximum', 'maximumPacketSize', 'topicAliasMaximum', 'requestResponseInformation',
  'requestProblemInformation', 'userProperties', 'authenticationMethod', 'authenticationData',
]);
const bookkeeping = new Set(['id', 'createAt', 'updateAt', 'orderId', 'parentId', 'isCollection', 'unreadMessageCount', 'client', 'parent', 'children']);
const willUsed = new Set([
  'lastWillTopic', 'lastWillPayload', 'lastWillQos', 'lastWillRetain', 'properties', 'willDelayInterval',
  'payloadFormatIndicator', 'messageExpiryInterval', 'contentType', 'responseTopic', 'correlationData', 'userProperties',
]);
const subscriptionUsed = new Set(['topic', 'qos', 'nl', 'rap', 'rh', 'subscriptionIdentifier', 'disabled']);
const subscriptionBookkeeping = new Set(['id', 'createAt', 'connectionId', 'connection']);

export function looksLikeMqttx(data: unknown): boolean {
  const items = Array.isArray(data) ? data : [data];
  return items.length > 0 && items.every((c) => isObject(c) && ('mqttVersion' in c || ('isCollection' in c && 'children' in c) || ('ssl' in c && 'certType' in c)));
}

export function parseMqttx(data: unknown): ParsedImport {
  const out: ParsedImport = { format: 'mqttx', candidates: [], skipped: [] };
  const visit = (item: unknown) => {
    if (!isObject(item)) return out.skipped.push({ name: '(unnamed)', reason: 'Not a connection object.' });
    // Collections (folders) are flattened: their connections are imported, the folder is not.
    if (item.isCollection === true) return (Array.isArray(item.children) ? item.children : []).forEach(visit);
    const name = text(item.name) ?? text(item.host) ?? '(unnamed)';
    if (!text(item.host)) return out.skipped.push({ name, reason: 'It has no host.' });
    out.candidates.push(connection(item, name));
  };
  (Array.isArray(data) ? data : [data]).forEach(visit);
  return out;
}

function connection(c: Json, name: string): ImportCandidate {
  const notes: ImportNote[] = [];
  const note = (field: string, message: string) => notes.push({ name, field, message });
  const ssl = bool(c.ssl) ?? false;
  const protocol = (typeof c.protocol === 'string' && protocols.has(c.protocol) ? c.protocol : ssl ? 'mqtts' : 'mqtt') as ProfileInput['protocol'];
  const secure = protocol === 'mqtts' || protocol === 'wss';
  if (ssl && !secure) note('ssl', `SSL/TLS was on with protocol ${protocol}://, where MQTTX connects without TLS; this profile does the same.`);

  const versionText = text(c.mqttVersion) ?? '3.1.1';
  const protocolVersion = versions[versionText] ?? 4;
  if (!versions[versionText]) note('mqttVersion', `Unknown MQTT version '${versionText}'; 3.1.1 is used.`);
  if (bool(c.clientIdWithTime)) note('clientIdWithTime', 'MQTTX added a timestamp to the client id on each connect; this profile uses the client id as it is.');
  if (bool(c.resubscribe) === false) note('resubscribe', "MQTTX's automatic resubscribe was off; MQTT Scope always subscribes again after reconnecting.");

  const connectTimeoutS = num(c.connectTimeout);
  const reconnect = bool(c.reconnect) ?? false;
  const props = isObject(c.properties) ? c.properties : {};
  const prop = (key: string) => props[key] ?? c[key];
  if (meaningful(prop('authenticationMethod')) || meaningful(prop('authenticationData'))) {
    note('properties.authenticationMethod', 'Enhanced authentication (MQTT 5.0 AUTH) is not supported; the authentication method and data were not imported.');
  }

  const certType = text(c.certType);
  const tls: NonNullable<ProfileInput['tls']> = {
    rejectUnauthorized: bool(c.rejectUnauthorized) ?? true,
    alpn: alpn(c.ALPNProtocols),
  };
  if (certType === 'self') {
    tls.caFile = text(c.ca);
    tls.certFile = text(c.cert);
    tls.keyFile = text(c.key);
  } else if (meaningful(c.ca) || meaningful(c.cert) || meaningful(c.key)) {
    note('certType', `Certificate files are set but the certificate type is '${certType ?? ''}', so MQTTX did not use them; neither does this profile.`);
  }
  if (!secure && (certType === 'self' || tls.alpn!.length > 0)) note('ssl', 'TLS settings were imported but take effect only with mqtts:// or wss://.');

  const messages = Array.isArray(c.messages) ? c.messages.length : 0;
  if (messages > 0) note('messages', `${messages} saved message${messages === 1 ? '' : 's'} (MQTTX's message history) were not imported.`);
  reportUnmapped(name, c, used, bookkeeping, '', notes);
  reportUnmapped(name, props, used, bookkeeping, 'properties.', notes);

  const input: ProfileInput = {
    name,
    protocol,
    host: text(c.host) ?? '',
    port: num(c.port),
    path: protocol === 'ws' || protocol === 'wss' ? withSlash(text(c.path) ?? '') : '',
    protocolVersion,
    clientId: text(c.clientId) ?? '',
    username: text(c.username),
    password: text(c.password),
    keepalive: num(c.keepalive) ?? 60,
    clean: bool(c.clean) ?? true,
    sessionExpiryInterval: num(prop('sessionExpiryInterval')),
    connectTimeout: connectTimeoutS === null ? 10_000 : Math.round(connectTimeoutS * 1000),
    reconnectPeriod: reconnect ? (num(c.reconnectPeriod) ?? mqttxReconnectMs) : 0,
    properties: {
      receiveMaximum: num(prop('receiveMaximum')),
      maximumPacketSize: num(prop('maximumPacketSize')),
      topicAliasMaximum: num(prop('topicAliasMaximum')),
      requestResponseInformation: bool(prop('requestResponseInformation')),
      requestProblemInformation: bool(prop('requestProblemInformation')),
      userProperties: userPropertyPairs(prop('userProperties')),
    },
    tls,
    will: will(c.will, name, notes),
    subscriptions: subscriptions(c.subscriptions, name, notes),
  };
  return { name, input, files: [], notes };
}

function will(value: unknown, name: string, notes: ImportNote[]): ProfileInput['will'] {
  if (!isObject(value) || !text(value.lastWillTopic)) return null;
  const p = isObject(value.properties) ? value.properties : {};
  const prop = (key: string) => p[key] ?? value[key];
  reportUnmapped(name, value, willUsed, new Set(['id', 'connection']), 'will.', notes);
  return {
    topic: text(value.lastWillTopic) ?? '',
    payload: typeof value.lastWillPayload === 'string' ? value.lastWillPayload : '',
    encoding: 'utf8',
    qos: (num(value.lastWillQos) ?? 0) as 0 | 1 | 2,
    retain: bool(value.lastWillRetain) ?? false,
    willDelayInterval: num(prop('willDelayInterval')),
    payloadFormatIndicator: bool(prop('payloadFormatIndicator')),
    messageExpiryInterval: num(prop('messageExpiryInterval')),
    contentType: text(prop('contentType')),
    responseTopic: text(prop('responseTopic')),
    correlationData: bytesAsBase64(prop('correlationData')),
    userProperties: userPropertyPairs(prop('userProperties')),
  };
}

function subscriptions(value: unknown, name: string, notes: ImportNote[]): ProfileInput['subscriptions'] {
  if (!Array.isArray(value)) return [];
  const out: NonNullable<ProfileInput['subscriptions']> = [];
  value.forEach((s, i) => {
    if (!isObject(s) || !text(s.topic)) return;
    if (bool(s.disabled)) {
      notes.push({ name, field: `subscriptions.${i}`, message: `The subscription to '${s.topic}' was disabled in MQTTX; it was not imported.` });
      return;
    }
    reportUnmapped(name, s, subscriptionUsed, subscriptionBookkeeping, `subscriptions.${i}.`, notes, (key) =>
      key === 'alias' || key === 'color' ? `The subscription's ${key} is an MQTTX display setting; it was not imported.` : 'MQTT Scope has no such setting; it was not imported.',
    );
    out.push({
      filter: text(s.topic) ?? '',
      qos: (num(s.qos) ?? 0) as 0 | 1 | 2,
      noLocal: bool(s.nl) ?? false,
      retainAsPublished: bool(s.rap) ?? false,
      retainHandling: (num(s.rh) ?? 0) as 0 | 1 | 2,
      subscriptionIdentifier: num(s.subscriptionIdentifier),
    });
  });
  return out;
}

function alpn(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

function withSlash(path: string): string {
  return path === '' || path.startsWith('/') ? path : `/${path}`;
}
