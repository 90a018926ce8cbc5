// The capture's flow of a PUBLISH we just sent, so the UI can jump to its handshake.
// A connection to another broker is tapped on our side (the flow exists as soon as
// the bytes are written); one to the embedded broker is tapped at the broker, which
// may read a QoS 0 PUBLISH a moment after MQTT.js reports it sent: hence the wait.
import { performance } from 'node:perf_hooks';
import type { PacketCapture } from '../capture/packet-capture';

const waitMs = 500;
const stepMs = 10;

export interface SentPublish {
  linkId: string;
  topic: string;
  packetId: number | null;
  size: number;
  /** performance.now() just before the publish was handed to MQTT.js. */
  since: number;
}

export async function flowOfPublish(capture: PacketCapture, sent: SentPublish): Promise<number | null> {
  // Not recording: no flow will come, and waiting for one would slow every publish.
  if (!capture.enabled) return null;
  const deadline = performance.now() + waitMs;
  for (;;) {
    const id = findFlow(capture, sent);
    if (id !== null || performance.now() >= deadline) return id;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

function findFlow(capture: PacketCapture, sent: SentPublish): number | null {
  for (const flow of capture.flows.store.newestFirst()) {
    if (flow.startedAt < sent.since) return null;
    if (flow.linkId !== sent.linkId || !flow.senderIsClient || flow.topic !== sent.topic) continue;
    if (flow.packetId === sent.packetId && flow.payloadSize === sent.size) return flow.id;
  }
  return null;
}
