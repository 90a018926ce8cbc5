// Where each problem with a profile is shown. validateProfileInput and the core both name
// a field by its dotted path ('port', 'will.topic', 'subscriptions.2.filter',
// 'properties.userProperties.1.0'); the editor has one input per key below, and lists
// (user properties, ALPN) show their problems at the list as a whole.
import type { ProfileForm } from './profile-form';
import { isTlsProtocol, isWebSocketProtocol } from './profile-form';

export interface Problem {
  field: string;
  message: string;
}

export interface PlacedProblems {
  /** Form field key -> the message(s) shown under that input. */
  fields: Record<string, string>;
  /** Problems about nothing the form shows: listed next to the Save button. */
  general: string[];
}

/** The editor's collapsible parts; a field outside them is always on screen. */
export type ProfileSection = 'advanced' | 'will' | 'properties' | 'tls';

/** The form field key that shows a problem at this dotted path. */
export function fieldKeyOf(path: string): string {
  const list = /^(properties\.userProperties|will\.userProperties|tls\.alpn)(\.|$)/.exec(path);
  if (list) return list[1];
  const sub = /^subscriptions\.(\d+)\.([A-Za-z]+)/.exec(path);
  if (sub) return `subscriptions.${sub[1]}.${sub[2]}`;
  return path;
}

/** Every key the form shows for its current state (what is hidden cannot show a message). */
export function formFieldKeys(f: ProfileForm): string[] {
  const v5 = f.protocolVersion === 5;
  const keys = ['name', 'protocol', 'host', 'port', 'protocolVersion', 'clientId', 'username', 'password'];
  keys.push('keepalive', 'clean', 'connectTimeout', 'reconnectPeriod', 'subscriptions');
  if (isWebSocketProtocol(f.protocol)) keys.push('path');
  if (v5) keys.push('sessionExpiryInterval');
  if (f.will.enabled) {
    keys.push('will.topic', 'will.payload', 'will.encoding', 'will.qos', 'will.retain');
    if (v5) {
      keys.push('will.willDelayInterval', 'will.payloadFormatIndicator', 'will.messageExpiryInterval', 'will.contentType', 'will.responseTopic');
      keys.push('will.correlationData', 'will.userProperties');
    }
  }
  if (v5) {
    keys.push('properties.receiveMaximum', 'properties.maximumPacketSize', 'properties.topicAliasMaximum');
    keys.push('properties.requestResponseInformation', 'properties.requestProblemInformation', 'properties.userProperties');
  }
  if (isTlsProtocol(f.protocol)) {
    keys.push('tls.caFile', 'tls.certFile', 'tls.keyFile', 'tls.keyPassphrase', 'tls.rejectUnauthorized', 'tls.servername', 'tls.alpn');
  }
  f.subscriptions.forEach((_, i) => {
    keys.push(`subscriptions.${i}.filter`, `subscriptions.${i}.qos`);
    if (v5) keys.push(`subscriptions.${i}.noLocal`, `subscriptions.${i}.retainAsPublished`, `subscriptions.${i}.retainHandling`, `subscriptions.${i}.subscriptionIdentifier`);
  });
  return keys;
}

/** Each problem at the input it is about; the rest (and anything about a hidden input) in general. */
export function placeProblems(problems: readonly Problem[], known: readonly string[]): PlacedProblems {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const p of problems) {
    const key = ownerKey(fieldKeyOf(p.field), known);
    if (key === null) {
      const text = p.field ? `${p.field}: ${p.message}` : p.message;
      if (!general.includes(text)) general.push(text);
    } else if (fields[key] === undefined) {
      fields[key] = p.message;
    } else if (!fields[key].includes(p.message)) {
      fields[key] = `${fields[key]} ${p.message}`;
    }
  }
  return { fields, general };
}

// 'will' (the object itself) has no input; 'tls.caFile.length' belongs to 'tls.caFile'.
function ownerKey(key: string, known: readonly string[]): string | null {
  if (key === '') return null;
  if (known.includes(key)) return key;
  const owners = known.filter((k) => key.startsWith(`${k}.`));
  return owners.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Which collapsible part holds this field (null: always shown). */
export function sectionOf(key: string): ProfileSection | null {
  if (['keepalive', 'clean', 'sessionExpiryInterval', 'connectTimeout', 'reconnectPeriod'].includes(key)) return 'advanced';
  if (key.startsWith('will.')) return 'will';
  if (key.startsWith('properties.')) return 'properties';
  if (key.startsWith('tls.')) return 'tls';
  return null;
}

/** How many shown problems each section holds, for its header (and to open it on Save). */
export function problemsPerSection(fields: Record<string, string>): Partial<Record<ProfileSection, number>> {
  const counts: Partial<Record<ProfileSection, number>> = {};
  for (const key of Object.keys(fields)) {
    const s = sectionOf(key);
    if (s) counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
}

/**
 * Fields whose problem can be caused by changing this one: they are shown as soon as
 * this one is touched (a client key without its certificate is reported at the
 * certificate; MQTT 3.1's client id limit at the client id when the version changes).
 */
export function relatedFields(key: string): string[] {
  const sub = /^subscriptions\.(\d+)\.filter$/.exec(key);
  if (sub) return [key, `subscriptions.${sub[1]}.noLocal`];
  switch (key) {
    case 'protocolVersion':
      return [key, 'clientId', 'username'];
    case 'protocol':
      return [key, 'path', 'port'];
    case 'password':
      return [key, 'username'];
    case 'tls.certFile':
    case 'tls.keyFile':
      return ['tls.certFile', 'tls.keyFile'];
    case 'will.encoding':
      return [key, 'will.payload'];
    case 'clean':
      return [key, 'sessionExpiryInterval'];
    default:
      return [key];
  }
}

/** Only what the user has touched is reported live; after a Save attempt, everything. */
export function visibleProblems(placed: PlacedProblems, touched: ReadonlySet<string>, submitted: boolean): PlacedProblems {
  if (submitted) return placed;
  const fields = Object.fromEntries(Object.entries(placed.fields).filter(([key]) => touched.has(key)));
  return { fields, general: [] };
}
