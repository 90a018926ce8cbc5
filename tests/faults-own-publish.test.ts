// The app's own QoS 1 and QoS 2 publishes on a persistent session whose connection drops
// before the broker's acknowledgement arrives: after the reconnect (Session Present 1) the
// app sends the PUBLISH or PUBREL again with the same packet id, as MQTT-4.4.0-1 asks, the
// publish request is answered, and the message reaches a subscriber, QoS 2 exactly once.
// The lost packet is dropped by the app's own fault injection, then the link is cut.
// Closing the connection while a publish waits answers that request with an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PacketRecord } from '../shared/capture-contract';
import type { PacketTypeName } from '../shared/packet-types';
import type { ProfileView } from '../shared/profile';
import type { RpcResult } from '../shared/rpc';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { startMosquitto, startMosquittoSub, type MosquittoBroker, type RunningSub } from './helpers/mosquitto';
import { waitFor } from './helpers/wait-for';

let h: CoreHarness;
let broker: MosquittoBroker;
let subscriber: RunningSub;

beforeAll(async () => {
  h = await startCore();
  broker = await startMosquitto();
  const mark = broker.log().length;
  subscriber = startMosquittoSub(['-h', '127.0.0.1', '-p', String(broker.port), '-i', 'own-publish-sub', '-t', 'own/#', '-q', '2', '-v']);
  await broker.waitForLog(/Sending SUBACK to own-publish-sub/, 'the SUBACK to mosquitto_sub', { from: mark });
});
afterAll(async () => {
  await subscriber?.kill();
  await h?.close();
  await broker?.stop();
});

const packets = (linkId: string) => [...h.core.capture.packets.values()].map((p) => p.record).filter((r: PacketRecord) => r.linkId === linkId);
const received = (topic: string) => subscriber.current().filter((line) => line.toString().startsWith(`${topic} `)).length;

async function persistentConnection(version: 4 | 5, name: string): Promise<{ connectionId: string; linkId: string }> {
  const profile = (await h.ok('saveProfile', {
    name,
    protocol: 'mqtt',
    host: '127.0.0.1',
    port: broker.port,
    protocolVersion: version,
    clean: false,
    sessionExpiryInterval: version === 5 ? 600 : null,
    reconnectPeriod: 200,
  })) as ProfileView;
  const { connectionId } = (await h.ok('connectProfile', { id: profile.id })) as { connectionId: string };
  await h.waitForStatus(connectionId, 'connected');
  return { connectionId, linkId: `conn:${connectionId}` };
}

describe.each([
  { version: 4 as const, name: '3.1.1' },
  { version: 5 as const, name: '5.0' },
])('MQTT $name, persistent session: our own publish when the connection drops before its acknowledgement', ({ version, name }) => {
  it.each([
    { qos: 1 as const, lost: 'PUBLISH' as PacketTypeName, direction: 'to-broker' as const },
    { qos: 2 as const, lost: 'PUBLISH' as PacketTypeName, direction: 'to-broker' as const },
    { qos: 2 as const, lost: 'PUBCOMP' as PacketTypeName, direction: 'to-client' as const },
  ])('QoS $qos, the $lost lost: sent again after the reconnect, answered, delivered once', async ({ qos, lost, direction }) => {
    const { connectionId, linkId } = await persistentConnection(version, `Own publish ${name} QoS ${qos} ${lost}`);
    const topic = `own/v${version}/q${qos}/${lost.toLowerCase()}`;
    await h.ok('injectFault', { linkId, direction, packetType: lost, action: 'drop', count: 1 });
    let answer: RpcResult<unknown> | null = null;
    void h.call('publish', { connectionId, topic, payload: 'once', format: 'text', qos, retain: false }).then((r) => (answer = r));
    const dropped = await waitFor(() => packets(linkId).find((r) => r.type === lost && r.fault === 'dropped'), { what: `the dropped ${lost}` });
    expect(answer).toBeNull();
    await h.ok('cutLink', { linkId });

    const settled = await waitFor(() => answer, { what: 'the publish request answered after the reconnect', timeoutMs: 15_000 });
    expect(settled).toMatchObject({ ok: true });
    expect((await h.summary(connectionId))!.connack).toMatchObject({ sessionPresent: true });
    // The lost packet went again with the same packet id after the reconnect.
    const again = packets(linkId).filter((r) => r.type === lost && r.packetId === dropped.packetId && r.seq > dropped.seq && r.fault === null);
    expect(again.length).toBe(1);
    await waitFor(() => received(topic) >= 1, { what: `${topic} at mosquitto_sub` });
    // QoS 2 once at most; QoS 1 once here too, since the first PUBLISH never reached the broker.
    await new Promise((r) => setTimeout(r, 300));
    expect(received(topic)).toBe(1);
    await h.ok('removeConnection', { connectionId });
  });

  it('closing the connection while a publish waits for its PUBACK answers it with an error', async () => {
    const { connectionId, linkId } = await persistentConnection(version, `Own publish ${name} closed`);
    await h.ok('injectFault', { linkId, direction: 'to-client', packetType: 'PUBACK', action: 'drop', count: 1 });
    const answer = h.call('publish', { connectionId, topic: `own/v${version}/closed`, payload: 'waits', format: 'text', qos: 1, retain: false });
    await waitFor(() => packets(linkId).find((r) => r.type === 'PUBACK' && r.fault === 'dropped'), { what: 'the dropped PUBACK' });
    await h.ok('disconnect', { connectionId });
    const result = await Promise.race([answer, new Promise((r) => setTimeout(() => r('no answer'), 10_000))]);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/closed before the broker acknowledged/) } });
    await h.ok('removeConnection', { connectionId });
  });
});
