// The embedded broker when exposed: sign-in with usernames and passwords, per-user topic
// patterns for publish and subscribe (an ACL), an optional TLS listener with the user's
// certificate, and its limits (packet size, in-flight messages, connections), each
// refusal written to the log. Real clients (MQTT.js, and a raw socket for what a client
// library will not send) against the app's own broker on loopback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrokerSettingsInput, BrokerSettingsView } from '../shared/broker-settings';
import type { AppInfo } from '../shared/contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { connectPacket, rawConnect, type RawClient } from './helpers/raw-mqtt';
import { waitFor } from './helpers/wait-for';

const tlsFile = (name: string) => path.join(import.meta.dirname, 'fixtures', 'profiles', 'tls', name);

let h: CoreHarness;
let port: number;
const clients: MqttClient[] = [];
const raws: RawClient[] = [];

beforeAll(async () => {
  h = await startCore({ brokerPort: await freePort() });
  port = (await info()).broker!.port!;
  await h.waitForSubscriptions('embedded');
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
  for (const r of raws.splice(0)) r.end();
});
afterAll(async () => {
  await h?.close();
});

async function info(): Promise<AppInfo> {
  return (await h.ok('getAppInfo')) as AppInfo;
}

async function current(): Promise<BrokerSettingsView> {
  return (await h.ok('getBrokerSettings')) as BrokerSettingsView;
}

/** The settings as the form would send them: the view's values with changes on top. */
async function input(change: Partial<BrokerSettingsInput> = {}): Promise<BrokerSettingsInput> {
  const v = await current();
  return {
    host: v.host,
    port: v.port,
    requireAuth: v.requireAuth,
    users: v.users.map((u) => ({ username: u.username, password: null, publish: u.publish, subscribe: u.subscribe })),
    tls: { enabled: v.tls.enabled, port: v.tls.port, certFile: v.tls.certFile, keyFile: v.tls.keyFile, passphrase: null },
    limits: v.limits,
    ...change,
  };
}

async function save(settings: BrokerSettingsInput) {
  return (await h.ok('saveBrokerSettings', { settings })) as { ok: true; settings: BrokerSettingsView; restartNeeded: boolean } | { ok: false; problems: { field: string; message: string }[] };
}

async function mustSave(settings: BrokerSettingsInput): Promise<BrokerSettingsView> {
  const r = await save(settings);
  if (!r.ok) throw new Error(`saving failed: ${JSON.stringify(r.problems)}`);
  return r.settings;
}

async function client(options: IClientOptions): Promise<MqttClient> {
  const c = await mqtt.connectAsync({ host: '127.0.0.1', port, reconnectPeriod: 0, connectTimeout: 5000, ...options });
  clients.push(c);
  return c;
}

async function connectError(options: IClientOptions): Promise<Error & { code?: number }> {
  try {
    await client(options);
  } catch (err) {
    return err as Error & { code?: number };
  }
  throw new Error('the connection was accepted');
}

function logged(pattern: RegExp): Promise<string> {
  return waitFor(() => h.logLines.find((l) => pattern.test(l)) ?? null, { what: `a log line matching ${pattern}`, timeoutMs: 5000 });
}

const users = [
  { username: 'alice', password: 'alice-secret', publish: ['sensors/%u/#'], subscribe: ['sensors/#'] },
  { username: 'bob', password: 'bob-secret', publish: ['#'], subscribe: ['cmd/+/set', 'sensors/bob/#'] },
];

describe('defaults', () => {
  it('listen on loopback without sign-in, and advertise the limits to 5.0 clients', async () => {
    const broker = (await info()).broker!;
    expect(broker).toMatchObject({ host: '127.0.0.1', exposed: false, requireAuth: false, tls: null, state: 'running' });
    const raw = await rawConnect(port);
    raws.push(raw);
    raw.send(connectPacket('limits-probe'));
    const connack = await raw.next((p): p is Extract<typeof p, { cmd: 'connack' }> => p.cmd === 'connack', 'CONNACK');
    expect(connack.properties).toMatchObject({ receiveMaximum: 20, maximumPacketSize: 1024 * 1024 });
  });
});

