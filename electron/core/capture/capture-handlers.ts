// The capture's requests: which window of the packet log and the flow list a view
// shows, one packet or flow in full, and fault injection.
import type { RequestArg, RequestResults } from '../../../shared/contract';
import { UserInputError } from '../../../shared/rpc';
import type { ViewFeed } from '../view-feed';
import type { PacketCapture } from './packet-capture';
import type { ScopeCore } from '../scope-core';
import { performance } from 'node:perf_hooks';

type CaptureRequest =
  | 'viewPackets'
  | 'viewFlows'
  | 'getPacket'
  | 'getFlow'
  | 'injectFault'
  | 'clearFaults'
  | 'cutLink'
  | 'setCaptureLimits'
  | 'setCaptureEnabled'
  | 'findFlow'
  | 'runScenario';
type CaptureHandlers = { [K in CaptureRequest]: (arg: RequestArg<K>) => RequestResults[K] | Promise<RequestResults[K]> };

/** A delivery's flow starts before MQTT.js hands the message over; history times are wall-clock, flows monotonic. */
const matchToleranceMs = 50;

export function createCaptureHandlers(core: ScopeCore, feed: ViewFeed): CaptureHandlers {
  const capture: PacketCapture = core.capture;
  return {
    viewPackets: ({ start, count, filter }) => feed.setPacketView({ start, count, filter }),
    viewFlows: ({ start, count, filter }) => feed.setFlowView({ start, count, filter }),
    getPacket: ({ seq }) => {
      const stored = capture.packet(seq);
      if (!stored) return null;
      return { record: stored.record, rawBase64: Buffer.from(stored.raw).toString('base64'), protocolVersion: stored.protocolVersion };
    },
    getFlow: ({ id }) => {
      const flow = capture.flow(id);
      return flow ? { ...flow, steps: [...flow.steps], deviations: [...flow.deviations] } : null;
    },
    injectFault: (request) => {
      if (request.action === 'delay' && !request.delayMs) throw new UserInputError('A delay needs a duration in milliseconds.', 'delayMs');
      capture.injectFault(request);
    },
    clearFaults: ({ linkId }) => capture.clearFaults(linkId),
    cutLink: ({ linkId }) => capture.cutLink(linkId),
    setCaptureLimits: (limits) => core.setCaptureLimits(limits),
    setCaptureEnabled: ({ enabled }) => core.setCaptureEnabled(enabled),
    findFlow: ({ connectionId, topic, seq }) => {
      const entry = core.connection(connectionId);
      if (!entry) throw new UserInputError(`No connection with id ${connectionId}.`, 'connectionId');
      const message = entry.tree.find(topic)?.history?.get(seq);
      if (!message) return null;
      const receivedAt = message.receivedAt - performance.timeOrigin;
      for (const flow of capture.flows.store.newestFirst()) {
        if (flow.linkId !== entry.linkId || flow.senderIsClient || flow.topic !== topic) continue;
        if (flow.payloadSize === message.payload.length && flow.startedAt <= receivedAt + matchToleranceMs) {
          return { ...flow, steps: [...flow.steps], deviations: [...flow.deviations] };
        }
      }
      return null;
    },
    runScenario: ({ qos }) => core.runScenario(qos),
  };
}
