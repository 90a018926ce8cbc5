import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileInputSchema, type ProfileInput, type StoredProfile } from '../../../shared/profile';
import { UserInputError } from '../../../shared/rpc';
import { profileToClientOptions, subscribeOptions, type ProfileSecrets } from './connect-options';

const certs = path.resolve(import.meta.dirname, '../../../tests/fixtures/profiles/tls');
const cert = (name: string) => path.join(certs, name);
const noSecrets: ProfileSecrets = { password: null, keyPassphrase: null };

function profile(input: Partial<ProfileInput>): StoredProfile {
  const { password: _p, tls: t, ...rest } = ProfileInputSchema.parse({ name: 'T', host: 'broker.lab', clientId: 'cid', ...input, id: 'p-1' });
  const { keyPassphrase: _k, ...storedTls } = t;
  return { ...rest, id: 'p-1', tls: storedTls };
}
const fail = (fn: () => unknown): UserInputError => {
  try {
    fn();
  } catch (err) {
    return err as UserInputError;
  }
  throw new Error('expected an error');
};

const servers: tls.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('profileToClientOptions', () => {
  it('maps a plain MQTT 5.0 profile and sets nothing it was not given', () => {
    expect(profileToClientOptions(profile({}), noSecrets)).toEqual({
      protocol: 'mqtt',
      host: 'broker.lab',
      port: 1883,
      protocolVersion: 5,
      protocolId: 'MQTT',
      clientId: 'cid',
      keepalive: 60,
      clean: true,
      connectTimeout: 10_000,
    });
  });

  it('names MQTT 3.1 MQIsdp and 3.1.1 MQTT', () => {
    expect(profileToClientOptions(profile({ protocolVersion: 3 }), noSecrets)).toMatchObject({ protocolVersion: 3, protocolId: 'MQIsdp' });
    expect(profileToClientOptions(profile({ protocolVersion: 4 }), noSecrets)).toMatchObject({ protocolVersion: 4, protocolId: 'MQTT' });
  });

  it('maps credentials, session settings and the WebSocket path', () => {
    const o = profileToClientOptions(profile({ protocol: 'ws', port: 9001, path: '/ws', username: 'u', keepalive: 0, clean: false, connectTimeout: 2500 }), {
      password: 'pw',
      keyPassphrase: null,
    });
    expect(o).toMatchObject({ protocol: 'ws', port: 9001, path: '/ws', username: 'u', password: 'pw', keepalive: 0, clean: false, connectTimeout: 2500 });
    expect(profileToClientOptions(profile({ protocol: 'mqtt', path: '/ws' }), noSecrets).path).toBeUndefined();
  });

  it('maps the 5.0 CONNECT properties; repeated user property names become arrays', () => {
    const o = profileToClientOptions(
      profile({
        sessionExpiryInterval: 3600,
        properties: { receiveMaximum: 20, maximumPacketSize: 65_536, topicAliasMaximum: 0, requestResponseInformation: true, requestProblemInformation: false, userProperties: [['site', 'lyon'], ['team', 'ops'], ['team', 'iot']] },
      }),
      noSecrets,
    );
    expect(o.properties).toEqual({
      sessionExpiryInterval: 3600,
      receiveMaximum: 20,
      maximumPacketSize: 65_536,
      topicAliasMaximum: 0,
      requestResponseInformation: true,
      requestProblemInformation: false,
      userProperties: { site: 'lyon', team: ['ops', 'iot'] },
    });
  });

  it('maps the will with its 5.0 properties, payload bytes decoded from base64', () => {
    const o = profileToClientOptions(
      profile({
        will: {
          topic: 'dev/7/status',
          payload: Buffer.from([0, 1, 255]).toString('base64'),
          encoding: 'base64',
          qos: 2,
          retain: true,
          willDelayInterval: 5,
          payloadFormatIndicator: false,
          messageExpiryInterval: 300,
          contentType: 'application/octet-stream',
          responseTopic: 'dev/7/ack',
          correlationData: Buffer.from('corr').toString('base64'),
          userProperties: [['reason', 'power']],
        },
      }),
      noSecrets,
    );
    expect(o.will).toEqual({
      topic: 'dev/7/status',
      payload: Buffer.from([0, 1, 255]),
      qos: 2,
      retain: true,
      properties: {
        willDelayInterval: 5,
        payloadFormatIndicator: false,
        messageExpiryInterval: 300,
        contentType: 'application/octet-stream',
        responseTopic: 'dev/7/ack',
        correlationData: Buffer.from('corr'),
        userProperties: { reason: 'power' },
      },
    });
  });

  it('leaves out 5.0-only settings for MQTT 3.x', () => {
    const o = profileToClientOptions(
      profile({ protocolVersion: 4, sessionExpiryInterval: 60, properties: { receiveMaximum: 5 }, will: { topic: 'w', payload: 'bye', willDelayInterval: 9 } }),
      noSecrets,
    );
    expect(o.properties).toBeUndefined();
    expect(o.will).toEqual({ topic: 'w', payload: Buffer.from('bye'), qos: 0, retain: false });
  });

  it('refuses a password without a user name before MQTT 5.0, which the protocol forbids', () => {
    const err = fail(() => profileToClientOptions(profile({ protocolVersion: 4 }), { password: 'pw', keyPassphrase: null }));
    expect(err.field).toBe('username');
    expect(profileToClientOptions(profile({ protocolVersion: 5 }), { password: 'pw', keyPassphrase: null }).password).toBe('pw');
  });

  it('maps subscription options, 5.0 ones only for 5.0', () => {
    const s = { filter: 'a/#', qos: 1 as const, noLocal: true, retainAsPublished: true, retainHandling: 2 as const, subscriptionIdentifier: 9 };
    expect(subscribeOptions(s, 5)).toEqual({ qos: 1, nl: true, rap: true, rh: 2, properties: { subscriptionIdentifier: 9 } });
    expect(subscribeOptions({ ...s, subscriptionIdentifier: null }, 5)).toEqual({ qos: 1, nl: true, rap: true, rh: 2 });
    expect(subscribeOptions(s, 4)).toEqual({ qos: 1 });
  });
});

