// The retained view's requests.
import type { RequestArg, RequestResults } from '../../../shared/contract';
import { UserInputError } from '../../../shared/rpc';
import { topicFilterProblem } from '../../../shared/topic';
import type { ConnectionEntry } from '../connection-entry';
import type { RetainedService } from './retained-service';
import { rowOf, type OriginLookup } from './retained-index';
import { displayProperties } from '../publish/request-reply';

type RetainedRequestName =
  | 'listRetained'
  | 'getRetained'
  | 'scanRetained'
  | 'clearRetained'
  | 'exportRetained'
  | 'restoreRetained'
  | 'saveRetainedSnapshot'
  | 'listRetainedSnapshots'
  | 'deleteRetainedSnapshot'
  | 'getRetainedSnapshot'
  | 'compareRetained'
  | 'getRetainedState';
type RetainedHandlers = { [K in RetainedRequestName]: (arg: RequestArg<K>) => RequestResults[K] | Promise<RequestResults[K]> };

export function createRetainedHandlers(
  service: RetainedService,
  entryOf: (connectionId: string) => ConnectionEntry,
  originsFor: (entry: ConnectionEntry) => OriginLookup,
  state: () => RequestResults['getRetainedState'],
): RetainedHandlers {
  const checkFilter = (filter: string) => {
    const problem = topicFilterProblem(filter);
    if (problem) throw new UserInputError(problem, 'filter');
  };
  const fileName = (kind: string, filter: string) =>
    `retained-${kind}-${filter.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'all'}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;

  return {
    listRetained: ({ connectionId, filter, search, sort, start, count }) => {
      checkFilter(filter);
      const entry = entryOf(connectionId);
      const page = entry.retained.page({ filter, search, sort, start, count }, originsFor(entry));
      return { connectionId, filter, search, start, total: page.total, indexed: entry.retained.size, rows: page.rows, revision: entry.retained.revision };
    },
    getRetained: ({ connectionId, topic }) => {
      const entry = entryOf(connectionId);
      const r = entry.retained.get(topic);
      if (!r) return null;
      return { ...rowOf(r, originsFor(entry)), payloadBase64: Buffer.from(r.payload).toString('base64'), properties: displayProperties(r.properties) };
    },
    scanRetained: ({ connectionId, filter, quietMs, timeoutMs }) =>
      service.scan(entryOf(connectionId), filter, { ...(quietMs ? { quietMs } : {}), ...(timeoutMs ? { timeoutMs } : {}) }),
    clearRetained: ({ connectionId, topics }) => service.clear(entryOf(connectionId), topics),
    exportRetained: ({ connectionId, topics, filter }) => {
      checkFilter(filter);
      const { text, file } = service.exportFile(entryOf(connectionId), topics, filter);
      return { text, fileName: fileName('backup', filter), count: file.messages.length };
    },
    restoreRetained: ({ connectionId, text }) => service.restore(entryOf(connectionId), text),
    saveRetainedSnapshot: ({ connectionId, filter, name }) => {
      checkFilter(filter);
      const entry = entryOf(connectionId);
      const topics = entry.retained.under(filter).map((r) => r.topic);
      const label = name.trim() || `${filter} on ${new Date().toLocaleString('en-GB')}`;
      const { file, text } = service.exportFile(entry, topics, filter, label);
      const info = service.snapshots.save(file, text);
      service.touch();
      return info;
    },
    listRetainedSnapshots: () => ({ snapshots: service.snapshots.list(), problem: service.snapshots.problem }),
    deleteRetainedSnapshot: ({ id }) => {
      service.snapshots.delete(id);
      service.touch();
    },
    getRetainedSnapshot: ({ id }) => {
      const info = service.snapshots.list().find((s) => s.id === id);
      return { text: service.snapshots.text(id), fileName: fileName('snapshot', info?.filter ?? id) };
    },
    getRetainedState: () => state(),
    compareRetained: ({ connectionId, against }) => {
      const text = against.kind === 'snapshot' ? service.snapshots.text(against.id) : against.text;
      return service.compare(entryOf(connectionId), text);
    },
  };
}
