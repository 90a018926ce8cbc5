// Chart series through the core on the embedded broker: N numeric messages published
// by an outside client become exactly N points with their values, in order; a value
// that is not a number is counted as skipped with its reason; a series added later
// starts from the topic's kept history; JSON paths read inside payloads; bad paths
// and topics are refused at their field.
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesUpdate } from '../shared/series-contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { waitFor } from './helpers/wait-for';

let h: CoreHarness;
let publisher: MqttClient;

beforeAll(async () => {
  const brokerPort = await freePort();
  h = await startCore({ brokerPort });
  await h.waitForSubscriptions('embedded');
  publisher = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, protocolVersion: 5, clientId: 'series-publisher', reconnectPeriod: 0 });
});

afterAll(async () => {
  await publisher?.endAsync(true).catch(() => undefined);
  await h?.close();
});

/** What a chart would hold for this series after applying every update so far. */
function held(seriesId: string): { times: number[]; values: number[]; last: SeriesUpdate | null; updates: number } {
  let times: number[] = [];
  let values: number[] = [];
  let last: SeriesUpdate | null = null;
  let updates = 0;
  for (const e of h.events) {
    if (e.event !== 'series') continue;
    for (const u of e.payload as SeriesUpdate[]) {
      if (u.seriesId !== seriesId) continue;
      updates++;
      last = u;
      times = u.reset ? [...u.times] : [...times, ...u.times];
      values = u.reset ? [...u.values] : [...values, ...u.values];
    }
  }
  return { times, values, last, updates };
}

async function publishAll(topic: string, payloads: string[]): Promise<void> {
  for (const p of payloads) await publisher.publishAsync(topic, p, { qos: 1 });
}

describe('chart series', () => {
  it('N numeric messages make exactly N points with their values; a non-number is counted as skipped', async () => {
    await h.ok('addSeries', { seriesId: 'plain', connectionId: 'embedded', topic: 'chart/plain', path: null });
    const n = 250;
    const numbers = Array.from({ length: n }, (_, i) => Math.round(Math.sin(i / 10) * 1000) / 100);
    await publishAll('chart/plain', numbers.slice(0, 100).map(String));
    await publishAll('chart/plain', ['offline']);
    await publishAll('chart/plain', numbers.slice(100).map((v) => ` ${v}\n`));
    await waitFor(() => held('plain').values.length >= n && held('plain').last?.skipped === 1, { what: `${n} points and one skipped message` });
    const series = held('plain');
    expect(series.values).toEqual(numbers);
    expect(series.times).toHaveLength(n);
    expect([...series.times].sort((a, b) => a - b)).toEqual(series.times);
    expect(series.last).toMatchObject({ skipped: 1, lastSkip: '"offline" is not a number', missed: 0 });
    // Live points come in batches, at most ~10 a second, not one push per message.
    expect(series.updates).toBeLessThan(n / 2);
  });

  it('a series added later starts from the kept history, and reads JSON paths', async () => {
    const docs = [{ temp: 20.5, sensors: [{ value: 1 }] }, { temp: '21', sensors: [{ value: 2 }] }, { temp: true, sensors: [] }, { temp: 22, sensors: [{ value: 3 }] }];
    await publishAll('chart/json', docs.map((d) => JSON.stringify(d)));
    await h.waitForHistory('embedded', 'chart/json', (v) => v.entries.length === 4);
    await h.ok('addSeries', { seriesId: 'temp', connectionId: 'embedded', topic: 'chart/json', path: '$.temp' });
    await h.ok('addSeries', { seriesId: 'sensor', connectionId: 'embedded', topic: 'chart/json', path: "$.sensors[0]['value']" });
    await waitFor(() => held('temp').updates > 0 && held('sensor').updates > 0, { what: 'the first fill of both JSON series' });
    expect(held('temp').last).toMatchObject({ reset: true, values: [20.5, 21, 22], skipped: 1, lastSkip: 'true is not a number' });
    expect(held('sensor').last).toMatchObject({ reset: true, values: [1, 2, 3], skipped: 1, lastSkip: '$.sensors has 0 items, no [0].' });

    await publishAll('chart/json', [JSON.stringify({ temp: 23.25, sensors: [{ value: 4 }] }), 'not json']);
    await waitFor(() => held('temp').values.length === 4 && held('temp').last?.skipped === 2, { what: 'the live point and the second skipped message' });
    expect(held('temp').values).toEqual([20.5, 21, 22, 23.25]);
    expect(held('temp').last?.lastSkip).toBe('not JSON: "not json"');
  });

  it('a removed series gets no more updates', async () => {
    await h.ok('removeSeries', { seriesId: 'plain' });
    const before = held('plain').updates;
    await publishAll('chart/plain', ['1', '2']);
    await h.waitForHistory('embedded', 'chart/plain', (v) => v.entries[0]?.preview === '2');
    await new Promise((r) => setTimeout(r, 300));
    expect(held('plain').updates).toBe(before);
  });

  it('refuses an unsupported path at the path field and a wildcard topic at the topic field', async () => {
    const path = await h.call('addSeries', { seriesId: 'bad', connectionId: 'embedded', topic: 'chart/json', path: '$.sensors[*].value' });
    expect(path).toMatchObject({ ok: false, error: { field: 'path', message: expect.stringMatching(/Filters, slices and wildcards are not supported/) } });
    const topic = await h.call('addSeries', { seriesId: 'bad', connectionId: 'embedded', topic: 'chart/+', path: null });
    expect(topic).toMatchObject({ ok: false, error: { field: 'topic' } });
  });
});
