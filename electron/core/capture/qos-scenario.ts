// Guided scenarios, one per QoS level, on the embedded broker: a publisher and a
// subscriber with persistent sessions, one lost packet, one pulled cable, and a
// plain account of what the protocol did about it, measured from the capture.
import mqtt, { type MqttClient } from 'mqtt';
import type { FlowRecord, ScenarioReport } from '../../../shared/capture-contract';
import type { Qos } from '../../../shared/contract';
import type { PacketCapture } from './packet-capture';

const stepTimeoutMs = 10_000;

export async function runQosScenario(capture: PacketCapture, brokerUrl: string, qos: Qos, credentials: { username: string; password: string }): Promise<ScenarioReport> {
  const run = Date.now().toString(36);
  const topic = `scope-scenario/qos${qos}/${run}`;
  const pubId = `scenario-q${qos}-publisher-${run}`;
  const subId = `scenario-q${qos}-subscriber-${run}`;
  const pubLink = `broker:${pubId}`;
  const subLink = `broker:${subId}`;
  const clients: MqttClient[] = [];
  const connect = async (clientId: string) => {
    const c = await mqtt.connectAsync(brokerUrl, { clientId, ...credentials, clean: false, reconnectPeriod: 300, protocolVersion: 4 });
    clients.push(c);
    return c;
  };
  try {
    const subscriber = await connect(subId);
    const deliveries: string[] = [];
    subscriber.on('message', (t, p) => t === topic && deliveries.push(p.toString()));
    await subscriber.subscribeAsync(topic, { qos: 2 });
    const publisher = await connect(pubId);
    const payload = `reading ${new Date().toISOString()}`;
    const steps: string[] = [];

    if (qos === 0) {
      capture.injectFault({ linkId: subLink, direction: 'to-client', packetType: 'PUBLISH', action: 'drop', count: 1 });
      await publisher.publishAsync(topic, payload, { qos: 0 });
      steps.push('The publisher sent PUBLISH with QoS 0 to the broker. At QoS 0 nothing comes back: no acknowledgement, no packet id.');
      const delivery = await waitForFlow(capture, (f) => f.linkId === subLink && f.topic === topic && !f.senderIsClient, 'the delivery to the subscriber');
      steps.push(`The broker forwarded it to the subscriber, and we dropped that packet on the way (flow #${delivery.id}).`);
      capture.cutLink(subLink);
      await waitForReconnect(capture, subLink);
      steps.push('We pulled the subscriber\u2019s cable; it reconnected with its session.');
      await settle(deliveries);
      steps.push(`Nothing was sent again. The subscriber received the message ${times(deliveries.length)}.`);
      return report(qos, steps, 'QoS 0 is "at most once": nobody keeps a copy, so a packet lost on the way is a message lost for good.', [pubLink, subLink], topic, capture);
    }

    const ack = qos === 1 ? 'PUBACK' : 'PUBREC';
    capture.injectFault({ linkId: pubLink, direction: 'to-client', packetType: ack, action: 'drop', count: 1 });
    const published = publisher.publishAsync(topic, payload, { qos });
    const flow = await waitForFlow(capture, (f) => f.linkId === pubLink && f.topic === topic && f.senderIsClient && f.steps.some((s) => s.fault === 'dropped'), `the dropped ${ack}`);
    steps.push(`The publisher sent PUBLISH (QoS ${qos}, packet id ${flow.packetId}). The broker answered ${ack}, and we dropped it: the publisher never learnt that the broker has the message.`);
    steps.push(qos === 1 ? 'Meanwhile the broker had already delivered the message to the subscriber.' : 'The broker holds the message, but under QoS 2 it remembers the packet id until the handshake ends.');
    capture.cutLink(pubLink);
    steps.push('We pulled the publisher\u2019s cable. MQTT.js does not resend on a timer, only after a reconnect.');
    await published;
    const done = await waitForFlow(capture, (f) => f.id === flow.id && f.state === 'complete', 'the flow to complete');
    const resent = done.steps.find((s) => s.retransmission && s.type === 'PUBLISH');
    steps.push(
      `After reconnecting with its session, the publisher sent the PUBLISH again with the same packet id${resent && !resent.dup ? ', without setting DUP (a deviation from MQTT-3.3.1-1, flagged on the flow)' : ''}.`,
    );
    steps.push(qos === 1 ? 'The broker took it as a new message, delivered it and answered PUBACK.' : 'The broker recognised the packet id, answered PUBREC without delivering again, and PUBREL and PUBCOMP closed the handshake.');
    await settle(deliveries);
    steps.push(`The subscriber received the message ${times(deliveries.length)}.`);
    const conclusion =
      qos === 1
        ? 'QoS 1 is "at least once": the message survives a lost acknowledgement, but it may arrive twice. Receivers must cope with duplicates.'
        : 'QoS 2 is "exactly once": the packet id makes the broker recognise the resend, so the lost PUBREC costs one more round trip and no duplicate.';
    return report(qos, steps, conclusion, [pubLink, subLink], topic, capture);
  } finally {
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
  }
}

function report(qos: Qos, steps: string[], conclusion: string, linkIds: string[], topic: string, capture: PacketCapture): ScenarioReport {
  const flowIds = [...capture.flows.store.values()].filter((f) => f.topic === topic).map((f) => f.id);
  return { title: `QoS ${qos}: ${['at most once', 'at least once', 'exactly once'][qos]}`, steps, conclusion, linkIds, topic, flowIds };
}

function times(n: number): string {
  return n === 0 ? 'zero times' : n === 1 ? 'once' : `${n} times`;
}

async function waitForFlow(capture: PacketCapture, predicate: (f: FlowRecord) => boolean, what: string): Promise<FlowRecord> {
  const deadline = Date.now() + stepTimeoutMs;
  while (Date.now() < deadline) {
    for (const f of capture.flows.store.newestFirst()) if (predicate(f)) return f;
    await sleep(20);
  }
  throw new Error(`The scenario stopped: no sign of ${what} within ${stepTimeoutMs / 1000} s.`);
}

async function waitForReconnect(capture: PacketCapture, linkId: string): Promise<void> {
  const deadline = Date.now() + stepTimeoutMs;
  await sleep(50);
  while (Date.now() < deadline) {
    if (capture.linkList().find((l) => l.id === linkId)?.connected) return;
    await sleep(20);
  }
  throw new Error(`The scenario stopped: ${linkId} did not reconnect within ${stepTimeoutMs / 1000} s.`);
}

/** Deliveries arrive asynchronously; a late duplicate would show within this time on loopback. */
async function settle(deliveries: string[]): Promise<void> {
  let seen = -1;
  while (seen !== deliveries.length) {
    seen = deliveries.length;
    await sleep(300);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
