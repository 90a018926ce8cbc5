// Which $SYS topics mean what. mosquitto and HiveMQ's $SYS extension publish under
// $SYS/broker/..., EMQX under $SYS/brokers/<node>/...; each known topic maps to one
// field, so the panel shows the same rows whichever broker is on the other side.
// Pure: the core reads values with it, the page labels them with it.

export type SysGroup = 'broker' | 'clients' | 'messages' | 'bytes' | 'load';

export type SysFieldId =
  | 'version'
  | 'uptime'
  | 'datetime'
  | 'clientsConnected'
  | 'clientsTotal'
  | 'clientsMaximum'
  | 'subscriptions'
  | 'retainedMessages'
  | 'heapCurrent'
  | 'messagesReceived'
  | 'messagesSent'
  | 'publishReceived'
  | 'publishSent'
  | 'bytesReceived'
  | 'bytesSent'
  | 'loadMessagesReceived1min'
  | 'loadMessagesSent1min'
  | 'loadBytesReceived1min'
  | 'loadBytesSent1min';

export interface SysFieldInfo {
  group: SysGroup;
  label: string;
  /** Said after the value; '' for text and plain counts. */
  unit: string;
  /** A counter only grows (until the broker restarts): its differences are rates. */
  counter: boolean;
}

export const sysFields: Record<SysFieldId, SysFieldInfo> = {
  version: { group: 'broker', label: 'Version', unit: '', counter: false },
  uptime: { group: 'broker', label: 'Uptime', unit: 's', counter: false },
  datetime: { group: 'broker', label: 'Broker time', unit: '', counter: false },
  heapCurrent: { group: 'broker', label: 'Heap in use', unit: 'bytes', counter: false },
  subscriptions: { group: 'broker', label: 'Subscriptions', unit: '', counter: false },
  retainedMessages: { group: 'broker', label: 'Retained messages', unit: '', counter: false },
  clientsConnected: { group: 'clients', label: 'Connected', unit: 'clients', counter: false },
  clientsTotal: { group: 'clients', label: 'Total (with disconnected sessions)', unit: 'clients', counter: false },
  clientsMaximum: { group: 'clients', label: 'Most at once', unit: 'clients', counter: false },
  messagesReceived: { group: 'messages', label: 'Received (all packets)', unit: 'msgs', counter: true },
  messagesSent: { group: 'messages', label: 'Sent (all packets)', unit: 'msgs', counter: true },
  publishReceived: { group: 'messages', label: 'PUBLISH received', unit: 'msgs', counter: true },
  publishSent: { group: 'messages', label: 'PUBLISH sent', unit: 'msgs', counter: true },
  bytesReceived: { group: 'bytes', label: 'Received', unit: 'bytes', counter: true },
  bytesSent: { group: 'bytes', label: 'Sent', unit: 'bytes', counter: true },
  loadMessagesReceived1min: { group: 'load', label: 'Messages received (1 min avg)', unit: 'msgs/min', counter: false },
  loadMessagesSent1min: { group: 'load', label: 'Messages sent (1 min avg)', unit: 'msgs/min', counter: false },
  loadBytesReceived1min: { group: 'load', label: 'Bytes received (1 min avg)', unit: 'bytes/min', counter: false },
  loadBytesSent1min: { group: 'load', label: 'Bytes sent (1 min avg)', unit: 'bytes/min', counter: false },
};

export const sysGroups: { group: SysGroup; label: string }[] = [
  { group: 'broker', label: 'Broker' },
  { group: 'clients', label: 'Clients' },
  { group: 'messages', label: 'Messages' },
  { group: 'bytes', label: 'Bytes' },
  { group: 'load', label: 'Load' },
];

// The part after $SYS/broker/ (mosquitto, HiveMQ) or $SYS/brokers/<node>/ (EMQX).
const brokerSuffixes: Record<string, SysFieldId> = {
  version: 'version',
  uptime: 'uptime',
  'clients/connected': 'clientsConnected',
  'clients/active': 'clientsConnected',
  'clients/total': 'clientsTotal',
  'clients/maximum': 'clientsMaximum',
  'messages/received': 'messagesReceived',
  'messages/sent': 'messagesSent',
  'publish/messages/received': 'publishReceived',
  'publish/messages/sent': 'publishSent',
  'bytes/received': 'bytesReceived',
  'bytes/sent': 'bytesSent',
  'load/messages/received/1min': 'loadMessagesReceived1min',
  'load/messages/sent/1min': 'loadMessagesSent1min',
  'load/bytes/received/1min': 'loadBytesReceived1min',
  'load/bytes/sent/1min': 'loadBytesSent1min',
  'subscriptions/count': 'subscriptions',
  'retained messages/count': 'retainedMessages',
  'heap/current': 'heapCurrent',
  'heap/current size': 'heapCurrent',
};

const emqxSuffixes: Record<string, SysFieldId> = {
  version: 'version',
  uptime: 'uptime',
  datetime: 'datetime',
  'stats/connections/count': 'clientsConnected',
  'stats/connections/max': 'clientsMaximum',
  'stats/subscriptions/count': 'subscriptions',
  'stats/retained/count': 'retainedMessages',
  'metrics/messages/received': 'messagesReceived',
  'metrics/messages/sent': 'messagesSent',
  'metrics/packets/publish/received': 'publishReceived',
  'metrics/packets/publish/sent': 'publishSent',
  'metrics/bytes/received': 'bytesReceived',
  'metrics/bytes/sent': 'bytesSent',
};

/** The field a $SYS topic carries, or null for one we do not know. */
export function sysFieldOf(topic: string): SysFieldId | null {
  if (topic.startsWith('$SYS/broker/')) return brokerSuffixes[topic.slice('$SYS/broker/'.length)] ?? null;
  const emqx = /^\$SYS\/brokers\/[^/]+\/(.+)$/.exec(topic);
  return emqx ? (emqxSuffixes[emqx[1]] ?? null) : null;
}

/** A counter's value as a number: mosquitto sends plain digits, uptime as "12 seconds". */
export function sysNumber(text: string): number | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)/.exec(text);
  return match ? Number(match[1]) : null;
}
