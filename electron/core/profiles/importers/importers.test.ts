// The sample files in tests/fixtures/profiles follow what MQTTX and MQTT Explorer write;
// each is imported field by field, and what cannot be mapped must show up in `notes`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../profile-store';
import { fileOnlyCipher } from '../secret-store';
import { parseImportFile } from './detect-import';

const fixtures = path.resolve(import.meta.dirname, '../../../../tests/fixtures/profiles');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const dirs: string[] = [];
function newStore(): ProfileStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-import-'));
  dirs.push(dir);
  return ProfileStore.open({ dataDir: dir, cipher: fileOnlyCipher });
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('format detection', () => {
  it('recognises each format by its content', () => {
    expect(parseImportFile(fixture('mqttx-export.json')).format).toBe('mqttx');
    expect(parseImportFile(fixture('mqtt-explorer-settings.json')).format).toBe('mqtt-explorer');
    expect(parseImportFile(fixture('mqtt-scope-export.json')).format).toBe('mqtt-scope');
    // MQTTX's single-connection export is one object, not an array.
    expect(parseImportFile(JSON.stringify(JSON.parse(fixture('mqttx-export.json'))[1])).candidates).toHaveLength(1);
  });

  it('says what it expected when the file is not one of them', () => {
    expect(() => parseImportFile('{"hello": "world"}')).toThrow(/not a format MQTT Scope knows: expected an MQTT Scope export, MQTTX/);
    expect(() => parseImportFile('{"format": "mqtt-scope-profiles", "version": 7, "profiles": []}')).toThrow(/format version 7/);
    expect(() => parseImportFile('not json')).toThrow(/The file is not JSON/);
  });
});

describe('MQTTX export', () => {
  it('imports every connection field by field, the folder flattened, the broken one skipped', () => {
    const store = newStore();
    const result = store.importFile(fixture('mqttx-export.json'));
    expect(result.format).toBe('mqttx');
    expect(result.imported.map((p) => p.name)).toEqual(['EMQX Cloud (TLS, v5)', 'Local mosquitto (ws)', 'Gateway (MQTT 3.1)']);
    expect(result.skipped).toEqual([{ name: 'Typo in port', reason: 'port: The port must be a whole number from 1 to 65535.' }]);

    const [cloud, local, gateway] = result.imported;
    expect(cloud).toMatchObject({
      protocol: 'mqtts',
      host: 'k1a2b3c4.ala.eu-central-1.emqxsl.com',
      port: 8883,
      path: '',
      protocolVersion: 5,
      clientId: 'mqttx_3f1a9c2e',
      username: 'device-7',
      password: { set: true },
      keepalive: 30,
      clean: false,
      sessionExpiryInterval: 3600,
      // MQTTX stores seconds.
      connectTimeout: 15_000,
      reconnectPeriod: 5000,
      properties: {
        receiveMaximum: 20,
        maximumPacketSize: 1_048_576,
        topicAliasMaximum: 10,
        requestResponseInformation: true,
        requestProblemInformation: true,
        userProperties: [['site', 'lyon'], ['team', 'ops'], ['team', 'iot']],
      },
      tls: {
        caFile: '/home/ana/certs/emqxsl-ca.crt',
        certFile: '/home/ana/certs/device-7.crt',
        keyFile: '/home/ana/certs/device-7.key',
        rejectUnauthorized: true,
        servername: null,
        alpn: ['mqtt'],
        keyPassphrase: { set: false },
      },
      will: {
        topic: 'devices/7/status',
        payload: '{"online":false}',
        encoding: 'utf8',
        qos: 1,
        retain: true,
        willDelayInterval: 5,
        payloadFormatIndicator: true,
        messageExpiryInterval: 300,
        contentType: 'application/json',
        responseTopic: 'devices/7/status/ack',
        correlationData: Buffer.from('corr-7').toString('base64'),
        userProperties: [['reason', 'lost-power']],
      },
      subscriptions: [{ filter: 'devices/7/cmd/#', qos: 1, noLocal: true, retainAsPublished: true, retainHandling: 1, subscriptionIdentifier: 7 }],
      preset: null,
    });
    expect(store.connectionProfile(cloud.id).password).toBe('mqttx-pass-7');

    expect(local).toMatchObject({
      protocol: 'ws',
      host: 'localhost',
      port: 8080,
      path: '/mqtt',
      protocolVersion: 4,
      username: null,
      password: { set: false },
      connectTimeout: 10_000,
      reconnectPeriod: 0,
      will: null,
      subscriptions: [{ filter: 'test/#', qos: 0 }],
    });
    expect(gateway).toMatchObject({ protocolVersion: 3, clientId: 'old-gw-01', host: '10.0.12.5', keepalive: 120, connectTimeout: 5000, reconnectPeriod: 4000 });
  });

  it('reports every setting it could not carry over', () => {
    const { notes } = newStore().importFile(fixture('mqttx-export.json'));
    const cloud = notes.filter((n) => n.name === 'EMQX Cloud (TLS, v5)').map((n) => `${n.field}: ${n.message}`);
    expect(cloud).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^clientIdWithTime: MQTTX added a timestamp/),
        expect.stringMatching(/^properties\.authenticationMethod: Enhanced authentication/),
        'messages: 2 saved messages (MQTTX\'s message history) were not imported.',
        'pushPropsMessageExpiryInterval: MQTT Scope has no such setting; it was not imported.',
        "subscriptions.0.alias: The subscription's alias is an MQTTX display setting; it was not imported.",
        "subscriptions.0.color: The subscription's color is an MQTTX display setting; it was not imported.",
        "subscriptions.1: The subscription to '$share/ops/devices/+/status' was disabled in MQTTX; it was not imported.",
      ]),
    );
    // Fields it did map, and bookkeeping (ids, dates), are not reported.
    expect(cloud.some((n) => /^(host|port|id|createAt|sessionExpiryInterval|will\.)/.test(n))).toBe(false);
  });

  it('reports a field it has never seen instead of dropping it', () => {
    const c = { ...JSON.parse(fixture('mqttx-export.json'))[1], proxyUrl: 'socks5://proxy:1080' };
    expect(newStore().importFile(JSON.stringify([c])).notes).toEqual([
      { name: 'Local mosquitto (ws)', field: 'proxyUrl', message: 'MQTT Scope has no such setting; it was not imported.' },
    ]);
  });
});

