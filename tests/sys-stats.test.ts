// Broker statistics from a real mosquitto publishing $SYS every second: nothing shows
// before the app subscribes to $SYS/# (the default '#' does not match $SYS topics),
// then the version and clients fill in, and messages received grows after publishing,
// with rates derived from the counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerStats } from '../shared/sys-contract';
import type { SysFieldId } from '../shared/sys-stats';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { mosquittoPub, startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { waitFor } from './helpers/wait-for';

let broker: MosquittoBroker;
let h: CoreHarness;
let connectionId: string;

beforeAll(async () => {
  broker = await startMosquitto({ extraConfig: ['sys_interval 1'], logTypes: ['error', 'warning', 'notice'] });
  h = await startCore();
  const value = (await h.ok('connect', { url: broker.url, protocolVersion: 5, clientId: 'scope-sys', subscriptions: [{ filter: '#', qos: 0 }] })) as { connectionId: string };
  connectionId = value.connectionId;
  await h.waitForSubscriptions(connectionId);
});

afterAll(async () => {
  await h?.close();
  await broker?.stop();
});

const stats = async () => (await h.ok('getBrokerStats', { connectionId })) as BrokerStats;
const valueOf = (s: BrokerStats, field: SysFieldId) => s.fields.find((f) => f.field === field)?.text;

describe('broker statistics from mosquitto $SYS', () => {
  it('has nothing while only # is subscribed, which does not match $SYS topics', async () => {
    // Two sys_intervals pass: mosquitto would have published by now.
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(await stats()).toEqual({ fields: [], sysTopics: 0, lastUpdate: null, rates: [] });
  });

  it('fills after subscribing to $SYS/#, and messages received grows after publishing', async () => {
    await h.ok('subscribe', { connectionId, filter: '$SYS/#', qos: 0 });
    const summary = await h.waitForSubscriptions(connectionId);
    expect(summary.subscriptions.map((s) => s.filter)).toContain('$SYS/#');

    await waitFor(async () => valueOf(await stats(), 'version') !== undefined && valueOf(await stats(), 'messagesReceived') !== undefined, { what: 'version and messages received' });
    const first = await stats();
    expect(valueOf(first, 'version')).toMatch(/^mosquitto version \d+\.\d+/);
    expect(Number(valueOf(first, 'clientsConnected'))).toBeGreaterThanOrEqual(1);
    expect(first.lastUpdate).toBeGreaterThan(Date.now() - 10_000);
    const receivedBefore = Number(valueOf(first, 'messagesReceived'));

    for (let i = 0; i < 20; i++) await mosquittoPub(['-h', '127.0.0.1', '-p', String(broker.port), '-t', 'sys-test/load', '-m', String(i), '-q', '1']);
    const grown = async () => {
      const s = await stats();
      const points = s.rates.find((r) => r.field === 'messagesReceived')?.values.length ?? 0;
      return Number(valueOf(s, 'messagesReceived')) >= receivedBefore + 20 && points > 0 ? s : null;
    };
    const after = await waitFor(grown, { what: 'messages received to grow by the 20 publishes, with a rate point', timeoutMs: 10_000 });
    const received = after.rates.find((r) => r.field === 'messagesReceived');
    expect(received?.values.length).toBeGreaterThan(0);
    expect(received?.values.every((v) => v >= 0)).toBe(true);
    expect(Math.max(...received!.values)).toBeGreaterThan(0);
  });
});
