// MQTT Explorer's settings.json: its connections sit under "ConnectionManager_connections",
// a dictionary by id of ConnectionOptions (app/src/model/ConnectionOptions.ts). MQTT
// Explorer connects with MQTT.js's defaults (MQTT 3.1.1, keepalive 60 s, clean session,
// 30 s connect timeout), so the profiles get those; its certificates are embedded in
// the file (base64), and become files of their own next to the profiles.
import type { ProfileInput } from '../../../../shared/profile';
import { bool, isObject, num, reportUnmapped, text, type EmbeddedFile, type ImportCandidate, type ImportNote, type Json, type ParsedImport } from './import-types';

export const mqttExplorerKey = 'ConnectionManager_connections';

const used = new Set([
  'name', 'host', 'port', 'protocol', 'basePath', 'encryption', 'certValidation', 'clientId', 'username', 'password',
  'subscriptions', 'selfSignedCertificate', 'clientCertificate', 'clientKey', 'type',
]);
const bookkeeping = new Set(['id', 'configVersion', 'order']);
const certificateSlots: [key: string, slot: EmbeddedFile['slot'], fallbackName: string][] = [
  ['selfSignedCertificate', 'caFile', 'ca.pem'],
  ['clientCertificate', 'certFile', 'client-cert.pem'],
  ['clientKey', 'keyFile', 'client-key.pem'],
];

export function looksLikeMqttExplorer(data: unknown): boolean {
  if (isObject(data) && mqttExplorerKey in data) return true;
  const items = Array.isArray(data) ? data : isObject(data) ? Object.values(data) : [];
  return items.length > 0 && items.every((c) => isObject(c) && 'encryption' in c && 'certValidation' in c);
}

export function parseMqttExplorer(data: unknown): ParsedImport {
  const out: ParsedImport = { format: 'mqtt-explorer', candidates: [], skipped: [] };
  const root = isObject(data) && mqttExplorerKey in data ? data[mqttExplorerKey] : data;
  const items = (Array.isArray(root) ? root : isObject(root) ? Object.values(root) : []).filter(isObject);
  // The order the user arranged in MQTT Explorer's list.
  items.sort((a, b) => (num(a.order) ?? 0) - (num(b.order) ?? 0));
  for (const c of items) {
    const name = text(c.name) ?? text(c.host) ?? '(unnamed)';
    if (c.type !== undefined && c.type !== 'mqtt') out.skipped.push({ name, reason: `Connection type '${String(c.type)}' is not MQTT.` });
    else if (!text(c.host)) out.skipped.push({ name, reason: 'It has no host.' });
    else out.candidates.push(connection(c, name));
  }
  return out;
}

function connection(c: Json, name: string): ImportCandidate {
  const notes: ImportNote[] = [];
  const encryption = bool(c.encryption) ?? false;
  const ws = c.protocol === 'ws';
  if (c.protocol !== undefined && c.protocol !== 'mqtt' && !ws) {
    notes.push({ name, field: 'protocol', message: `Unknown protocol '${String(c.protocol)}'; mqtt is used.` });
  }
  const protocol: ProfileInput['protocol'] = ws ? (encryption ? 'wss' : 'ws') : encryption ? 'mqtts' : 'mqtt';
  const files: EmbeddedFile[] = [];
  for (const [key, slot, fallbackName] of certificateSlots) {
    const cert = c[key];
    if (!isObject(cert) || typeof cert.data !== 'string' || cert.data === '') continue;
    files.push({ slot, fileName: safeFileName(text(cert.name) ?? fallbackName), data: Buffer.from(cert.data, 'base64') });
  }
  if (files.length > 0 && !encryption) {
    notes.push({ name, field: 'encryption', message: 'Certificates were imported but take effect only with TLS (encryption was off).' });
  }
  reportUnmapped(name, c, used, bookkeeping, '', notes);
  const basePath = text(c.basePath) ?? '';
  const input: ProfileInput = {
    name,
    protocol,
    host: text(c.host) ?? '',
    port: num(c.port),
    // MQTT Explorer builds ws://host:port/<basePath>.
    path: ws ? `/${basePath.replace(/^\/+/, '')}` : '',
    protocolVersion: 4,
    clientId: text(c.clientId) ?? '',
    username: text(c.username),
    password: text(c.password),
    keepalive: 60,
    clean: true,
    connectTimeout: 30_000,
    reconnectPeriod: 1000,
    tls: { rejectUnauthorized: bool(c.certValidation) ?? true },
    subscriptions: subscriptions(c.subscriptions),
  };
  return { name, input, files, notes };
}

function subscriptions(value: unknown): NonNullable<ProfileInput['subscriptions']> {
  if (!Array.isArray(value)) return [];
  // Early versions stored plain topic strings (QoS 0).
  return value.flatMap((s) => {
    if (typeof s === 'string') return s === '' ? [] : [{ filter: s, qos: 0 as const }];
    if (isObject(s) && text(s.topic)) return [{ filter: text(s.topic)!, qos: (num(s.qos) ?? 0) as 0 | 1 | 2 }];
    return [];
  });
}

/** The certificate's original name, reduced to something safe as a file name. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '');
  return cleaned === '' ? 'certificate.pem' : cleaned.slice(0, 100);
}
