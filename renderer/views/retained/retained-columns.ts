// The retained table's columns: the sort key each header sorts by (Payload sorts by
// nothing the core can order), and what each one means, said in its tooltip.
import type { RetainedSortColumn } from '../../../shared/retained-contract';

export interface RetainedColumn {
  key: string;
  label: string;
  sort: RetainedSortColumn | null;
  title: string;
}

export const retainedColumns: RetainedColumn[] = [
  { key: 'topic', label: 'Topic', sort: 'topic', title: 'The topic the broker keeps the message on' },
  { key: 'size', label: 'Size', sort: 'size', title: 'Payload size' },
  { key: 'qos', label: 'QoS', sort: 'qos', title: 'The QoS the broker sent it with' },
  { key: 'payload', label: 'Payload', sort: null, title: 'The start of the payload' },
  { key: 'first', label: 'First seen', sort: 'firstSeenAt', title: 'When MQTT Scope first saw a retained message on this topic' },
  { key: 'setby', label: 'Set by', sort: 'setBy', title: 'The client that published it (the embedded broker only)' },
  { key: 'setat', label: 'Set at', sort: 'setAt', title: 'When it was published (the embedded broker only)' },
];

export const retainedRowHeight = 22;