describe('MQTT Explorer settings.json', () => {
  it('imports its connections in its order, with MQTT.js defaults and the embedded certificates as files', () => {
    const store = newStore();
    const result = store.importFile(fixture('mqtt-explorer-settings.json'));
    expect(result.format).toBe('mqtt-explorer');
    expect(result.skipped).toEqual([]);
    expect(result.imported.map((p) => p.name)).toEqual(['mqtt.eclipseprojects.io', 'Home Assistant (wss)', 'Plant broker (TLS, client cert)']);
    const [eclipse, ha, plant] = result.imported;

    expect(eclipse).toMatchObject({
      protocol: 'mqtt',
      host: 'mqtt.eclipseprojects.io',
      port: 1883,
      protocolVersion: 4,
      keepalive: 60,
      clean: true,
      connectTimeout: 30_000,
      subscriptions: [{ filter: '#', qos: 0 }, { filter: '$SYS/#', qos: 0 }],
      tls: { rejectUnauthorized: true, caFile: null },
    });
    expect(eclipse.clientId).toMatch(/^mqtt-scope-/);
    expect(ha).toMatchObject({ protocol: 'wss', host: 'ha.example.net', port: 8884, path: '/mqtt', subscriptions: [{ filter: 'homeassistant/#', qos: 0 }] });
    expect(plant).toMatchObject({
      protocol: 'mqtts',
      host: 'broker.plant.example',
      port: 8883,
      clientId: 'plant-explorer',
      username: 'operator',
      password: { set: true },
      tls: { rejectUnauthorized: false },
      subscriptions: [{ filter: 'plant/+/telemetry', qos: 1 }, { filter: 'plant/alarms/#', qos: 2 }],
    });
    expect(store.connectionProfile(plant.id).password).toBe('s3cret-explorer');

    const dir = store.certificateDir(plant.id);
    expect(plant.tls).toMatchObject({ caFile: path.join(dir, 'ca-plant-ca.crt'), certFile: path.join(dir, 'cert-operator.crt'), keyFile: path.join(dir, 'key-operator.key') });
    expect(fs.readFileSync(plant.tls.caFile!)).toEqual(fs.readFileSync(path.join(fixtures, 'tls', 'ca.pem')));
    expect(fs.readFileSync(plant.tls.keyFile!)).toEqual(fs.readFileSync(path.join(fixtures, 'tls', 'client-key.pem')));
    if (process.platform !== 'win32') expect(fs.statSync(plant.tls.keyFile!).mode & 0o777).toBe(0o600);
    expect(result.notes.filter((n) => n.name === plant.name).map((n) => n.field)).toEqual(['tls.caFile', 'tls.certFile', 'tls.keyFile']);
  });

  it('reads the early format (subscriptions as plain topics) and skips what is not MQTT', () => {
    const settings = {
      ConnectionManager_connections: {
        a: { id: 'a', type: 'mqtt', name: 'Old', host: 'old.lab', port: 1883, protocol: 'mqtt', encryption: false, certValidation: true, subscriptions: ['#', 'x/y'] },
        b: { id: 'b', type: 'sparkplug', name: 'Other', host: 'x', port: 1, encryption: false, certValidation: true },
      },
    };
    const result = newStore().importFile(JSON.stringify(settings));
    expect(result.imported[0].subscriptions).toMatchObject([{ filter: '#', qos: 0 }, { filter: 'x/y', qos: 0 }]);
    expect(result.skipped).toEqual([{ name: 'Other', reason: "Connection type 'sparkplug' is not MQTT." }]);
  });
});

describe('MQTT Scope export', () => {
  it('imports every field, keeps free ids, takes secrets when the export has them', () => {
    const store = newStore();
    const result = store.importFile(fixture('mqtt-scope-export.json'));
    expect(result).toMatchObject({ format: 'mqtt-scope', skipped: [], notes: [] });
    const staging = store.connectionProfile('p-0123456789abcdef');
    const source = JSON.parse(fixture('mqtt-scope-export.json')).profiles[0];
    expect(staging).toEqual({ ...source, tls: { ...source.tls, keyPassphrase: null } });
    // An edited preset comes back as that preset, replacing it in the list.
    const hive = store.list().filter((p) => p.id === 'preset-broker-hivemq-com-mqtt-1883');
    expect(hive).toMatchObject([{ name: 'HiveMQ public (edited)', preset: 'public', protocolVersion: 4 }]);
  });
});
