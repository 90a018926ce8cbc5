// The benchmark's own correctness, at a small size: its load generators send what they
// say, and every subscriber it measures (the app, the bare MQTT.js reference,
// mosquitto_sub) is counted to the last message. The speed figures themselves come
// from `npm run bench`, never from a timed assertion here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../scripts/bench/children';
import { measureIngest } from '../scripts/bench/ingest';
import { benchMosquittoConfig } from '../scripts/bench/ingest-suite';
import { freePort } from './helpers/free-port';
import { startMosquitto, type MosquittoBroker } from './helpers/mosquitto';

let broker: MosquittoBroker;
beforeAll(async () => {
  broker = await startMosquitto(benchMosquittoConfig);
});
afterAll(async () => broker?.stop());

describe('the benchmark harness', () => {
  it('its publishers send exactly the count asked, split between them', async () => {
    const published = await publish({ url: broker.url, count: 1001, topics: 7, size: 100, rate: 0, publishers: 2, prefix: 'count' });
    expect(published.map((p) => p.sent)).toEqual([501, 500]);
    expect(published.every((p) => p.startedAt > Date.now() - 60_000 && p.ms >= 0)).toBe(true);
  });

  it('counts every message at the app and at both references on mosquitto (QoS 0 and 1)', async () => {
    const r = await measureIngest({ url: broker.url, mosquittoPort: broker.port, messages: 3000, topics: 100, size: 100, publishers: 2, repeats: 1, qos: 0, app: { url: broker.url } }, 'bt');
    expect({ app: r.appMissing, reference: r.referenceMissing }).toEqual({ app: 0, reference: 0 });
    for (const rate of [r.app, r.mqttjs, r.mosquittoSub!]) expect(rate).toBeGreaterThan(0);
    const q1 = await measureIngest({ url: broker.url, mosquittoPort: null, messages: 1000, topics: 10, size: 100, publishers: 1, repeats: 1, qos: 1, captureOff: true, app: { url: broker.url } }, 'bq');
    expect({ app: q1.appMissing, reference: q1.referenceMissing }).toEqual({ app: 0, reference: 0 });
    expect(q1.appCaptureOff).toBeGreaterThan(0);
  }, 60_000);

  it('counts every message through the embedded broker', async () => {
    const port = await freePort();
    const r = await measureIngest({ url: `mqtt://127.0.0.1:${port}`, mosquittoPort: null, messages: 30_000, topics: 500, size: 100, publishers: 2, repeats: 1, qos: 0, app: { url: null, brokerPort: port } }, 'be');
    expect({ app: r.appMissing, reference: r.referenceMissing }).toEqual({ app: 0, reference: 0 });
  }, 60_000);
});
