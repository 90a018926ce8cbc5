// The capture's requests: which window of the packet log and the flow list a view
// shows, one packet or flow in full, and fault injection.
import type { RequestArg, RequestResults } from '../../../shared/contract';
import { UserInputError } from '../../../shared/rpc';
import type { ViewFeed } from '../view-feed';
import type { PacketCapture } from './packet-capture';

type CaptureRequest = 'viewPackets' | 'viewFlows' | 'getPacket' | 'getFlow' | 'injectFault' | 'clearFaults' | 'cutLink' | 'setCaptureLimits';
type CaptureHandlers = { [K in CaptureRequest]: (arg: RequestArg<K>) => RequestResults[K] };

export function createCaptureHandlers(capture: PacketCapture, feed: ViewFeed): CaptureHandlers {
  return {
    viewPackets: ({ start, count, filter }) => feed.setPacketView({ start, count, filter }),
    viewFlows: ({ start, count, filter }) => feed.setFlowView({ start, count, filter }),
    getPacket: ({ seq }) => {
      const stored = capture.packet(seq);
      if (!stored) return null;
      return { record: { ...stored.record }, rawBase64: Buffer.from(stored.raw).toString('base64'), protocolVersion: stored.protocolVersion };
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
    setCaptureLimits: (limits) => capture.setLimits(limits),
  };
}
