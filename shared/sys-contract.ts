// Broker statistics' part of the contract: the page asks once a second for what the
// broker's $SYS topics said, read from the topic tree the core already keeps.
// contract.ts merges these in.
import { z } from 'zod';
import type { SysFieldId } from './sys-stats';

export const sysRequestSchemas = {
  getBrokerStats: z.object({ connectionId: z.string().min(1).max(100) }),
} as const;

export interface SysFieldValue {
  field: SysFieldId;
  topic: string;
  /** The payload as text (mosquitto sends "12 seconds" for uptime). */
  text: string;
  /** Epoch ms of the latest message on the topic. */
  at: number;
}

export interface SysRate {
  /** messagesReceived, messagesSent, bytesReceived or bytesSent. */
  field: SysFieldId;
  /** Epoch ms, ascending. */
  times: number[];
  /** Per second, from the counter's differences. */
  values: number[];
}

export interface BrokerStats {
  /** Known fields with a value, in the order of sysFields. */
  fields: SysFieldValue[];
  /** $SYS topics received, known or not: 0 means the broker published none (or we did not subscribe). */
  sysTopics: number;
  /** Epoch ms of the latest $SYS message; null when none came. */
  lastUpdate: number | null;
  rates: SysRate[];
}

export interface SysResults {
  getBrokerStats: BrokerStats;
}