describe('sign-in and the ACL', () => {
  it('refuse settings with problems, each at its field, and change nothing', async () => {
    const before = fs.readdirSync(h.dataDir);
    const r = await save(
      await input({
        requireAuth: true,
        users: [
          { username: 'x', password: 'p', publish: ['a/#/b'], subscribe: [] },
          { username: 'x', password: null, publish: [], subscribe: ['ok/#', 'bad+'] },
          { username: '$mqtt-scope', password: 'p', publish: [], subscribe: [] },
        ],
        limits: { maxPacketBytes: 10, maxInflight: 0, maxConnections: 20 },
      }),
    );
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.map((p) => p.field).sort()).toEqual(['limits.maxInflight', 'limits.maxPacketBytes', 'users.0.publish.0', 'users.1.subscribe.1', 'users.1.username', 'users.2.username'].sort());
    expect(problems.find((p) => p.field === 'users.1.username')?.message).toMatch(/listed twice/);
    expect(fs.readdirSync(h.dataDir)).toEqual(before);
    expect((await current()).requireAuth).toBe(false);
  });

  it('once sign-in is required: disconnect anonymous clients, refuse unknown users and wrong passwords, and log each', async () => {
    const anonymous = await client({ clientId: 'anon-before', protocolVersion: 5 });
    const closed = new Promise<void>((resolve) => anonymous.once('close', () => resolve()));
    const saved = await mustSave(await input({ requireAuth: true, users }));
    expect(saved.users).toEqual([
      { username: 'alice', hasPassword: true, publish: ['sensors/%u/#'], subscribe: ['sensors/#'] },
      { username: 'bob', hasPassword: true, publish: ['#'], subscribe: ['cmd/+/set', 'sensors/bob/#'] },
    ]);
    await closed;
    await logged(/sign-in rules changed: 1 client disconnected/);

    expect((await connectError({ clientId: 'anon', protocolVersion: 5 })).code).toBe(0x86);
    await logged(/refused client "anon" from 127\.0\.0\.1:\d+: no username/);
    expect((await connectError({ clientId: 'mallory', username: 'mallory', password: 'x', protocolVersion: 5 })).code).toBe(0x86);
    await logged(/refused client "mallory" .* as "mallory": unknown username/);
    expect((await connectError({ clientId: 'alice-wrong', username: 'alice', password: 'bob-secret', protocolVersion: 4 })).code).toBe(4);
    await logged(/refused client "alice-wrong" .* as "alice": wrong password/);
    // The app's own connection signs in as its internal user and stays connected throughout.
    expect((await h.summary('embedded'))?.status.kind).toBe('connected');
  });

  it('store only a salted hash, and keep a password the form leaves empty', async () => {
    const text = fs.readFileSync(path.join(h.dataDir, 'broker.json'), 'utf8');
    expect(text).not.toContain('alice-secret');
    expect(JSON.parse(text).users[0]).toMatchObject({ username: 'alice', passwordHash: expect.any(String), salt: expect.any(String) });
    expect(fs.statSync(path.join(h.dataDir, 'broker.json')).mode & 0o777).toBe(0o600);
    await mustSave(await input()); // password: null for both
    await client({ clientId: 'alice-kept', username: 'alice', password: 'alice-secret', protocolVersion: 5 });
  });

  it('let a user publish only where a pattern matches (5.0: PUBACK 0x87; 3.1.1: the connection closes)', async () => {
    const alice = await client({ clientId: 'alice-5', username: 'alice', password: 'alice-secret', protocolVersion: 5 });
    await alice.publishAsync('sensors/alice/temp', '21.5', { qos: 1 });
    await expect(alice.publishAsync('sensors/bob/temp', 'forged', { qos: 1 })).rejects.toThrow(/Not authorized|135/i);
    await logged(/client "alice-5" \(user "alice"\) from .* may not publish to "sensors\/bob\/temp"/);
    await alice.publishAsync('sensors/alice/sentinel', 'after', { qos: 1 });
    // The app's connection (which may see everything) got the allowed ones and not the forged one.
    await h.waitForHistory('embedded', 'sensors/alice/sentinel', (v) => v.entries.length === 1);
    expect((await h.waitForHistory('embedded', 'sensors/alice/temp', (v) => v.entries.length === 1)).entries[0].preview).toBe('21.5');
    expect(h.core.connection('embedded')!.tree.find('sensors/bob/temp')).toBeUndefined();

    const alice3 = await client({ clientId: 'alice-3', username: 'alice', password: 'alice-secret', protocolVersion: 4 });
    const gone = new Promise<void>((resolve) => alice3.once('close', () => resolve()));
    alice3.publish('cmd/x/set', 'nope', { qos: 1 });
    await gone;
    expect(h.core.connection('embedded')!.tree.find('cmd/x/set')).toBeUndefined();
  });

  it('grant a subscription only inside the user\'s patterns (%u is the username), and deliver within it', async () => {
    const granted = async (protocolVersion: 4 | 5, clientId: string, filters: string[]) => {
      const raw = await rawConnect(port, protocolVersion);
      raws.push(raw);
      raw.send(connectPacket(clientId, protocolVersion, { username: 'bob', password: Buffer.from('bob-secret') }));
      await raw.next((p): p is Extract<typeof p, { cmd: 'connack' }> => p.cmd === 'connack', 'CONNACK');
      raw.send({ cmd: 'subscribe', messageId: 1, subscriptions: filters.map((topic) => ({ topic, qos: 1 as const })) });
      return (await raw.next((p): p is Extract<typeof p, { cmd: 'suback' }> => p.cmd === 'suback', 'SUBACK')).granted;
    };
    expect(await granted(5, 'bob-raw-5', ['cmd/+/set', 'cmd/lamp/set', 'cmd/#', '#', 'sensors/bob/+', 'sensors/alice/temp'])).toEqual([1, 1, 0x87, 0x87, 1, 0x87]);
    await logged(/client "bob-raw-5" \(user "bob"\) .* may not subscribe to "cmd\/#"/);
    expect(await granted(4, 'bob-raw-3', ['cmd/#', 'cmd/a/set'])).toEqual([128, 1]);

    const bob = await client({ clientId: 'bob-5', username: 'bob', password: 'bob-secret', protocolVersion: 5 });
    await bob.subscribeAsync({ 'cmd/+/set': { qos: 1 }, 'sensors/bob/+': { qos: 0 } });
    const got: string[] = [];
    bob.on('message', (t) => got.push(t));
    const alice = await client({ clientId: 'alice-pub', username: 'alice', password: 'alice-secret', protocolVersion: 5 });
    await alice.publishAsync('sensors/alice/temp', '22', { qos: 1 });
    await bob.publishAsync('cmd/lamp/set', 'on', { qos: 1 });
    await bob.publishAsync('sensors/bob/x', '1', { qos: 1 });
    await waitFor(() => (got.includes('cmd/lamp/set') && got.includes('sensors/bob/x')) || null, { what: 'bob to get both messages', timeoutMs: 5000 });
    expect(got).not.toContain('sensors/alice/temp');
  });

  it('keep the settings across a restart of the app', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-broker-restart-'));
    try {
      fs.copyFileSync(path.join(h.dataDir, 'broker.json'), path.join(dataDir, 'broker.json'));
      const again = await startCore({ brokerPort: await freePort(), dataDir });
      try {
        const p = ((await again.ok('getAppInfo')) as AppInfo).broker!.port!;
        expect(((await again.ok('getBrokerSettings')) as BrokerSettingsView).requireAuth).toBe(true);
        const c = await mqtt.connectAsync({ host: '127.0.0.1', port: p, clientId: 'alice-again', username: 'alice', password: 'alice-secret', reconnectPeriod: 0 });
        await c.endAsync();
        await expect(mqtt.connectAsync({ host: '127.0.0.1', port: p, clientId: 'anon-again', reconnectPeriod: 0 })).rejects.toThrow();
        await again.waitForSubscriptions('embedded');
      } finally {
        await again.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('open up again when sign-in is turned off', async () => {
    await mustSave(await input({ requireAuth: false }));
    await client({ clientId: 'anon-after', protocolVersion: 5 });
  });
});

describe('limits', () => {
  it('close a client whose packet is over the maximum packet size, with 0x95 for 5.0, and log it', async () => {
    await mustSave(await input({ limits: { maxPacketBytes: 1024, maxInflight: 20, maxConnections: 2000 } }));
    const raw = await rawConnect(port);
    raws.push(raw);
    raw.send(connectPacket('big-sender'));
    const connack = await raw.next((p): p is Extract<typeof p, { cmd: 'connack' }> => p.cmd === 'connack', 'CONNACK');
    expect(connack.properties?.maximumPacketSize).toBe(1024);
    raw.send({ cmd: 'publish', topic: 'big', payload: Buffer.alloc(2000, 1), qos: 0, retain: false, dup: false });
    const disconnect = await raw.next((p): p is Extract<typeof p, { cmd: 'disconnect' }> => p.cmd === 'disconnect', 'DISCONNECT');
    expect(disconnect.reasonCode).toBe(0x95);
    await raw.waitClosed();
    await logged(/closed client "big-sender" from 127\.0\.0\.1:\d+: a 2,00\d-byte packet is over the maximum packet size of 1,024 bytes/);
  });

  it('disconnect a client that keeps more QoS 2 messages in flight than allowed (0x93), after answering those within it', async () => {
    await mustSave(await input({ limits: { maxPacketBytes: 1024 * 1024, maxInflight: 5, maxConnections: 2000 } }));
    const raw = await rawConnect(port);
    raws.push(raw);
    raw.send(connectPacket('no-pubrel'));
    const connack = await raw.next((p): p is Extract<typeof p, { cmd: 'connack' }> => p.cmd === 'connack', 'CONNACK');
    expect(connack.properties?.receiveMaximum).toBe(5);
    for (let id = 1; id <= 8; id++) raw.send({ cmd: 'publish', topic: `inflight/${id}`, payload: Buffer.from('x'), qos: 2, messageId: id, retain: false, dup: false });
    const disconnect = await raw.next((p): p is Extract<typeof p, { cmd: 'disconnect' }> => p.cmd === 'disconnect', 'DISCONNECT');
    expect(disconnect.reasonCode).toBe(0x93);
    // Aedes handles the packets of one read side by side: some PUBRECs may not go out before the close.
    const answered = raw.received.filter((p) => p.cmd === 'pubrec').map((p) => (p as { messageId: number }).messageId);
    expect(answered.every((id) => id <= 5)).toBe(true);
    await raw.waitClosed();
    // Nothing past the limit went to subscribers.
    for (const id of [6, 7, 8]) expect(h.core.connection('embedded')!.tree.find(`inflight/${id}`)).toBeUndefined();
    await logged(/disconnected client "no-pubrel" .*: more than 5 QoS 2 messages in flight, over the maximum of 5/);
    // A client that releases each one stays well within the limit however many it sends.
    const steady = await client({ clientId: 'steady', protocolVersion: 5 });
    for (let i = 0; i < 50; i++) await steady.publishAsync('inflight/steady', String(i), { qos: 2 });
  });

  it('refuse connections beyond the maximum, log it, and accept again once some close', async () => {
    await mustSave(await input({ limits: { maxPacketBytes: 1024 * 1024, maxInflight: 20, maxConnections: 10 } }));
    // Sockets of earlier tests may still be closing: open until the broker refuses one.
    const held: RawClient[] = [];
    let refused: RawClient | null = null;
    for (let i = 0; i < 20 && !refused; i++) {
      const c = await rawConnect(port);
      raws.push(c);
      await new Promise((r) => setTimeout(r, 50));
      if (c.closed) refused = c;
      else held.push(c);
    }
    expect(refused).not.toBeNull();
    await logged(/refused a connection from 127\.0\.0\.1:\d+: 10 connections is the maximum/);
    held[0].end();
    await waitFor(async () => {
      const r = await rawConnect(port);
      raws.push(r);
      r.send(connectPacket('after-one-left'));
      return (await r.next((p): p is Extract<typeof p, { cmd: 'connack' }> => p.cmd === 'connack', 'CONNACK', 1000).catch(() => null)) ?? null;
    }, { what: 'a connection to be accepted again', timeoutMs: 5000 });
    await mustSave(await input({ limits: { maxPacketBytes: 1024 * 1024, maxInflight: 20, maxConnections: 2000 } }));
    const refusals = (await info()).broker!.events.map((e) => e.kind);
    expect(refusals).toEqual(expect.arrayContaining(['connections', 'packet-size', 'inflight', 'sign-in', 'publish-denied', 'subscribe-denied']));
  });
});

describe('the TLS listener', () => {
  it('serves MQTT over TLS with the user\'s certificate; the capture sees the packets inside', async () => {
    const tlsPort = await freePort();
    await mustSave(await input({ tls: { enabled: true, port: tlsPort, certFile: tlsFile('server.pem'), keyFile: tlsFile('server-key.pem'), passphrase: null } }));
    expect((await info()).broker!.tls).toEqual({ port: tlsPort, problem: null });
    const c = await mqtt.connectAsync({ protocol: 'mqtts', host: '127.0.0.1', port: tlsPort, ca: fs.readFileSync(tlsFile('ca.pem')), clientId: 'over-tls', reconnectPeriod: 0 });
    clients.push(c);
    await c.publishAsync('tls/hello', 'secret payload', { qos: 1 });
    expect((await h.waitForHistory('embedded', 'tls/hello', (v) => v.entries.length === 1)).entries[0].preview).toBe('secret payload');
    await waitFor(() => h.core.capture.linkList().find((l) => l.clientId === 'over-tls') ?? null, { what: 'the TLS client in the capture', timeoutMs: 5000 });
  });

  it('says why it did not start: wrong passphrase, a missing file, a port in use', async () => {
    const tlsPort = await freePort();
    const tls = { enabled: true, port: tlsPort, certFile: tlsFile('client.pem'), keyFile: tlsFile('client-key.pem'), passphrase: 'wrong' };
    await mustSave(await input({ tls }));
    expect((await info()).broker!.tls?.problem).toMatch(/passphrase is missing or wrong/);
    await logged(/TLS listener did not start: the private key is encrypted and the passphrase is missing or wrong/);
    await mustSave(await input({ tls: { ...tls, passphrase: 'fixture-passphrase' } }));
    expect((await info()).broker!.tls).toEqual({ port: tlsPort, problem: null });
    expect((await current()).tls.passphraseSet).toBe(true);
    expect(fs.readFileSync(path.join(h.dataDir, 'broker.json'), 'utf8')).not.toContain('fixture-passphrase');

    await mustSave(await input({ tls: { ...tls, keyFile: '/nonexistent/key.pem', passphrase: null } }));
    expect((await info()).broker!.tls?.problem).toMatch(/the private key file \/nonexistent\/key\.pem cannot be read \(it does not exist\)/);
    const r = await save(await input({ tls: { ...tls, port: port, passphrase: null } }));
    expect(r.ok).toBe(false);
    await mustSave(await input({ tls: { ...tls, enabled: false, passphrase: null } }));
    expect((await info()).broker!.tls).toBeNull();
  });
});

describe('a new address', () => {
  it('is saved for the next start, and the view says a restart is pending until then', async () => {
    const other = await freePort();
    const r = await save(await input({ port: other }));
    expect(r.ok && r.restartNeeded).toBe(true);
    expect(await current()).toMatchObject({ port: other, restartPending: true });
    expect((await info()).broker!.port).toBe(port);
    await mustSave(await input({ port }));
    expect((await current()).restartPending).toBe(false);
  });
});

describe('exposed to the network', () => {
  it('warns loudly when bound to a non-loopback address without sign-in, and says it is exposed', async () => {
    const exposed = await startCore({ brokerPort: await freePort(), brokerHost: '0.0.0.0' });
    try {
      const broker = ((await exposed.ok('getAppInfo')) as AppInfo).broker!;
      expect(broker).toMatchObject({ host: '0.0.0.0', exposed: true, requireAuth: false });
      expect(exposed.logLines.find((l) => l.startsWith('WARNING'))).toMatch(/listens on 0\.0\.0\.0, reachable from other machines, and anyone who reaches it may publish and subscribe to anything/);
      expect(((await exposed.ok('getBrokerSettings')) as BrokerSettingsView).exposed).toBe(true);
    } finally {
      await exposed.close();
    }
  });
});