describe('profileToClientOptions: TLS', () => {
  it('adds the given CA to the default authorities instead of replacing them', () => {
    const o = profileToClientOptions(profile({ protocol: 'mqtts', tls: { caFile: cert('ca.pem') } }), noSecrets);
    const ca = o.ca as string[];
    expect(ca.slice(0, -1)).toEqual(expect.arrayContaining([...tls.rootCertificates]));
    expect(ca.at(-1)).toBe(fs.readFileSync(cert('ca.pem'), 'latin1'));
    expect(o.rejectUnauthorized).toBe(true);
  });

  it('converts a DER CA file to PEM', () => {
    const o = profileToClientOptions(profile({ protocol: 'mqtts', tls: { caFile: cert('ca.der') } }), noSecrets);
    expect((o.ca as string[]).at(-1)!.replace(/\s/g, '')).toBe(fs.readFileSync(cert('ca.pem'), 'latin1').replace(/\s/g, ''));
  });

  it('maps the client certificate, key, passphrase, SNI and ALPN; only for mqtts and wss', () => {
    const t = { certFile: cert('client.pem'), keyFile: cert('client-key.pem'), servername: 'mqtt.internal', alpn: ['mqtt', 'x-amzn-mqtt-ca'], rejectUnauthorized: false };
    const secrets = { password: null, keyPassphrase: 'fixture-passphrase' };
    const o = profileToClientOptions(profile({ protocol: 'mqtts', tls: t }), secrets);
    expect(o).toMatchObject({ rejectUnauthorized: false, passphrase: 'fixture-passphrase', servername: 'mqtt.internal', ALPNProtocols: ['mqtt', 'x-amzn-mqtt-ca'] });
    expect(o.cert).toBe(fs.readFileSync(cert('client.pem'), 'latin1'));
    expect(o.key).toEqual(fs.readFileSync(cert('client-key.pem')));
    expect(o.wsOptions).toBeUndefined();
    // MQTT.js copies ca/cert/key/passphrase into the WebSocket's options itself, but not these two.
    expect(profileToClientOptions(profile({ protocol: 'wss', tls: t }), secrets).wsOptions).toEqual({ servername: 'mqtt.internal', ALPNProtocols: ['mqtt', 'x-amzn-mqtt-ca'] });
    const plain = profileToClientOptions(profile({ protocol: 'mqtt', tls: t }), secrets);
    expect(['ca', 'cert', 'key', 'passphrase', 'servername', 'rejectUnauthorized'].filter((k) => k in plain)).toEqual([]);
  });

  it('names the file in every error about one', () => {
    const missing = fail(() => profileToClientOptions(profile({ protocol: 'mqtts', tls: { caFile: '/nowhere/ca.pem' } }), noSecrets));
    expect([missing.field, missing.message]).toEqual(['tls.caFile', 'Could not read the CA certificate file /nowhere/ca.pem: the folder does not exist (ENOENT).']);
    const notCert = fail(() => profileToClientOptions(profile({ protocol: 'mqtts', tls: { caFile: cert('README.md') } }), noSecrets));
    expect(notCert.message).toMatch(new RegExp(`^The CA certificate file ${cert('README.md')} does not hold a certificate`));
    const keyed = { certFile: cert('client.pem'), keyFile: cert('client-key.pem') };
    const noPass = fail(() => profileToClientOptions(profile({ protocol: 'mqtts', tls: keyed }), noSecrets));
    expect([noPass.field, noPass.message]).toEqual(['tls.keyPassphrase', `The client key file ${cert('client-key.pem')} is encrypted: enter its passphrase.`]);
    const wrong = fail(() => profileToClientOptions(profile({ protocol: 'mqtts', tls: keyed }), { password: null, keyPassphrase: 'not-it' }));
    expect(wrong.message).toBe(`The client key file ${cert('client-key.pem')} could not be decrypted with the given passphrase.`);
    expect(wrong.message).not.toContain('not-it');
    const notKey = fail(() => profileToClientOptions(profile({ protocol: 'mqtts', tls: { certFile: cert('client.pem'), keyFile: cert('client.pem') } }), noSecrets));
    expect(notKey.field).toBe('tls.keyFile');
  });

  it('verifies a real server signed by the given CA, and a client certificate with its passphrase', async () => {
    const server = tls.createServer({
      cert: fs.readFileSync(cert('server.pem')),
      key: fs.readFileSync(cert('server-key.pem')),
      ca: fs.readFileSync(cert('ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
    });
    const peer = new Promise<string>((resolve) =>
      server.on('secureConnection', (s) => {
        resolve(String(s.getPeerCertificate().subject.CN));
        s.end();
      }),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const handshake = (o: tls.ConnectionOptions) =>
      new Promise<{ authorized: boolean; error: string | null }>((resolve) => {
        const socket = tls.connect({ ...o, host: '127.0.0.1', port });
        socket.on('secureConnect', () => resolve({ authorized: socket.authorized, error: socket.authorizationError ? String(socket.authorizationError) : null }));
        socket.on('error', (err) => resolve({ authorized: false, error: (err as NodeJS.ErrnoException).code ?? err.message }));
      });

    const t = { caFile: cert('ca.pem'), certFile: cert('client.pem'), keyFile: cert('client-key.pem'), servername: 'localhost' };
    const options = profileToClientOptions(profile({ protocol: 'mqtts', host: '127.0.0.1', tls: t }), { password: null, keyPassphrase: 'fixture-passphrase' });
    expect(await handshake(options as tls.ConnectionOptions)).toEqual({ authorized: true, error: null });
    expect(await peer).toBe('scope-client');

    // Without the CA, the default authorities do not know this server.
    const { caFile: _ca, ...noCa } = t;
    const without = profileToClientOptions(profile({ protocol: 'mqtts', host: '127.0.0.1', tls: noCa }), { password: null, keyPassphrase: 'fixture-passphrase' });
    expect(await handshake(without as tls.ConnectionOptions)).toMatchObject({ authorized: false, error: expect.stringMatching(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|unable to verify/i) });
  });
});
