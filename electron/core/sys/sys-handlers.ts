// getBrokerStats: what the connection's $SYS topics say, read on request.
import type { RequestArg } from '../../../shared/contract';
import type { ConnectionEntry } from '../connection-entry';
import { brokerStats } from './broker-stats';

export function createSysHandlers(entryOf: (connectionId: string) => ConnectionEntry) {
  return {
    getBrokerStats: ({ connectionId }: RequestArg<'getBrokerStats'>) => brokerStats(entryOf(connectionId).tree),
  };
}
