// Connection profiles end to end: a profile saved in the store (its password in the
// secret store) becomes MQTT.js options that real brokers accept: Debian's mosquitto
// over TLS with a private CA and a client certificate, and Aedes, whose preConnect hook
// shows the CONNECT packet exactly as it arrived for MQTT 3.1, 3.1.1 and 5.0.
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import type { IConnectPacket } from 'mqtt-packet';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../shared/profile';
import { connectionProfileOptions } from '../electron/core/profiles/connect-options';
import { ProfileStore } from '../electron/core/profiles/profile-store';
import { fileOnlyCipher } from '../electron/core/profiles/secret-store';
import { startMosquitto, type MosquittoBroker } from './helpers/mosquitto';

const certs = path.resolve(import.meta.dirname, 'fixtures/profiles/tls');
const cert = (name: string) => path.join(certs, name);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-profiles-e2e-'));
const store = ProfileStore.open({ dataDir, cipher: fileOnlyCipher });
const clients: MqttClient[] = [];
let mosquitto: MosquittoBroker | null = null;

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true).catch(() => undefined)));
});
afterAll(async () => {
  await mosquitto?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function connect(input: ProfileInput): Promise<MqttClient> {
  const { id } = store.save(input);
  const client = await mqtt.connectAsync({ ...connectionProfileOptions(store.connectionProfile(id)), reconnectPeriod: 0 });
  clients.push(client);
  return client;
}

describe('a saved profile connects', () => {
  it('to mosquitto over TLS: private CA, client certificate with an encrypted key, password from the secret store', async () => {
    mosquitto = await startMosquitto({
      passwordUsers: [{ user: 'scope', password: 'tls-password' }],
      extraConfig: [`cafile ${cert('ca.pem')}`, `certfile ${cert('server.pem')}`, `keyfile ${cert('server-key.pem')}`, 'require_certificate true'],
    });
    const tlsProfile: ProfileInput = {
      name: 'mosquitto TLS',
      protocol: 'mqtts',
      host: '127.0.0.1',
      port: mosquitto.port,
      protocolVersion: 5,
      username: 'scope',
      password: 'tls-password',
      tls: { caFile: cert('ca.pem'), certFile: cert('client.pem'), keyFile: cert('client-key.pem'), keyPassphrase: 'fixture-passphrase' },
    };
    const client = await connect(tlsProfile);
    expect(client.connected).toBe(true);
    await mosquitto.waitForLog(/New client connected from 127\.0\.0\.1.* u'scope'/, 'the TLS client in the log');

    // The same profile without the CA: the usual authorities do not know this server.
    const { tls: _tls, ...rest } = tlsProfile;
    await expect(connect({ ...rest, name: 'no CA', tls: { certFile: cert('client.pem'), keyFile: cert('client-key.pem'), keyPassphrase: 'fixture-passphrase' } })).rejects.toThrow(
      /unable to verify|self.signed|UNABLE_TO_VERIFY/i,
    );
  });

  it('with the CONNECT the profile describes, for MQTT 3.1, 3.1.1 and 5.0', async () => {
    const packets: IConnectPacket[] = [];
    const aedes = await Aedes.createBroker({
      preConnect: (_client, packet, done) => {
        packets.push(packet as unknown as IConnectPacket);
        done(null, true);
      },
    });
    const server = net.createServer((socket) => aedes.handle(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const base: ProfileInput = { name: 'aedes', host: '127.0.0.1', port, username: 'u', password: 'p', keepalive: 42, will: { topic: 'scope/will', payload: 'gone', qos: 1, retain: true } };
      await connect({ ...base, protocolVersion: 3, clientId: 'v31-client' });
      await connect({ ...base, protocolVersion: 4, clientId: 'v311-client', clean: false });
      await connect({
        ...base,
        protocolVersion: 5,
        clientId: 'v5-client',
        sessionExpiryInterval: 120,
        properties: { receiveMaximum: 7, topicAliasMaximum: 3, requestProblemInformation: false, userProperties: [['app', 'scope'], ['app', 'test']] },
        will: { ...base.will!, willDelayInterval: 2, contentType: 'text/plain', userProperties: [['why', 'test']] },
      });
      expect(packets.map((p) => [p.protocolId, p.protocolVersion, p.clientId, p.clean, p.keepalive, p.username, String(p.password)])).toEqual([
        ['MQIsdp', 3, 'v31-client', true, 42, 'u', 'p'],
        ['MQTT', 4, 'v311-client', false, 42, 'u', 'p'],
        ['MQTT', 5, 'v5-client', true, 42, 'u', 'p'],
      ]);
      expect(packets[0].will).toMatchObject({ topic: 'scope/will', qos: 1, retain: true });
      expect(String(packets[0].will?.payload)).toBe('gone');
      expect(packets[2].properties).toEqual({
        sessionExpiryInterval: 120,
        receiveMaximum: 7,
        topicAliasMaximum: 3,
        requestProblemInformation: false,
        userProperties: { app: ['scope', 'test'] },
      });
      expect(packets[2].will?.properties).toEqual({ willDelayInterval: 2, contentType: 'text/plain', userProperties: { why: 'test' } });
    } finally {
      await Promise.all(clients.splice(0).map((c) => c.endAsync(true).catch(() => undefined)));
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
