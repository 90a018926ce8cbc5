// A retained message's MQTT 5.0 properties as rows of a table, in the order of MQTT 5.0
// §3.3.2.3, with MQTT.js's names turned into the specification's. Binary values arrive
// from the core already as 0x-hex; each user property gets its own row.
import { formatCount } from './format-number';

export interface PropertyRow {
  name: string;
  value: string;
}

type Format = (v: unknown) => string;

const plain: Format = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const seconds: Format = (v) => (typeof v === 'number' ? `${formatCount(v)} s` : plain(v));
const formatIndicator: Format = (v) => (v === true || v === 1 ? '1 (UTF-8 text)' : v === false || v === 0 ? '0 (unspecified bytes)' : plain(v));
const ids: Format = (v) => (Array.isArray(v) ? v.map(plain).join(', ') : plain(v));

const known: [string, string, Format][] = [
  ['payloadFormatIndicator', 'Payload Format Indicator', formatIndicator],
  ['messageExpiryInterval', 'Message Expiry Interval', seconds],
  ['topicAlias', 'Topic Alias', plain],
  ['responseTopic', 'Response Topic', plain],
  ['correlationData', 'Correlation Data', plain],
  ['contentType', 'Content Type', plain],
  ['subscriptionIdentifier', 'Subscription Identifier', ids],
];

export function propertyRows(properties: Record<string, unknown>): PropertyRow[] {
  const rows: PropertyRow[] = [];
  for (const [key, name, format] of known) {
    if (properties[key] !== undefined) rows.push({ name, value: format(properties[key]) });
  }
  const user = properties.userProperties;
  if (user && typeof user === 'object') {
    for (const [key, value] of Object.entries(user as Record<string, unknown>)) {
      for (const v of Array.isArray(value) ? value : [value]) rows.push({ name: `User Property ${key}`, value: plain(v) });
    }
  }
  const listed = new Set([...known.map(([k]) => k), 'userProperties']);
  for (const [key, value] of Object.entries(properties)) {
    if (!listed.has(key) && value !== undefined) rows.push({ name: key, value: plain(value) });
  }
  return rows;
}
