// Publishing's requests: one publish (with the flow it produced), repeats, request and
// response, topic completion, and the publish library.
import { performance } from 'node:perf_hooks';
import type { RequestArg, RequestResults } from '../../../shared/contract';
import type { PublishMessage, PublishResult } from '../../../shared/publish-contract';
import { UserInputError } from '../../../shared/rpc';
import { displayBrokerUrl } from '../../../shared/broker-url';
import type { ConnectionEntry } from '../connection-entry';
import type { ScopeCore } from '../scope-core';
import { buildPublish, type BuiltPublish } from './publish-builder';
import { flowOfPublish } from './publish-flow';
import { prepareRequest, sendRequest } from './request-reply';

type PublishRequestName =
  | 'publish'
  | 'startRepeat'
  | 'stopRepeat'
  | 'sendRequest'
  | 'completeTopic'
  | 'getPublishLibrary'
  | 'savePublish'
  | 'deleteSavedPublish'
  | 'clearPublishHistory'
  | 'getPublishingState';
type PublishHandlers = { [K in PublishRequestName]: (arg: RequestArg<K>) => RequestResults[K] | Promise<RequestResults[K]> };

/** Which library a connection uses: its broker, so it outlives the connection's id. */
export function libraryKey(entry: ConnectionEntry): string {
  return entry.connection.options.embedded ? 'embedded' : displayBrokerUrl(entry.connection.options.address);
}

export function createPublishHandlers(core: ScopeCore, entryOf: (connectionId: string) => ConnectionEntry): PublishHandlers {
  const send = async (entry: ConnectionEntry, built: BuiltPublish): Promise<PublishResult> => {
    const since = performance.now();
    let packetId: number | null;
    try {
      ({ packetId } = await entry.connection.publish(built.topic, built.payload, built.qos, built.options));
    } catch (err) {
      throw new UserInputError((err as Error).message, null);
    }
    const size = built.payload.length;
    const flowId = await flowOfPublish(core.capture, { linkId: entry.linkId, topic: built.topic, packetId, size, since });
    return { size, packetId, flowId };
  };

  const remember = (entry: ConnectionEntry, message: PublishMessage, size: number) => {
    try {
      core.publishLibrary.recordPublish(libraryKey(entry), message, size, Date.now());
    } catch (err) {
      // The message went out; a history that could not be written must not turn that into a failure.
      core.log(`The publish history could not be saved: ${(err as Error).message}`);
    }
  };

  return {
    publish: async (req) => {
      const { connectionId, ...message } = req;
      const entry = entryOf(connectionId);
      const result = await send(entry, buildPublish(message, entry.connection));
      remember(entry, message, result.size);
      return result;
    },
    startRepeat: ({ intervalMs, count, ...req }) => {
      const { connectionId, ...message } = req;
      const entry = entryOf(connectionId);
      const built = buildPublish(message, entry.connection);
      if (!entry.connection.status || entry.connection.status.kind !== 'connected') {
        throw new UserInputError('The connection is not connected: nothing would be sent.', null);
      }
      remember(entry, message, built.payload.length);
      return { repeatId: core.repeats.start(connectionId, entry.connection, built, intervalMs, count) };
    },
    stopRepeat: ({ repeatId }) => {
      if (!core.repeats.stop(repeatId)) throw new UserInputError(`No repeat ${repeatId} is known.`, 'repeatId');
    },
    sendRequest: async ({ responseTopic, correlation, match, timeoutMs, ...req }) => {
      const { connectionId, ...message } = req;
      const entry = entryOf(connectionId);
      const spec = { responseTopic, correlation, match, timeoutMs };
      const request = prepareRequest(buildPublish(message, entry.connection), spec, entry.connection);
      const outcome = await sendRequest(entry.connection, request, spec, (built) => send(entry, built));
      remember(entry, message, request.payload.length);
      return outcome;
    },
    completeTopic: ({ connectionId, prefix, limit }) => entryOf(connectionId).tree.topicsStartingWith(prefix, limit),
    getPublishLibrary: ({ connectionId }) => core.publishLibrary.library(libraryKey(entryOf(connectionId))),
    savePublish: ({ connectionId, name, message }) => core.publishLibrary.save(libraryKey(entryOf(connectionId)), name, message, Date.now()),
    deleteSavedPublish: ({ connectionId, name }) => core.publishLibrary.deleteSaved(libraryKey(entryOf(connectionId)), name),
    clearPublishHistory: ({ connectionId }) => core.publishLibrary.clearHistory(libraryKey(entryOf(connectionId))),
    getPublishingState: () => core.publishingState(),
  };
}
