// Packet capture and QoS flows against real brokers: the embedded one (the broker's
// tap sees every client, devices included) and mosquitto (our client's tap).
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRecord, PacketRecord } from '../shared/capture-contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { mosquittoPub, startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { waitFor } from './helpers/wait-for';

let h: CoreHarness;
let brokerUrl: string;
const clients: MqttClient[] = [];

beforeAll(async () => {
  h = await startCore({ brokerPort: await freePort() });
  const info = (await h.ok('getAppInfo')) as { broker: { port: number } };
  brokerUrl = `mqtt://127.0.0.1:${info.broker.port}`;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
});
afterAll(async () => {
  await h?.close();
});

async function client(clientId: string, options: mqtt.IClientOptions = {}): Promise<MqttClient> {
  const c = await mqtt.connectAsync(brokerUrl, { clientId, reconnectPeriod: 0, ...options });
  clients.push(c);
  return c;
}

const flows = () => [...h.core.capture.flows.store.values()];
const packets = () => [...h.core.capture.packets.values()].map((p) => p.record);
const stepTypes = (f: FlowRecord) => f.steps.map((s) => `${s.fromClient ? 'c>' : 'b>'}${s.type}${s.fault ? `(${s.fault})` : ''}${s.retransmission ? '(again)' : ''}`);
const flowOn = (linkId: string, topic: string, senderIsClient: boolean) =>
  flows().find((f) => f.linkId === linkId && f.topic === topic && f.senderIsClient === senderIsClient);

