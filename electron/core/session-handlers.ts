// The request handlers of one view. Arguments arrive already checked against the
// contract's schemas (dispatchRequest); here go the checks that need MQTT rules,
// each failing with the field it concerns so the UI can say it at that field.
import { randomBytes } from 'node:crypto';
import { parseBrokerUrl } from '../../shared/broker-url';
import type { RequestArg } from '../../shared/contract';
import { UserInputError, type RequestHandlers } from '../../shared/rpc';
import { mqttStringProblem } from '../../shared/mqtt-string';
import { topicFilterProblem } from '../../shared/topic';
import type { ConnectionEntry } from './connection-entry';
import type { ScopeCore } from './scope-core';
import { expandablePathsUnder } from './tree-window';
import type { ViewFeed } from './view-feed';
import { createCaptureHandlers } from './capture/capture-handlers';
import { createProfileHandlers } from './profiles/profile-handlers';
import { createPublishHandlers } from './publish/publish-handlers';
import { createRetainedHandlers } from './retained/retained-handlers';
import { createSeriesHandlers } from './series/series-handlers';
import { createDecoderHandlers } from './decoders/decoder-handlers';
import { createSysHandlers } from './sys/sys-handlers';
import { payloadHeadBase64 } from './decoders/payload-part';

export function createSessionHandlers(core: ScopeCore, feed: ViewFeed): RequestHandlers {
  const entryOf = (connectionId: string): ConnectionEntry => {
    const entry = core.connection(connectionId);
    if (!entry) throw new UserInputError(`No connection with id ${connectionId}; it may have been removed.`, 'connectionId');
    return entry;
  };

  return {
    getAppInfo: () => core.appInfo(),
    listConnections: () => core.connectionSummaries(),

    connect: (req: RequestArg<'connect'>) => {
      const parsed = parseBrokerUrl(req.url);
      if (!parsed.ok) throw new UserInputError(parsed.problem, 'url');
      const subscriptions = req.subscriptions ?? [{ filter: '#', qos: 2 as const }];
      subscriptions.forEach((s, i) => {
        const problem = topicFilterProblem(s.filter);
        if (problem) throw new UserInputError(problem, `subscriptions.${i}.filter`);
      });
      for (const [field, what] of [['clientId', 'The client id'], ['username', 'The user name']] as const) {
        const problem = mqttStringProblem(req[field] ?? '', what);
        if (problem) throw new UserInputError(problem, field);
      }
      const address = { ...parsed.address };
      if (req.username) address.username = req.username;
      if (req.password) address.password = req.password;
      const entry = core.addConnection({
        name: req.name?.trim() || `${address.host}:${address.port}`,
        address,
        protocolVersion: req.protocolVersion,
        clientId: req.clientId?.trim() || `mqtt-scope-${randomBytes(4).toString('hex')}`,
        embedded: false,
        subscriptions,
      });
      return { connectionId: entry.id };
    },
    disconnect: async ({ connectionId }: RequestArg<'disconnect'>) => entryOf(connectionId).connection.stop(),
    reconnect: async ({ connectionId }: RequestArg<'reconnect'>) => entryOf(connectionId).connection.restart(),
    removeConnection: async ({ connectionId }: RequestArg<'removeConnection'>) => {
      entryOf(connectionId);
      await core.removeConnection(connectionId);
    },

    subscribe: async ({ connectionId, filter, qos, noLocal, retainAsPublished, retainHandling, subscriptionIdentifier }: RequestArg<'subscribe'>) => {
      const problem = topicFilterProblem(filter);
      if (problem) throw new UserInputError(problem, 'filter');
      if (noLocal && filter.startsWith('$share/')) throw new UserInputError('No Local cannot be set on a shared subscription ($share/...).', 'noLocal');
      const options = {
        qos,
        nl: noLocal ?? false,
        rap: retainAsPublished ?? false,
        rh: retainHandling ?? 0,
        ...(subscriptionIdentifier ? { properties: { subscriptionIdentifier } } : {}),
      };
      await entryOf(connectionId).connection.subscribe(filter, qos, options);
    },
    unsubscribe: async ({ connectionId, filter }: RequestArg<'unsubscribe'>) => entryOf(connectionId).connection.unsubscribe(filter),

    viewTree: ({ connectionId, start, count }: RequestArg<'viewTree'>) => {
      entryOf(connectionId);
      feed.setWindow(connectionId, start, count);
    },
    setExpanded: ({ connectionId, path, expanded, recursive }: RequestArg<'setExpanded'>) => {
      const node = entryOf(connectionId).tree.find(path);
      const paths = recursive && node ? expandablePathsUnder(node) : [path];
      feed.setExpanded(connectionId, paths, expanded);
    },
    selectTopic: ({ connectionId, topic }: RequestArg<'selectTopic'>) => {
      entryOf(connectionId);
      feed.select(connectionId, topic);
    },
    getMessage: ({ connectionId, topic, seq }: RequestArg<'getMessage'>) => {
      const message = entryOf(connectionId).tree.find(topic)?.history?.get(seq);
      if (!message) return null;
      return {
        seq: message.seq,
        topic,
        receivedAt: message.receivedAt,
        qos: message.qos,
        retain: message.retain,
        size: message.payload.length,
        // A 256 MB payload is not sent whole: its head, and the rest by getPayloadPart.
        payloadBase64: payloadHeadBase64(message.payload),
      };
    },

    setDemo: async ({ enabled }: RequestArg<'setDemo'>) => {
      if (enabled && !core.appInfo().demo.available) throw new UserInputError('The demo devices need the embedded broker, which is not running.', 'enabled');
      await core.setDemo(enabled);
    },
    setHistoryLimits: (limits: RequestArg<'setHistoryLimits'>) => core.setHistoryLimits(limits),
    ...createCaptureHandlers(core, feed),
    ...createProfileHandlers(core),
    ...createPublishHandlers(core, entryOf),
    ...createRetainedHandlers(core.retainedOps, entryOf, (entry) => core.retainedOrigins(entry), () => core.retainedState()),
    getBrokerSettings: () => core.brokerSettingsView(),
    saveBrokerSettings: ({ settings }: RequestArg<'saveBrokerSettings'>) => core.saveBrokerSettings(settings),
    ...createSeriesHandlers(feed.series, entryOf),
    ...createDecoderHandlers(core.dataDir, entryOf),
    ...createSysHandlers(entryOf),
  };
}
