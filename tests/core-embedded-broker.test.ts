// The embedded broker (Aedes inside the core) as other MQTT software sees it:
// MQTT.js clients speaking 3.1.1 and 5.0, and Debian's mosquitto_pub/mosquitto_sub
// in both versions, exchange messages through it while the app's own embedded
// connection shows them in its tree; a taken port moves the broker and says why.
import mqtt, { type IClientPublishOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, ConnectionSummary, MessageDetail, Qos } from '../shared/contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort, holdPort } from './helpers/free-port';
import { mosquittoPub, startMosquittoSub } from './helpers/mosquitto';
import { waitFor } from './helpers/wait-for';

interface Received {
  topic: string;
  payload: Buffer;
  qos: Qos;
  retain: boolean;
}

let h: CoreHarness;
let brokerPort: number;
const clients: MqttClient[] = [];

beforeAll(async () => {
  brokerPort = await freePort();
  h = await startCore({ brokerPort });
  await h.waitForSubscriptions('embedded');
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
  await h?.close();
});

async function client(protocolVersion: 4 | 5, clientId: string): Promise<{ client: MqttClient; received: Received[] }> {
  const c = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, protocolVersion, clientId, reconnectPeriod: 0, connectTimeout: 5000 });
  clients.push(c);
  const received: Received[] = [];
  c.on('message', (topic, payload, packet) => received.push({ topic, payload: Buffer.from(payload), qos: packet.qos, retain: packet.retain }));
  return { client: c, received };
}

