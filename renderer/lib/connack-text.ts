// The CONNACK in words. MQTT 5.0 leaves a property out when the server means its
// default, so the table also shows the defaults that apply (marked as such): "no
// Receive Maximum" is not "nothing known", it is 65,535 in flight.
import type { ConnackInfo, ProtocolVersion, SubscriptionState } from '../../shared/contract';
import { formatBytes, formatCount } from './format-number';

export interface ConnackRow {
  name: string;
  value: string;
  /** true: the server did not send it; this is the value MQTT 5.0 says applies then. */
  implied: boolean;
}

type Format = (v: unknown) => string;

const yesNo: Format = (v) => (v === true || v === 1 ? 'yes' : v === false || v === 0 ? 'no' : plain(v));
const count: Format = (v) => (typeof v === 'number' ? formatCount(v) : plain(v));
const secondsText: Format = (v) => (typeof v === 'number' ? `${formatCount(v)} s` : plain(v));
const bytes: Format = (v) => (typeof v === 'number' ? `${formatCount(v)} bytes${v >= 1024 ? ` (${formatBytes(v)})` : ''}` : plain(v));
const expiry: Format = (v) => (v === 4_294_967_295 ? 'never expires' : secondsText(v));

function plain(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !Array.isArray(v)) {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, val]) => `${k}: ${Array.isArray(val) ? val.map(plain).join(', ') : plain(val)}`)
      .join('; ');
  }
  return JSON.stringify(v);
}

interface Known {
  name: string;
  format: Format;
  /** The value that applies when the server leaves it out (MQTT 5.0 §3.2.2.3); none: nothing is implied. */
  implied?: string;
}

// In the order of MQTT 5.0 §3.2.2.3, with MQTT.js's property names.
const known: [string, Known][] = [
  ['sessionExpiryInterval', { name: 'Session Expiry Interval', format: expiry }],
  ['receiveMaximum', { name: 'Receive Maximum', format: count, implied: '65,535' }],
  ['maximumQoS', { name: 'Maximum QoS', format: count, implied: '2' }],
  ['retainAvailable', { name: 'Retain available', format: yesNo, implied: 'yes' }],
  ['maximumPacketSize', { name: 'Maximum Packet Size', format: bytes, implied: 'no limit' }],
  ['assignedClientIdentifier', { name: 'Assigned client id', format: plain }],
  ['topicAliasMaximum', { name: 'Topic Alias Maximum', format: count, implied: '0 (no aliases)' }],
  ['reasonString', { name: 'Reason string', format: plain }],
  ['userProperties', { name: 'User properties', format: plain }],
  ['wildcardSubscriptionAvailable', { name: 'Wildcard subscriptions', format: yesNo, implied: 'yes' }],
  ['subscriptionIdentifiersAvailable', { name: 'Subscription identifiers', format: yesNo, implied: 'yes' }],
  ['sharedSubscriptionAvailable', { name: 'Shared subscriptions', format: yesNo, implied: 'yes' }],
  ['serverKeepAlive', { name: 'Server Keep Alive', format: secondsText }],
  ['responseInformation', { name: 'Response information', format: plain }],
  ['serverReference', { name: 'Server reference', format: plain }],
  ['authenticationMethod', { name: 'Authentication method', format: plain }],
  ['authenticationData', { name: 'Authentication data', format: plain }],
];
const knownNames = new Map(known);

/** "topicAliasMaximum" -> "Topic alias maximum", for properties this table does not know. */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The 5.0 properties the server sent, then the defaults that apply for those it left out. */
export function connackRows(connack: ConnackInfo, version: ProtocolVersion): ConnackRow[] {
  if (version !== 5) return [];
  const props = connack.properties;
  const rows: ConnackRow[] = [];
  for (const [key, k] of known) {
    if (props[key] !== undefined) rows.push({ name: k.name, value: k.format(props[key]), implied: false });
  }
  for (const [key, value] of Object.entries(props)) {
    if (!knownNames.has(key) && value !== undefined) rows.push({ name: humanize(key), value: plain(value), implied: false });
  }
  for (const [key, k] of known) {
    if (props[key] === undefined && k.implied !== undefined) rows.push({ name: k.name, value: k.implied, implied: true });
  }
  return rows;
}

export function sessionPresentText(connack: ConnackInfo): string {
  return connack.sessionPresent ? 'yes: the broker kept the session (its subscriptions and queued messages)' : 'no: a new session';
}

export type SubscriptionTone = 'ok' | 'busy' | 'warn' | 'bad';

export interface SubscriptionText {
  /** Short, beside the filter. */
  label: string;
  tone: SubscriptionTone;
  /** A second line: why it was downgraded or refused. */
  detail: string | null;
}

export function subscriptionText(s: SubscriptionState): SubscriptionText {
  switch (s.state) {
    case 'pending':
      return { label: `pending · asked QoS ${s.requestedQos}`, tone: 'busy', detail: null };
    case 'granted': {
      const granted = s.grantedQos ?? s.requestedQos;
      if (granted < s.requestedQos) {
        return { label: `QoS ${granted} · asked ${s.requestedQos}`, tone: 'warn', detail: s.reason ?? `The broker granted QoS ${granted} instead of ${s.requestedQos}.` };
      }
      return { label: `QoS ${granted}`, tone: 'ok', detail: s.reason };
    }
    case 'refused':
      return { label: 'refused', tone: 'bad', detail: s.reason ?? 'The broker refused this filter and gave no reason.' };
  }
}
