// TLS through the app's own connections (profile → core → MQTT.js → our tap → TLS):
// without the CA the status says plainly that the certificate is not trusted and stops
// retrying; with it, the connection comes up and its packets are captured.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../shared/contract';
import type { ProfileView } from '../shared/profile';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { waitFor } from './helpers/wait-for';

const cert = (name: string) => path.join(import.meta.dirname, 'fixtures', 'profiles', 'tls', name);
let h: CoreHarness;
let mosquitto: MosquittoBroker;

beforeAll(async () => {
  mosquitto = await startMosquitto({ extraConfig: [`cafile ${cert('ca.pem')}`, `certfile ${cert('server.pem')}`, `keyfile ${cert('server-key.pem')}`] });
  h = await startCore();
});
afterAll(async () => {
  await h?.close();
  await mosquitto?.stop();
});

async function connectWith(tls: object): Promise<string> {
  const saved = (await h.ok('saveProfile', { name: 'TLS', protocol: 'mqtts', host: '127.0.0.1', port: mosquitto.port, protocolVersion: 4, tls, subscriptions: [{ filter: 'tls/#', qos: 1 }] })) as ProfileView;
  return ((await h.ok('connectProfile', { id: saved.id })) as { connectionId: string }).connectionId;
}

describe('mqtts:// connections', () => {
  it('say the certificate is not trusted when the CA is missing, and stop retrying', async () => {
    const id = await connectWith({});
    const failed = await h.waitForStatus(id, 'failed');
    const status = failed.status as Extract<ConnectionSummary['status'], { kind: 'failed' }>;
    expect(status.reason).toMatch(/^TLS: the broker's certificate is not trusted: add the CA that signed it/);
    await h.ok('removeConnection', { connectionId: id });
  });

  it('connect with the CA and capture the packets inside TLS', async () => {
    const id = await connectWith({ caFile: cert('ca.pem') });
    await h.waitForSubscriptions(id);
    const types = await waitFor(() => {
      const list = [...h.core.capture.packets.values()].filter((p) => p.record.linkId === `conn:${id}`).map((p) => p.record.type);
      return list.includes('SUBACK') ? list : null;
    }, { what: 'the SUBACK in the capture' });
    expect(types).toEqual(['CONNECT', 'CONNACK', 'SUBSCRIBE', 'SUBACK']);
    await h.ok('removeConnection', { connectionId: id });
  });

  it('refuses a missing CA file at its field', async () => {
    const saved = (await h.ok('saveProfile', { name: 'bad CA', protocol: 'mqtts', host: '127.0.0.1', port: mosquitto.port, tls: { caFile: '/nonexistent/ca.pem' } })) as ProfileView;
    const result = await h.call('connectProfile', { id: saved.id });
    expect(result).toMatchObject({ ok: false, error: { field: 'tls.caFile' } });
  });
});
