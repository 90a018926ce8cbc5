// A broker that goes away and comes back: the app shows reconnecting with the next
// try, reconnects with backoff, and restores its subscriptions (made again by us on
// every CONNACK) so messages flow again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../shared/contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { mosquittoPub, startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { waitFor } from './helpers/wait-for';

let h: CoreHarness;
let broker: MosquittoBroker | null = null;

beforeAll(async () => {
  h = await startCore();
});
afterAll(async () => {
  await h?.close();
  await broker?.stop();
});

describe('broker restart', () => {
  it('reconnects and restores the subscriptions', async () => {
    broker = await startMosquitto();
    const port = broker.port;
    const { connectionId } = (await h.ok('connect', {
      url: broker.url,
      protocolVersion: 4,
      subscriptions: [
        { filter: 'restart/a/#', qos: 1 },
        { filter: 'restart/b', qos: 2 },
      ],
    })) as { connectionId: string };
    await h.waitForSubscriptions(connectionId);
    await broker.stop();
    broker = null;
    const waiting = await waitFor(async () => {
      const s = await h.summary(connectionId);
      return s?.status.kind === 'reconnecting' && s.status.attempt >= 3 ? s : null;
    }, { what: 'two failed reconnect attempts', timeoutMs: 15_000 });
    const status = waiting.status as Extract<ConnectionSummary['status'], { kind: 'reconnecting' }>;
    expect(status.lastError).toMatch(/Connection refused by 127\.0\.0\.1:\d+/);
    expect(status.nextRetryAt).toBeGreaterThan(Date.now() - 100);
    expect(waiting.subscriptions.every((s) => s.state === 'pending')).toBe(true);

    broker = await startMosquitto({ port });
    const back = await waitFor(async () => {
      const s = await h.summary(connectionId);
      return s?.status.kind === 'connected' && s.subscriptions.every((x) => x.state === 'granted') ? s : null;
    }, { what: 'the reconnect with both subscriptions granted', timeoutMs: 20_000 });
    expect(back.subscriptions.map((s) => [s.filter, s.grantedQos])).toEqual([
      ['restart/a/#', 1],
      ['restart/b', 2],
    ]);
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(port), '-t', 'restart/b', '-m', 'after the restart', '-q', '2']);
    const view = await h.waitForHistory(connectionId, 'restart/b', (v) => v.entries.length === 1);
    expect(view.entries[0]).toMatchObject({ qos: 2, preview: 'after the restart' });
  });
});
