// The core against a real mosquitto (Debian's binary, our own config on a free
// loopback port): messages in, messages out at each QoS, retained messages, refused
// credentials and SUBACK verdicts, all driven through dispatchRequest as a transport would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionSummary, MessageDetail, ProtocolVersion, Qos, SubscriptionState } from '../shared/contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { mosquittoPub, startMosquitto, startMosquittoSub, type MosquittoBroker } from './helpers/mosquitto';

const versions: ProtocolVersion[] = [4, 5];
const mqttV = (v: ProtocolVersion) => (v === 5 ? 'mqttv5' : 'mqttv311');

let broker: MosquittoBroker;
let h: CoreHarness;

beforeAll(async () => {
  broker = await startMosquitto();
  h = await startCore();
});

afterAll(async () => {
  await h?.close();
  await broker?.stop();
});

async function connect(arg: Record<string, unknown>): Promise<string> {
  const value = (await h.ok('connect', arg)) as { connectionId: string };
  return value.connectionId;
}

function pubArgs(...args: string[]): string[] {
  return ['-h', '127.0.0.1', '-p', String(broker.port), ...args];
}

describe('messages from mosquitto_pub', () => {
  it.each(versions)('reach the tree, the history and getMessage byte for byte (protocol %i)', async (v) => {
    const prefix = `mq/a/v${v}`;
    const id = await connect({ url: broker.url, protocolVersion: v, clientId: `scope-a-${v}`, subscriptions: [{ filter: `${prefix}/#`, qos: 2 }] });
    await h.waitForSubscriptions(id);

    await mosquittoPub(pubArgs('-V', mqttV(v), '-q', '1', '-t', `${prefix}/sensor/temp`, '-m', '{"t": 21.5}'));
    await mosquittoPub(pubArgs('-V', mqttV(v), '-q', '0', '-t', `${prefix}/sensor/temp`, '-m', '{"t":   22}'));
    await mosquittoPub(pubArgs('-V', mqttV(v), '-q', '2', '-t', `${prefix}/sensor/hum`, '-m', 'humidity 40 %'));

    const temp = await h.waitForTreeRow(id, `${prefix}/sensor/temp`, (r) => r.ownMessageCount === 2);
    expect(temp).toMatchObject({
      name: 'temp',
      depth: 4,
      childCount: 0,
      topicCount: 1,
      messageCount: 2,
      ownMessageCount: 2,
      preview: '{"t": 22}',
      previewFormat: 'json',
      retained: false,
    });
    const hum = await h.waitForTreeRow(id, `${prefix}/sensor/hum`, (r) => r.ownMessageCount === 1);
    expect(hum).toMatchObject({ messageCount: 1, preview: 'humidity 40 %', previewFormat: 'text', retained: false });
    const sensor = await h.waitForTreeRow(id, `${prefix}/sensor`, (r) => r.messageCount === 3);
    expect(sensor).toMatchObject({ childCount: 2, topicCount: 2, messageCount: 3, ownMessageCount: 0, preview: null, previewFormat: null });
    const top = await h.waitForTreeRow(id, 'mq', (r) => r.messageCount === 3);
    expect(top).toMatchObject({ depth: 0, topicCount: 2, messageCount: 3, expanded: true });

    const history = await h.waitForHistory(id, `${prefix}/sensor/temp`, (view) => view.entries.length === 2);
    expect(history.entries.map((e) => [e.seq, e.size, e.qos, e.retain, e.format, e.preview, e.previewTruncated])).toEqual([
      [1, 11, 0, false, 'json', '{"t": 22}', false],
      [0, 11, 1, false, 'json', '{"t": 21.5}', false],
    ]);
    expect(history.last.kept).toEqual({ count: 2, bytes: 22 });
    expect(history.last.evicted).toEqual({ count: 0, bytes: 0 });
    const humHistory = await h.waitForHistory(id, `${prefix}/sensor/hum`, (view) => view.entries.length === 1);
    expect(humHistory.entries[0]).toMatchObject({ seq: 0, size: 13, qos: 2, retain: false, format: 'text', preview: 'humidity 40 %' });

    const detail = (await h.ok('getMessage', { connectionId: id, topic: `${prefix}/sensor/temp`, seq: 0 })) as MessageDetail;
    expect(detail).toMatchObject({ seq: 0, topic: `${prefix}/sensor/temp`, qos: 1, retain: false, size: 11 });
    expect(Buffer.from(detail.payloadBase64, 'base64').toString('utf8')).toBe('{"t": 21.5}');

    const summary = (await h.summary(id))!;
    expect(summary.counters).toEqual({ messagesReceived: 3, messagesPublished: 0, bytesReceived: 35, topics: 2 });
  });

  it('keeps a binary payload byte for byte', async () => {
    const topic = 'mq/bin/blob';
    const id = await connect({ url: broker.url, protocolVersion: 5, subscriptions: [{ filter: topic, qos: 1 }] });
    await h.waitForSubscriptions(id);
    const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x41, 0x0a, 0x00]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-bin-'));
    try {
      fs.writeFileSync(path.join(dir, 'blob'), bytes);
      await mosquittoPub(pubArgs('-q', '1', '-t', topic, '-f', path.join(dir, 'blob')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const row = await h.waitForTreeRow(id, topic, (r) => r.ownMessageCount === 1);
    expect(row).toMatchObject({ previewFormat: 'binary', preview: '00 ff 10 80 41 0a 00' });
    const history = await h.waitForHistory(id, topic, (view) => view.entries.length === 1);
    expect(history.entries[0]).toMatchObject({ size: 7, qos: 1, format: 'binary', preview: '00 ff 10 80 41 0a 00', previewTruncated: false });
    const detail = (await h.ok('getMessage', { connectionId: id, topic, seq: 0 })) as MessageDetail;
    expect(Buffer.from(detail.payloadBase64, 'base64').equals(bytes)).toBe(true);
  });
});

describe("the core's publish request", () => {
  for (const v of versions) {
    for (const qos of [0, 1, 2] as Qos[]) {
      it(`reaches mosquitto_sub at QoS ${qos} (protocol ${v})`, async () => {
        const clientId = `scope-b-${v}-${qos}`;
        const id = await connect({ url: broker.url, protocolVersion: v, clientId, subscriptions: [] });
        await h.waitForStatus(id, 'connected');
        const topic = `mq/b/v${v}/q${qos}`;
        const payload = `héllo wörld q${qos} ✓ {"n":1}`;
        const subId = `sub-b-${v}-${qos}`;
        const sub = startMosquittoSub(['-h', '127.0.0.1', '-p', String(broker.port), '-V', mqttV(v), '-i', subId, '-t', topic, '-q', '2', '-C', '1', '-W', '10', '-v']);
        try {
          // mosquitto_sub's own "Subscribed" line is not flushed through a pipe; the broker's log is.
          await broker.waitForLog(new RegExp(`Sending SUBACK to ${subId}$`), `SUBACK to ${subId}`);
          const result = await h.call('publish', { connectionId: id, topic, payload, format: 'text', qos, retain: false });
          expect(result).toMatchObject({ ok: true, value: { size: Buffer.byteLength(payload), packetId: qos === 0 ? null : expect.any(Number), flowId: expect.any(Number) } });
          const done = await sub.done;
          expect(done.code, done.stderr).toBe(0);
          expect(done.messages).toHaveLength(1);
          expect(done.messages[0].equals(Buffer.from(`${topic} ${payload}`, 'utf8'))).toBe(true);
        } finally {
          await sub.kill();
        }
        const size = Buffer.byteLength(payload);
        const esc = topic.replace(/\//g, '\\/');
        // What mosquitto saw: the core's PUBLISH at the requested QoS, and its completion.
        await broker.waitForLog(new RegExp(`Received PUBLISH from ${clientId} \\(d0, q${qos}, r0, m\\d+, '${esc}', \\.\\.\\. \\(${size} bytes\\)\\)`), `PUBLISH from ${clientId}`);
        await broker.waitForLog(new RegExp(`Sending PUBLISH to ${subId} \\(d0, q${qos}, r0, m\\d+, '${esc}'`), `PUBLISH to ${subId}`);
        if (qos === 1) await broker.waitForLog(new RegExp(`Sending PUBACK to ${clientId} `), `PUBACK to ${clientId}`);
        if (qos === 2) {
          await broker.waitForLog(new RegExp(`Received PUBREL from ${clientId} `), `PUBREL from ${clientId}`);
          await broker.waitForLog(new RegExp(`Sending PUBCOMP to ${clientId} `), `PUBCOMP to ${clientId}`);
        }
        expect((await h.summary(id))!.counters.messagesPublished).toBe(1);
        await h.ok('removeConnection', { connectionId: id });
      });
    }
  }
});

describe('retained messages', () => {
  it.each(versions)('published before the app connects show retain: true (protocol %i)', async (v) => {
    const topic = `mq/c/v${v}/door`;
    await mosquittoPub(pubArgs('-r', '-q', '1', '-t', topic, '-m', 'open'));
    const id = await connect({ url: broker.url, protocolVersion: v, subscriptions: [{ filter: `mq/c/v${v}/#`, qos: 1 }] });

    const row = await h.waitForTreeRow(id, topic, (r) => r.ownMessageCount === 1);
    expect(row).toMatchObject({ retained: true, preview: 'open', messageCount: 1 });
    const history = await h.waitForHistory(id, topic, (view) => view.entries.length === 1);
    expect(history.entries[0]).toMatchObject({ seq: 0, retain: true, qos: 1, size: 4, preview: 'open' });

    // A live message on the same topic is not retained, and the row follows the latest message.
    await mosquittoPub(pubArgs('-q', '1', '-t', topic, '-m', 'closed'));
    const after = await h.waitForTreeRow(id, topic, (r) => r.ownMessageCount === 2);
    expect(after).toMatchObject({ retained: false, preview: 'closed' });
    const both = await h.waitForHistory(id, topic, (view) => view.entries.length === 2);
    expect(both.entries.map((e) => [e.seq, e.retain, e.preview])).toEqual([
      [1, false, 'closed'],
      [0, true, 'open'],
    ]);
    await mosquittoPub(pubArgs('-r', '-n', '-t', topic));
    await h.ok('removeConnection', { connectionId: id });
  });
});

describe('refused credentials', () => {
  let authBroker: MosquittoBroker;
  beforeAll(async () => {
    authBroker = await startMosquitto({ passwordUsers: [{ user: 'alice', password: 's3cret' }, { user: 'bob', password: 'hunter2' }] });
  });
  afterAll(async () => {
    await authBroker?.stop();
  });

  // mosquitto 2.0 answers a wrong password with "not authorised" (3.1.1 code 5, 5.0 0x87);
  // other versions and brokers say "bad user name or password" (4, 0x86). The app must
  // report exactly what the broker sent, in words, and give up (retrying cannot help).
  const refusals: Record<ProtocolVersion, Record<number, string>> = {
    3: {},
    4: { 4: 'bad user name or password (0x04)', 5: 'not authorised (0x05)' },
    5: { 0x86: 'Bad User Name or Password (0x86)', 0x87: 'Not authorized (0x87)' },
  };

  it.each(versions)('a wrong password fails with the reason in words; the right one connects (protocol %i)', async (v) => {
    const clientId = `scope-d-bad-${v}`;
    const mark = authBroker.log().length;
    const bad = await connect({ url: authBroker.url, protocolVersion: v, clientId, username: 'alice', password: 'wrong', subscriptions: [] });
    const failed = await h.waitForStatus(bad, 'failed');
    const status = failed.status as Extract<ConnectionSummary['status'], { kind: 'failed' }>;
    // mosquitto logs a refused client by address, not id; nothing else connects meanwhile.
    const line = await authBroker.waitForLog(/Sending CONNACK to \S+ \(\d+, \d+\)/, `the CONNACK refusing ${clientId}`, { from: mark });
    const sentCode = Number(/\(\d+, (\d+)\)/.exec(line)![1]);
    expect(Object.keys(refusals[v]).map(Number)).toContain(sentCode);
    expect(status.code).toBe(sentCode);
    expect(status.reason).toBe(`The broker refused the connection: ${refusals[v][sentCode]}. Check the user name and password.`);
    expect(status.reason).toMatch(/bad user name or password|not authori[sz]ed/i);

    // Credentials in the URL work too, and the password never shows in the summary.
    const good = await connect({ url: `mqtt://bob:hunter2@127.0.0.1:${authBroker.port}`, protocolVersion: v, subscriptions: [] });
    const connected = await h.waitForStatus(good, 'connected');
    expect(connected.url).toBe(`mqtt://bob@127.0.0.1:${authBroker.port}`);
    expect(JSON.stringify(await h.ok('listConnections'))).not.toContain('hunter2');

    const good2 = await connect({ url: authBroker.url, protocolVersion: v, username: 'alice', password: 's3cret', subscriptions: [] });
    await h.waitForStatus(good2, 'connected');
    // Failed is final: still failed (not reconnecting) once the good ones are up.
    expect((await h.summary(bad))!.status.kind).toBe('failed');
    for (const c of [bad, good, good2]) await h.ok('removeConnection', { connectionId: c });
  });

  it('no credentials at all on a broker that requires them fails too', async () => {
    const id = await connect({ url: authBroker.url, protocolVersion: 4, subscriptions: [] });
    const s = await h.waitForStatus(id, 'failed');
    expect(s.status).toMatchObject({ kind: 'failed', code: 5, reason: 'The broker refused the connection: not authorised (0x05). This broker may require a user name and password.' });
    await h.ok('removeConnection', { connectionId: id });
  });
});

describe('subscription status', () => {
  const byFilter = (subs: SubscriptionState[]) => Object.fromEntries(subs.map((s) => [s.filter, s]));

  it.each(versions)('shows the QoS the broker granted (protocol %i)', async (v) => {
    const id = await connect({
      url: broker.url,
      protocolVersion: v,
      subscriptions: [
        { filter: 'mq/e/#', qos: 2 },
        { filter: 'mq/e/+/one', qos: 1 },
        { filter: 'mq/e/zero', qos: 0 },
      ],
    });
    const s = await h.waitForSubscriptions(id);
    expect(byFilter(s.subscriptions)).toEqual({
      'mq/e/#': { filter: 'mq/e/#', requestedQos: 2, state: 'granted', grantedQos: 2, reason: null },
      'mq/e/+/one': { filter: 'mq/e/+/one', requestedQos: 1, state: 'granted', grantedQos: 1, reason: null },
      'mq/e/zero': { filter: 'mq/e/zero', requestedQos: 0, state: 'granted', grantedQos: 0, reason: null },
    });

    expect(await h.call('subscribe', { connectionId: id, filter: 'mq/later', qos: 2 })).toEqual({ ok: true, value: undefined });
    const later = await h.waitForSubscriptions(id);
    expect(byFilter(later.subscriptions)['mq/later']).toEqual({ filter: 'mq/later', requestedQos: 2, state: 'granted', grantedQos: 2, reason: null });

    expect(await h.call('unsubscribe', { connectionId: id, filter: 'mq/later' })).toEqual({ ok: true, value: undefined });
    expect((await h.summary(id))!.subscriptions.map((x) => x.filter).sort()).toEqual(['mq/e/#', 'mq/e/+/one', 'mq/e/zero']);
    await h.ok('removeConnection', { connectionId: id });
  });

  describe('on a broker with max_qos 1', () => {
    let limited: MosquittoBroker;
    beforeAll(async () => {
      limited = await startMosquitto({ maxQos: 1 });
    });
    afterAll(async () => {
      await limited?.stop();
    });

    it.each(versions)('a QoS 2 subscription is granted QoS 1 and says so (protocol %i)', async (v) => {
      const id = await connect({ url: limited.url, protocolVersion: v, subscriptions: [{ filter: 'lim/#', qos: 2 }, { filter: 'lim/zero', qos: 0 }] });
      const s = await h.waitForSubscriptions(id);
      expect(byFilter(s.subscriptions)).toEqual({
        'lim/#': { filter: 'lim/#', requestedQos: 2, state: 'granted', grantedQos: 1, reason: 'The broker granted QoS 1 instead of 2' },
        'lim/zero': { filter: 'lim/zero', requestedQos: 0, state: 'granted', grantedQos: 0, reason: null },
      });
      await h.ok('removeConnection', { connectionId: id });
    });
  });
});