describe('flows through the embedded broker', () => {
  it.each([0, 1, 2] as const)('QoS %i: both legs complete, linked as one message', async (qos) => {
    const sub = await client(`sub-q${qos}`);
    await sub.subscribeAsync(`flows/q${qos}`, { qos: 2 });
    const pub = await client(`pub-q${qos}`, { protocolVersion: 5 });
    await pub.publishAsync(`flows/q${qos}`, `hello ${qos}`, { qos });
    const expected = {
      0: { pub: ['c>PUBLISH'], sub: ['b>PUBLISH'] },
      1: { pub: ['c>PUBLISH', 'b>PUBACK'], sub: ['b>PUBLISH', 'c>PUBACK'] },
      2: { pub: ['c>PUBLISH', 'b>PUBREC', 'c>PUBREL', 'b>PUBCOMP'], sub: ['b>PUBLISH', 'c>PUBREC', 'b>PUBREL', 'c>PUBCOMP'] },
    }[qos];
    const publisherLeg = await waitFor(() => {
      const f = flowOn(`broker:pub-q${qos}`, `flows/q${qos}`, true);
      return f?.state === 'complete' ? f : null;
    }, { what: `the publisher's QoS ${qos} flow to complete` });
    const delivery = await waitFor(() => {
      const f = flowOn(`broker:sub-q${qos}`, `flows/q${qos}`, false);
      return f?.state === 'complete' ? f : null;
    }, { what: `the delivery's QoS ${qos} flow to complete` });
    expect(stepTypes(publisherLeg)).toEqual(expected.pub);
    expect(stepTypes(delivery)).toEqual(expected.sub);
    expect(publisherLeg.qos).toBe(qos);
    expect(publisherLeg.payloadSize).toBe(`hello ${qos}`.length);
    expect(publisherLeg.messageId).not.toBeNull();
    expect(delivery.messageId).toBe(publisherLeg.messageId);
    // Times are monotonic and steps are in order.
    const times = publisherLeg.steps.map((s) => s.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(publisherLeg.retransmissions).toBe(0);
    expect(publisherLeg.deviations).toEqual([]);
  });

  it("records packets of an external client (mosquitto_pub) at the broker's tap", async () => {
    const port = new URL(brokerUrl).port;
    await mosquittoPub(['-h', '127.0.0.1', '-p', port, '-i', 'external-pub', '-t', 'external/topic', '-m', 'from outside', '-q', '1', '-V', 'mqttv5']);
    const mine = await waitFor(() => {
      const list = packets().filter((p) => p.linkId === 'broker:external-pub');
      return list.some((p) => p.type === 'DISCONNECT') ? list : null;
    }, { what: "mosquitto_pub's DISCONNECT" });
    expect(mine.map((p) => `${p.fromClient ? 'c>' : 'b>'}${p.type}`)).toEqual(['c>CONNECT', 'b>CONNACK', 'c>PUBLISH', 'b>PUBACK', 'c>DISCONNECT']);
    const publish = mine[2];
    expect(publish).toMatchObject({ topic: 'external/topic', qos: 1, dup: false, retain: false, error: null });
    expect(mine[3].packetId).toBe(publish.packetId);
    const link = await waitFor(() => h.core.capture.linkList().find((l) => l.id === 'broker:external-pub' && !l.connected), {
      what: 'the link to show as disconnected',
    });
    expect(link).toMatchObject({ kind: 'broker-client', protocolVersion: 5, label: 'external-pub' });
    // Raw bytes are what went over the wire: the fixed header says PUBLISH, QoS 1.
    const raw = h.core.capture.packet(publish.seq)!.raw;
    expect(raw[0]).toBe(0x32);
    expect(raw.length).toBe(publish.size);
  });
});

describe('faults and retransmissions (persistent sessions)', () => {
  it('a dropped PUBACK and a reconnect give a retransmission flow, flagged for its missing DUP', async () => {
    const sub = await client('retx-sub');
    await sub.subscribeAsync('retx/q1', { qos: 1 });
    const received: string[] = [];
    sub.on('message', (_t, p) => received.push(p.toString()));
    const pub = await client('retx-pub', { clean: false, reconnectPeriod: 200 });
    await h.ok('injectFault', { linkId: 'broker:retx-pub', direction: 'to-client', packetType: 'PUBACK', action: 'drop', count: 1 });
    const acked = pub.publishAsync('retx/q1', 'once, at least', { qos: 1 });
    const flow = await waitFor(() => flowOn('broker:retx-pub', 'retx/q1', true), { what: 'the QoS 1 flow' });
    await waitFor(() => (flow.steps.some((s) => s.fault === 'dropped') ? true : null), { what: 'the dropped PUBACK' });
    expect(flow.state).toBe('in-flight');
    expect(flow.waitingFor).toBe('PUBACK');
    await h.ok('cutLink', { linkId: 'broker:retx-pub' });
    await acked;
    await waitFor(() => (flow.state === 'complete' ? true : null), { what: 'the flow to complete after the reconnect' });
    expect(stepTypes(flow)).toEqual(['c>PUBLISH', 'b>PUBACK(dropped)', 'c>PUBLISH(again)', 'b>PUBACK']);
    expect(flow.retransmissions).toBe(1);
    // MQTT.js resends without DUP (a known upstream issue): shown, and flagged with the clause.
    // Should MQTT.js start setting DUP, this fails and the expectation changes to no deviation.
    expect(flow.steps[2].dup).toBe(false);
    expect(flow.deviations.map((d) => d.clause)).toEqual(['MQTT-3.3.1-1']);
    expect(flow.steps[2].at).toBeGreaterThan(flow.steps[1].at);
    // QoS 1 is "at least once": the subscriber may get it twice, never zero times.
    await waitFor(() => (received.length >= 1 ? true : null), { what: 'the delivery' });
  });

  it('a dropped PUBREC and a reconnect complete the QoS 2 flow without a duplicate delivery', async () => {
    const sub = await client('exactly-sub');
    await sub.subscribeAsync('exactly/q2', { qos: 2 });
    const received: string[] = [];
    sub.on('message', (_t, p) => received.push(p.toString()));
    const pub = await client('exactly-pub', { clean: false, reconnectPeriod: 200 });
    await h.ok('injectFault', { linkId: 'broker:exactly-pub', direction: 'to-client', packetType: 'PUBREC', action: 'drop', count: 1 });
    const done = pub.publishAsync('exactly/q2', 'exactly once', { qos: 2 });
    const flow = await waitFor(() => flowOn('broker:exactly-pub', 'exactly/q2', true), { what: 'the QoS 2 flow' });
    await waitFor(() => (flow.steps.some((s) => s.fault === 'dropped') ? true : null), { what: 'the dropped PUBREC' });
    await h.ok('cutLink', { linkId: 'broker:exactly-pub' });
    await done;
    await waitFor(() => (flow.state === 'complete' ? true : null), { what: 'the QoS 2 flow to complete' });
    expect(stepTypes(flow)).toEqual(['c>PUBLISH', 'b>PUBREC(dropped)', 'c>PUBLISH(again)', 'b>PUBREC', 'c>PUBREL', 'b>PUBCOMP']);
    // Give a duplicate time to arrive before counting: a marker published after it must arrive alone after.
    await pub.publishAsync('exactly/q2', 'marker', { qos: 2 });
    await waitFor(() => (received.includes('marker') ? true : null), { what: 'the marker' });
    expect(received).toEqual(['exactly once', 'marker']);
  });

  it('an interrupted flow of a clean session is abandoned when the client comes back without a session', async () => {
    const pub = await client('abandon-pub', { clean: true, reconnectPeriod: 0 });
    await h.ok('injectFault', { linkId: 'broker:abandon-pub', direction: 'to-client', packetType: 'PUBACK', action: 'drop', count: 1 });
    pub.publish('abandon/q1', 'lost', { qos: 1 });
    const flow = await waitFor(() => flowOn('broker:abandon-pub', 'abandon/q1', true), { what: 'the flow' });
    await waitFor(() => (flow.steps.length === 2 ? true : null), { what: 'the dropped PUBACK' });
    await h.ok('cutLink', { linkId: 'broker:abandon-pub' });
    await waitFor(() => (flow.state === 'interrupted' ? true : null), { what: 'interrupted' });
    await client('abandon-pub', { clean: true });
    await waitFor(() => (flow.state === 'abandoned' ? true : null), { what: 'abandoned' });
  });

  it('a delayed PUBCOMP arrives late by the delay asked for', async () => {
    const pub = await client('delay-pub');
    await h.ok('injectFault', { linkId: 'broker:delay-pub', direction: 'to-client', packetType: 'PUBCOMP', action: 'delay', count: 1, delayMs: 400 });
    await pub.publishAsync('delay/q2', 'slow', { qos: 2 });
    const flow = flowOn('broker:delay-pub', 'delay/q2', true)!;
    expect(stepTypes(flow)).toEqual(['c>PUBLISH', 'b>PUBREC', 'c>PUBREL', 'b>PUBCOMP(delayed)']);
    expect(flow.steps[3].at - flow.steps[2].at).toBeGreaterThanOrEqual(380);
  });

  it('refuses faults on links it does not know and delays without a duration', async () => {
    const unknown = await h.call('injectFault', { linkId: 'broker:nobody', direction: 'to-client', packetType: 'PUBACK', action: 'drop', count: 1 });
    expect(unknown).toMatchObject({ ok: false, error: { field: 'linkId' } });
    await client('fault-args');
    const noDelay = await h.call('injectFault', { linkId: 'broker:fault-args', direction: 'to-client', packetType: 'PUBACK', action: 'delay', count: 1 });
    expect(noDelay).toMatchObject({ ok: false, error: { field: 'delayMs' } });
  });
});

describe("our client's tap against mosquitto", () => {
  let mosquitto: MosquittoBroker;
  beforeAll(async () => {
    mosquitto = await startMosquitto();
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });

  it.each([4, 5] as const)('captures every packet of a session and groups QoS 0, 1 and 2 flows (protocol %i)', async (version) => {
    const { connectionId } = (await h.ok('connect', {
      url: mosquitto.url,
      protocolVersion: version,
      clientId: `tap-${version}`,
      subscriptions: [{ filter: `tap${version}/#`, qos: 2 }],
    })) as { connectionId: string };
    await h.waitForSubscriptions(connectionId);
    for (const qos of [0, 1, 2]) await h.ok('publish', { connectionId, topic: `tap${version}/q${qos}`, payload: `p${qos}`, format: 'text', qos, retain: false });
    const linkId = `conn:${connectionId}`;
    const sent = await waitFor(() => {
      const out = [0, 1, 2].map((q) => flowOn(linkId, `tap${version}/q${q}`, true));
      const back = [0, 1, 2].map((q) => flowOn(linkId, `tap${version}/q${q}`, false));
      return [...out, ...back].every((f) => f?.state === 'complete') ? { out: out as FlowRecord[], back: back as FlowRecord[] } : null;
    }, { what: 'six complete flows against mosquitto' });
    expect(sent.out.map(stepTypes)).toEqual([['c>PUBLISH'], ['c>PUBLISH', 'b>PUBACK'], ['c>PUBLISH', 'b>PUBREC', 'c>PUBREL', 'b>PUBCOMP']]);
    expect(sent.back.map(stepTypes)).toEqual([['b>PUBLISH'], ['b>PUBLISH', 'c>PUBACK'], ['b>PUBLISH', 'c>PUBREC', 'b>PUBREL', 'c>PUBCOMP']]);
    const types = new Set(packets().filter((p: PacketRecord) => p.linkId === linkId).map((p) => p.type));
    for (const t of ['CONNECT', 'CONNACK', 'SUBSCRIBE', 'SUBACK']) expect(types).toContain(t);
    expect(h.core.capture.linkList().find((l) => l.id === linkId)).toMatchObject({ kind: 'connection', connectionId, protocolVersion: version, connected: true });
    await h.ok('removeConnection', { connectionId });
  });
});

describe("the server's Receive Maximum", () => {
  let limited: MosquittoBroker;
  beforeAll(async () => {
    // mosquitto sends max_inflight_messages as Receive Maximum to 5.0 clients and refuses
    // QoS 2 PUBLISHes beyond it with PUBREC 0x97 (Quota exceeded).
    limited = await startMosquitto({ extraConfig: ['max_inflight_messages 2'] });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  it('is honoured for outgoing QoS 2: ten at once are sent two at a time, and none is refused', async () => {
    const { connectionId } = (await h.ok('connect', { url: limited.url, protocolVersion: 5, clientId: 'window-5', subscriptions: [] })) as {
      connectionId: string;
    };
    await h.waitForStatus(connectionId, 'connected');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => h.call('publish', { connectionId, topic: `window/${i}`, payload: `m${i}`, format: 'text', qos: 2, retain: false })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const linkId = `conn:${connectionId}`;
    const sent = flows().filter((f) => f.linkId === linkId && f.senderIsClient && f.topic.startsWith('window/'));
    expect(sent).toHaveLength(10);
    expect(sent.every((f) => f.state === 'complete' && f.steps.every((s) => s.reasonCode === null || s.reasonCode < 0x80))).toBe(true);
    // Never more than two handshakes open at any moment, as read from the wire.
    const events = sent.flatMap((f) => [
      { at: f.startedAt, delta: 1 },
      { at: f.endedAt!, delta: -1 },
    ]);
    events.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let open = 0;
    let most = 0;
    for (const e of events) most = Math.max(most, (open += e.delta));
    expect(most).toBe(2);
    expect(h.core.capture.linkList().find((l) => l.id === linkId)?.receiveMaximum).toEqual({ toBroker: 2, toClient: null });
    await h.ok('removeConnection', { connectionId });
  });
});
