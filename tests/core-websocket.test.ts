// ws:// connections: mosquitto with a second, WebSocket listener; the message goes in
// over TCP (mosquitto_pub) and arrives over WebSocket, and the capture's tap sees the
// packets inside the WebSocket frames.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { mosquittoPub, startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { waitFor } from './helpers/wait-for';

let h: CoreHarness;
let mosquitto: MosquittoBroker;
let wsPort: number;

beforeAll(async () => {
  wsPort = await freePort();
  mosquitto = await startMosquitto({ extraConfig: [`listener ${wsPort} 127.0.0.1`, 'protocol websockets', 'allow_anonymous true'] });
  h = await startCore();
});
afterAll(async () => {
  await h?.close();
  await mosquitto?.stop();
});

describe('WebSocket connections', () => {
  it.each([4, 5] as const)('receive and publish over ws:// (protocol %i)', async (version) => {
    const { connectionId } = (await h.ok('connect', {
      url: `ws://127.0.0.1:${wsPort}/mqtt`,
      protocolVersion: version,
      subscriptions: [{ filter: `ws${version}/#`, qos: 1 }],
    })) as { connectionId: string };
    const summary = await h.waitForSubscriptions(connectionId);
    expect(summary.url).toBe(`ws://127.0.0.1:${wsPort}/mqtt`);
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-t', `ws${version}/in`, '-m', 'over tcp, out over ws', '-q', '1']);
    const view = await h.waitForHistory(connectionId, `ws${version}/in`, (v) => v.entries.length === 1);
    expect(view.entries[0]).toMatchObject({ qos: 1, preview: 'over tcp, out over ws' });
    const sent = await h.call('publish', { connectionId, topic: `ws${version}/out`, payload: 'back', format: 'text', qos: 1, retain: false });
    expect(sent.ok).toBe(true);
    await h.waitForHistory(connectionId, `ws${version}/out`, (v) => v.entries.length === 1);
    const types = await waitFor(() => {
      const list = [...h.core.capture.packets.values()].filter((p) => p.record.linkId === `conn:${connectionId}`).map((p) => p.record.type);
      return list.includes('PUBACK') ? list : null;
    }, { what: 'the captured PUBACK' });
    expect(types.slice(0, 4)).toEqual(['CONNECT', 'CONNACK', 'SUBSCRIBE', 'SUBACK']);
    await h.ok('removeConnection', { connectionId });
  });
});