describe('the embedded broker', () => {
  it('is running on the requested port, and the app is connected to it', async () => {
    const info = (await h.ok('getAppInfo')) as AppInfo;
    expect(info.broker).toMatchObject({ host: '127.0.0.1', port: brokerPort, state: 'running', note: null, clients: 1 });
    expect(info.demo).toEqual({ enabled: false, available: true, devices: 0 });
    const embedded = (await h.summary('embedded'))!;
    expect(embedded).toMatchObject({
      id: 'embedded',
      embedded: true,
      url: `mqtt://127.0.0.1:${brokerPort}`,
      protocolVersion: 5,
      status: { kind: 'connected' },
      subscriptions: [{ filter: '#', requestedQos: 2, state: 'granted', grantedQos: 2, reason: null }],
    });
    // The same info went out as the 'app' event.
    await waitFor(() => h.latest('app')?.broker?.port === brokerPort, { what: "an 'app' event with the broker port" });
  });

  it('lets an MQTT 3.1.1 client and an MQTT 5.0 client exchange messages both ways', async () => {
    const c4 = await client(4, 'emb-v4');
    const c5 = await client(5, 'emb-v5');
    expect((await c4.client.subscribeAsync('emb/to4', { qos: 2 }))[0].qos).toBe(2);
    expect((await c5.client.subscribeAsync('emb/to5', { qos: 2 }))[0].qos).toBe(2);
    await waitFor(async () => ((await h.ok('getAppInfo')) as AppInfo).broker?.clients === 3, { what: 'the broker to count 3 clients' });

    const to5 = Buffer.from([0x7b, 0x00, 0xff, 0xc3, 0xa9, 0x0a]);
    const to4 = Buffer.from('from five: ünïcode ✓', 'utf8');
    await c4.client.publishAsync('emb/to5', to5, { qos: 1 } satisfies IClientPublishOptions);
    await c5.client.publishAsync('emb/to4', to4, { qos: 2, properties: { contentType: 'text/plain' } });

    await waitFor(() => c5.received.length >= 1 && c4.received.length >= 1, { what: 'each client to receive the other one\'s message' });
    expect(c5.received).toHaveLength(1);
    expect(c5.received[0]).toMatchObject({ topic: 'emb/to5', qos: 1, retain: false });
    expect(c5.received[0].payload.equals(to5)).toBe(true);
    expect(c4.received).toHaveLength(1);
    expect(c4.received[0]).toMatchObject({ topic: 'emb/to4', qos: 2, retain: false });
    expect(c4.received[0].payload.equals(to4)).toBe(true);

    // The app's embedded connection (subscribed to # at QoS 2) saw both, at the publishers' QoS.
    const row5 = await h.waitForTreeRow('embedded', 'emb/to5', (r) => r.ownMessageCount === 1);
    expect(row5).toMatchObject({ previewFormat: 'binary', preview: '7b 00 ff c3 a9 0a', retained: false });
    const row4 = await h.waitForTreeRow('embedded', 'emb/to4', (r) => r.ownMessageCount === 1);
    expect(row4).toMatchObject({ previewFormat: 'text', preview: 'from five: ünïcode ✓' });
    const emb = await h.waitForTreeRow('embedded', 'emb', (r) => r.messageCount === 2);
    expect(emb).toMatchObject({ topicCount: 2, childCount: 2 });
    const history = await h.waitForHistory('embedded', 'emb/to4', (v) => v.entries.length === 1);
    expect(history.entries[0]).toMatchObject({ seq: 0, qos: 2, retain: false, size: to4.length });
    const h5 = await h.waitForHistory('embedded', 'emb/to5', (v) => v.entries.length === 1);
    expect(h5.entries[0]).toMatchObject({ seq: 0, qos: 1, retain: false, size: 6, format: 'binary' });
    const detail = (await h.ok('getMessage', { connectionId: 'embedded', topic: 'emb/to5', seq: 0 })) as MessageDetail;
    expect(Buffer.from(detail.payloadBase64, 'base64').equals(to5)).toBe(true);

    await c4.client.endAsync();
    await c5.client.endAsync();
    await waitFor(async () => ((await h.ok('getAppInfo')) as AppInfo).broker?.clients === 1, { what: 'the broker to count 1 client again' });
  });

  for (const version of ['mqttv311', 'mqttv5'] as const) {
    it(`works with mosquitto_pub and mosquitto_sub -V ${version}`, async () => {
      const base = ['-h', '127.0.0.1', '-p', String(brokerPort), '-V', version];
      const ready = `emb/cli/${version}/ready`;
      const topic = `emb/cli/${version}/data`;
      const fromCli = `from mosquitto_pub ${version}: größe 42`;
      const fromApp = `from the app ${version}: ✓`;
      // mosquitto_sub does not flush its -d lines into a pipe, so the retained marker tells us it is subscribed:
      // both filters travel in one SUBSCRIBE, and the retained message comes after it is in place.
      await mosquittoPub([...base, '-r', '-q', '1', '-t', ready, '-m', 'ready']);
      const sub = startMosquittoSub([...base, '-t', ready, '-t', topic, '-q', '2', '-C', '3', '-W', '10', '-v']);
      try {
        const first = await sub.waitForMessages(1);
        expect(first[0].toString('utf8')).toBe(`${ready} ready`);
        await mosquittoPub([...base, '-q', '1', '-t', topic, '-m', fromCli]);
        await sub.waitForMessages(2);
        expect(await h.call('publish', { connectionId: 'embedded', topic, payload: fromApp, format: 'text', qos: 2, retain: false })).toMatchObject({ ok: true, value: { flowId: expect.any(Number) } });
        const done = await sub.done;
        expect(done.code, done.stderr).toBe(0);
        expect(done.messages.map((m) => m.toString('hex'))).toEqual(
          [`${ready} ready`, `${topic} ${fromCli}`, `${topic} ${fromApp}`].map((line) => Buffer.from(line, 'utf8').toString('hex')),
        );
      } finally {
        await sub.kill();
        await mosquittoPub([...base, '-r', '-n', '-t', ready]);
      }

      // The app sees what mosquitto_pub sent, and its own message too (it is subscribed to #).
      const row = await h.waitForTreeRow('embedded', topic, (r) => r.ownMessageCount === 2);
      expect(row).toMatchObject({ preview: fromApp, retained: false });
      const history = await h.waitForHistory('embedded', topic, (v) => v.entries.length === 2);
      expect(history.entries.map((e) => [e.seq, e.qos, e.retain, e.size, e.preview])).toEqual([
        [1, 2, false, Buffer.byteLength(fromApp), fromApp],
        [0, 1, false, Buffer.byteLength(fromCli), fromCli],
      ]);
      const readyRow = await h.waitForTreeRow('embedded', ready, (r) => r.ownMessageCount >= 1);
      expect(readyRow.ownMessageCount).toBeGreaterThanOrEqual(1);
    });
  }

  it('moves to a free port when the requested one is taken, and says so', async () => {
    const held = await holdPort();
    let other: CoreHarness | null = null;
    try {
      other = await startCore({ brokerPort: held.port });
      const info = (await other.ok('getAppInfo')) as AppInfo;
      const port = info.broker!.port!;
      expect(port).toBeGreaterThan(0);
      expect(port).not.toBe(held.port);
      expect(info.broker).toMatchObject({ host: '127.0.0.1', port, state: 'running', note: `Port ${held.port} was taken, so the broker listens on ${port}.`, clients: expect.any(Number) });
      expect(other.logLines).toContain(`Embedded broker: mqtt://127.0.0.1:${port} (Port ${held.port} was taken, so the broker listens on ${port}.)`);

      // The app's own connection follows the broker to its new port.
      const embedded: ConnectionSummary = await other.waitForStatus('embedded', 'connected');
      expect(embedded.url).toBe(`mqtt://127.0.0.1:${port}`);
      // And an outside client can use the port getAppInfo reports.
      const c = await mqtt.connectAsync({ host: '127.0.0.1', port, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000 });
      clients.push(c);
      await c.publishAsync('moved/here', 'yes', { qos: 1 });
      const row = await other.waitForTreeRow('embedded', 'moved/here', (r) => r.ownMessageCount === 1);
      expect(row.preview).toBe('yes');
      await c.endAsync();
    } finally {
      await other?.close();
      await held.release();
    }
  });
});
