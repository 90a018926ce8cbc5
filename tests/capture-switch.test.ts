// Switching the capture off: packets pass without being kept (messages still arrive),
// the choice is remembered, and switching it on records again. Both capture points:
// our tap towards mosquitto and the embedded broker's tap.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../shared/contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { connectPacket, rawConnect } from './helpers/raw-mqtt';

let broker: MosquittoBroker;
let h: CoreHarness;
let external: string;

beforeAll(async () => {
  broker = await startMosquitto();
  h = await startCore({ brokerPort: await freePort() });
  external = ((await h.ok('connect', { url: broker.url, protocolVersion: 5, subscriptions: [{ filter: 'sw/#', qos: 1 }] })) as { connectionId: string }).connectionId;
  await h.waitForSubscriptions(external);
  await h.waitForStatus('embedded', 'connected');
});

afterAll(async () => {
  await h?.close();
  await broker?.stop();
});

const captured = () => h.core.capture.packets.total;

async function roundTrip(connectionId: string, topic: string): Promise<void> {
  const before = (await h.summary(connectionId))!.counters.messagesReceived;
  await h.ok('publish', { connectionId, topic, payload: 'x', format: 'text', qos: 1, retain: false });
  await expect.poll(async () => (await h.summary(connectionId))!.counters.messagesReceived, { timeout: 5000 }).toBe(before + 1);
}

describe('the capture switch', () => {
  it('off: messages flow and nothing is recorded; on again: recorded; remembered in the settings', async () => {
    await roundTrip(external, 'sw/on');
    await roundTrip('embedded', 'sw/on-embedded');
    // The last PUBACK may follow the message by a moment: the count settles first.
    await expect.poll(captured, { timeout: 5000 }).toBeGreaterThanOrEqual(8);
    await new Promise((r) => setTimeout(r, 200));
    const recorded = captured();

    await h.ok('setCaptureEnabled', { enabled: false });
    expect(((await h.ok('getAppInfo')) as AppInfo).captureEnabled).toBe(false);
    await roundTrip(external, 'sw/off');
    // No flow will be recorded, so a publish does not wait for one.
    expect(await h.ok('publish', { connectionId: external, topic: 'sw/no-flow', payload: 'x', format: 'text', qos: 1, retain: false })).toMatchObject({ flowId: null });
    await roundTrip('embedded', 'sw/off-embedded');
    expect(captured()).toBe(recorded);
    const settings = JSON.parse(fs.readFileSync(path.join(h.dataDir, 'settings.json'), 'utf8')) as { captureEnabled: boolean };
    expect(settings.captureEnabled).toBe(false);

    await h.ok('setCaptureEnabled', { enabled: true });
    await roundTrip(external, 'sw/again');
    await roundTrip('embedded', 'sw/again-embedded');
    // A PUBLISH and a PUBACK each way and leg: at least 4 more packets per round trip.
    await expect.poll(captured, { timeout: 5000 }).toBeGreaterThanOrEqual(recorded + 8);
    expect(await h.call('setCaptureEnabled', { enabled: 'no' })).toMatchObject({ ok: false, error: { field: 'enabled' } });
  });
});

describe('the link list under QoS 0 traffic', () => {
  it('is not sent again while nothing in it changes', async () => {
    const before = h.events.filter((e) => e.event === 'links').length;
    const publisher = await import('mqtt').then((m) => m.default.connectAsync(broker.url, { protocolVersion: 4 }));
    try {
      // A second of QoS 0 messages: new flows all the time, but no in-flight count moves.
      for (let i = 0; i < 100; i++) {
        await publisher.publishAsync('sw/qos0', `m${i}`, { qos: 0 });
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      await publisher.endAsync();
    }
    await new Promise((r) => setTimeout(r, 200));
    // The publisher's own connection comes and goes (outside the tap's view: it talks to mosquitto),
    // and our connection's received PUBLISHes are QoS 0 flows: nothing the list shows changed.
    expect(h.events.filter((e) => e.event === 'links').length - before).toBeLessThanOrEqual(1);
  });
});

describe('the link list under QoS 1 traffic', () => {
  it('goes out at most about four times a second while only in-flight counts move', async () => {
    const port = ((await h.ok('getAppInfo')) as AppInfo).broker!.port!;
    // A subscriber that never acknowledges: its in-flight count grows with every delivery, so the list reads differently every tick.
    const stuck = await rawConnect(port, 4);
    stuck.send(connectPacket('never-acks', 4));
    stuck.send({ cmd: 'subscribe', messageId: 1, subscriptions: [{ topic: 'sw/unacked', qos: 1 }] });
    await stuck.next((p): p is Extract<typeof p, { cmd: 'suback' }> => p.cmd === 'suback', 'SUBACK');
    const publisher = await import('mqtt').then((m) => m.default.connectAsync(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4 }));
    const before = h.events.filter((e) => e.event === 'links').length;
    const started = Date.now();
    try {
      while (Date.now() - started < 2000) {
        await publisher.publishAsync('sw/unacked', 'x', { qos: 1 });
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      await publisher.endAsync();
      stuck.end();
    }
    const elapsed = Date.now() - started;
    // One every 250 ms at most, plus the links that came and went, and the edges of the window.
    expect(h.events.filter((e) => e.event === 'links').length - before).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 3);
  });
});
