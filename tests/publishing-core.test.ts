// Publishing through the core on real brokers: MQTT 5.0 properties arrive at an
// independent subscriber as sent, each publish names the flow of its handshake,
// bad input publishes nothing, repeats count what the broker took, and request and
// response time the round trip against a responder written here (5.0 properties and
// 3.1.1 JSON fields).
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRecord } from '../shared/capture-contract';
import type { PublishLibrary, PublishResult, RequestOutcome } from '../shared/publish-contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { waitFor } from './helpers/wait-for';

interface Seen {
  topic: string;
  payload: Buffer;
  qos: number;
  retain: boolean;
  properties: Record<string, unknown> | undefined;
}

let broker: MosquittoBroker;
let h: CoreHarness;
let watcher: MqttClient;
const seen: Seen[] = [];
const ids: Record<4 | 5, string> = { 4: '', 5: '' };

beforeAll(async () => {
  broker = await startMosquitto();
  h = await startCore({ brokerPort: await freePort() });
  watcher = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'pub-watcher' });
  watcher.on('message', (topic, payload, packet) => seen.push({ topic, payload, qos: packet.qos, retain: packet.retain, properties: packet.properties as Record<string, unknown> | undefined }));
  await watcher.subscribeAsync('out/#', { qos: 2 });
  for (const v of [4, 5] as const) {
    ids[v] = ((await h.ok('connect', { url: broker.url, protocolVersion: v, subscriptions: [{ filter: 'seen/#', qos: 1 }] })) as { connectionId: string }).connectionId;
    await h.waitForStatus(ids[v], 'connected');
  }
}, 30_000);

afterAll(async () => {
  await watcher?.endAsync();
  await h?.close();
  await broker?.stop();
});

const publish = (arg: Record<string, unknown>) => h.call('publish', { payload: '', format: 'text', qos: 1, retain: false, ...arg });

async function sentinel(name: string): Promise<Seen[]> {
  const mark = seen.length;
  await h.ok('publish', { connectionId: ids[5], topic: `out/sentinel/${name}`, payload: name, format: 'text', qos: 1, retain: false });
  await waitFor(() => seen.slice(mark).some((m) => m.topic === `out/sentinel/${name}`), { what: `sentinel ${name}` });
  return seen.slice(mark);
}

describe('a publish', () => {
  it('carries its MQTT 5.0 properties to the subscriber as given', async () => {
    const body = '{ "cmd": "set", "value": 21.5 }';
    const result = await publish({
      connectionId: ids[5],
      topic: 'out/props',
      payload: body,
      format: 'json',
      qos: 2,
      properties: {
        contentType: 'application/json',
        payloadFormatIndicator: true,
        messageExpiryInterval: 3600,
        responseTopic: 'out/props/reply',
        correlationData: Buffer.from([1, 2, 3, 0xff]).toString('base64'),
        userProperties: [
          { key: 'site', value: 'lab' },
          { key: 'tag', value: 'a' },
          { key: 'tag', value: 'b' },
        ],
      },
    });
    expect(result).toMatchObject({ ok: true, value: { size: body.length } });
    const m = await waitFor(() => seen.find((s) => s.topic === 'out/props'), { what: 'out/props at the watcher' });
    expect(m.payload.toString()).toBe(body);
    expect(m.qos).toBe(2);
    expect(m.properties).toMatchObject({
      contentType: 'application/json',
      payloadFormatIndicator: true,
      responseTopic: 'out/props/reply',
      userProperties: { site: 'lab', tag: ['a', 'b'] },
    });
    expect((m.properties!.correlationData as Buffer).equals(Buffer.from([1, 2, 3, 0xff]))).toBe(true);
    // mosquitto forwards the remaining expiry: at most what was sent.
    expect(m.properties!.messageExpiryInterval).toBeGreaterThan(3590);
  });

  it('sends hex and base64 payloads byte for byte', async () => {
    await h.ok('publish', { connectionId: ids[4], topic: 'out/hex', payload: '00 ff 7F\n80', format: 'hex', qos: 1, retain: false });
    await h.ok('publish', { connectionId: ids[4], topic: 'out/b64', payload: Buffer.from([9, 8, 0, 255]).toString('base64'), format: 'base64', qos: 0, retain: false });
    const hex = await waitFor(() => seen.find((s) => s.topic === 'out/hex'), { what: 'out/hex' });
    expect([...hex.payload]).toEqual([0, 255, 127, 128]);
    const b64 = await waitFor(() => seen.find((s) => s.topic === 'out/b64'), { what: 'out/b64' });
    expect([...b64.payload]).toEqual([9, 8, 0, 255]);
  });

  it.each([
    ['mosquitto (tapped on our side)', () => ids[5], 'out/flow'],
    ['the embedded broker (tapped at the broker)', () => 'embedded', 'flow/embedded'],
  ])('names the flow of its handshake on %s, at each QoS', async (_label, connectionId, prefix) => {
    for (const qos of [0, 1, 2] as const) {
      const result = (await h.ok('publish', { connectionId: connectionId(), topic: `${prefix}/q${qos}`, payload: `q${qos}`, format: 'text', qos, retain: false })) as PublishResult;
      expect(result.flowId).not.toBeNull();
      const flow = (await h.ok('getFlow', { id: result.flowId })) as FlowRecord;
      expect(flow).toMatchObject({ topic: `${prefix}/q${qos}`, qos, senderIsClient: true, packetId: result.packetId, payloadSize: 2 });
      await waitFor(async () => ((await h.ok('getFlow', { id: result.flowId })) as FlowRecord).state === 'complete', { what: `flow of QoS ${qos} to complete` });
    }
  });

  it('takes a topic alias within the broker’s maximum', async () => {
    const summary = await h.summary(ids[5]);
    const maximum = Number(summary!.connack!.properties.topicAliasMaximum ?? 0);
    expect(maximum).toBeGreaterThan(0);
    await h.ok('publish', { connectionId: ids[5], topic: 'out/alias', payload: 'via alias', format: 'text', qos: 1, retain: false, properties: { topicAlias: 1 } });
    const m = await waitFor(() => seen.find((s) => s.topic === 'out/alias'), { what: 'out/alias' });
    expect(m.payload.toString()).toBe('via alias');
    const beyond = await publish({ connectionId: ids[5], topic: 'out/alias2', payload: 'x', properties: { topicAlias: maximum + 1 } });
    expect(beyond).toEqual({ ok: false, error: { field: 'properties.topicAlias', message: `This broker accepts topic aliases 1 to ${maximum} (Topic Alias Maximum in its CONNACK).` } });
  });
});

describe('bad input publishes nothing and says why at the field', () => {
  const cases: [string, () => Record<string, unknown>, string, string | RegExp][] = [
    ['a wildcard in the topic', () => ({ connectionId: ids[5], topic: 'out/bad/+', payload: 'x' }), 'topic', /cannot contain the wildcards/],
    ['invalid JSON with JSON chosen', () => ({ connectionId: ids[5], topic: 'out/bad/json', payload: '{"a": 1,}', format: 'json' }), 'payload', /^The payload is not valid JSON: /],
    ['hex with an odd length', () => ({ connectionId: ids[5], topic: 'out/bad/hex', payload: 'abc', format: 'hex' }), 'payload', 'The hex payload has an odd number of digits (3); every byte needs two.'],
    ['properties on a 3.1.1 connection', () => ({ connectionId: ids[4], topic: 'out/bad/v4', payload: 'x', properties: { contentType: 'text/plain' } }), 'properties', /MQTT 5.0 feature; this connection speaks MQTT 3.1.1/],
    ['a wildcard response topic', () => ({ connectionId: ids[5], topic: 'out/bad/rt', payload: 'x', properties: { responseTopic: 'r/#' } }), 'properties.responseTopic', /^Response topic: /],
    ['correlation data that is not base64', () => ({ connectionId: ids[5], topic: 'out/bad/cd', payload: 'x', properties: { correlationData: 'no!' } }), 'properties.correlationData', 'The correlation data is not valid base64.'],
    ['a non-UTF-8 payload marked as UTF-8', () => ({ connectionId: ids[5], topic: 'out/bad/pfi', payload: 'ff fe', format: 'hex', properties: { payloadFormatIndicator: true } }), 'properties.payloadFormatIndicator', /not valid UTF-8/],
    ['a user property without a name', () => ({ connectionId: ids[5], topic: 'out/bad/up', payload: 'x', properties: { userProperties: [{ key: 'ok', value: '1' }, { key: '', value: '2' }] } }), 'properties.userProperties.1.key', 'A user property needs a name.'],
  ];

  it.each(cases)('%s', async (name, arg, field, message) => {
    const result = await publish(arg());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe(field);
    if (typeof message === 'string') expect(result.error.message).toBe(message);
    else expect(result.error.message).toMatch(message);
    const after = await sentinel(name.replace(/\W+/g, '-'));
    expect(after.map((m) => m.topic)).toEqual([`out/sentinel/${name.replace(/\W+/g, '-')}`]);
  });
});

describe('repeated publishes', () => {
  const repeatState = (id: string) => h.latest('publishing')?.repeats.find((r) => r.id === id);

  it('publish the message N times at the interval, counted', async () => {
    const { repeatId } = (await h.ok('startRepeat', { connectionId: ids[4], topic: 'out/repeat/a', payload: 'tick', format: 'text', qos: 1, retain: false, intervalMs: 10, count: 20 })) as { repeatId: string };
    const done = await waitFor(() => (repeatState(repeatId)?.state === 'done' ? repeatState(repeatId) : null), { what: 'the repeat to finish' });
    expect(done).toMatchObject({ sent: 20, failed: 0, total: 20, state: 'done', topic: 'out/repeat/a' });
    expect(done.endedAt! - done.startedAt).toBeGreaterThanOrEqual(190);
    await sentinel('after-repeat');
    expect(seen.filter((m) => m.topic === 'out/repeat/a')).toHaveLength(20);
  });

  it('stop when asked; the subscriber got exactly what was counted', async () => {
    const { repeatId } = (await h.ok('startRepeat', { connectionId: ids[5], topic: 'out/repeat/b', payload: 'tock', format: 'text', qos: 2, retain: false, intervalMs: 20, count: 100_000 })) as { repeatId: string };
    await waitFor(() => (repeatState(repeatId)?.sent ?? 0) >= 5, { what: 'five repeats' });
    await h.ok('stopRepeat', { repeatId });
    const stopped = await waitFor(() => (repeatState(repeatId)?.state === 'stopped' ? repeatState(repeatId) : null), { what: 'the repeat to stop' });
    expect(stopped.sent).toBeLessThan(100);
    await sentinel('after-stop');
    // Publishes already handed over when Stop came still complete; the event catches up within a feed tick.
    const delivered = seen.filter((m) => m.topic === 'out/repeat/b').length;
    const final = await waitFor(() => (repeatState(repeatId)?.sent === delivered ? repeatState(repeatId) : null), { what: `the repeat's count to reach the ${delivered} delivered`, timeoutMs: 3000 });
    expect(final.failed).toBe(0);
    expect(final.sent).toBeLessThan(100);
    expect(await h.call('stopRepeat', { repeatId: 'repeat-none' })).toMatchObject({ ok: false, error: { field: 'repeatId' } });
  });
});

describe('request and response', () => {
  let responder: MqttClient;
  beforeAll(async () => {
    responder = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'responder' });
    responder.on('message', (topic, payload, packet) => {
      if (topic === 'svc/v5/req') {
        // 5.0: answer on the Response Topic with the same Correlation Data.
        const p = packet.properties ?? {};
        responder.publish(p.responseTopic!, `pong:${payload.toString()}`, { qos: 1, properties: { correlationData: p.correlationData } });
      } else if (topic === 'svc/v3/req') {
        // 3.1.1 style: the reply topic and correlation come inside the JSON.
        const body = JSON.parse(payload.toString()) as { replyTo: string; correlationId: string; n: number };
        responder.publish(body.replyTo, JSON.stringify({ correlationId: body.correlationId, result: body.n * 2 }), { qos: 1 });
      }
    });
    await responder.subscribeAsync(['svc/v5/req', 'svc/v3/req'], { qos: 1 });
  });
  afterAll(async () => responder?.endAsync());

  it('with MQTT 5.0 properties: the reply that carries our correlation data, and the round trip', async () => {
    // A decoy with another correlation first: it must not count as the reply.
    const outcome = (await h.ok('sendRequest', {
      connectionId: ids[5],
      topic: 'svc/v5/req',
      payload: 'ping',
      format: 'text',
      qos: 1,
      retain: false,
      responseTopic: 'svc/v5/reply/scope',
      correlation: 'req-42',
      match: { kind: 'properties' },
      timeoutMs: 5000,
    })) as RequestOutcome;
    expect(outcome.kind).toBe('reply');
    if (outcome.kind !== 'reply') return;
    expect(Buffer.from(outcome.reply.payloadBase64, 'base64').toString()).toBe('pong:ping');
    expect(outcome.reply.topic).toBe('svc/v5/reply/scope');
    expect(outcome.reply.properties.correlationData).toBe(`0x${Buffer.from('req-42').toString('hex')}`);
    expect(outcome.rttMs).toBeGreaterThan(0);
    expect(outcome.request.flowId).not.toBeNull();
    // The reply subscription was the request's own: it is gone again.
    expect((await h.summary(ids[5]))!.subscriptions.map((s) => s.filter)).toEqual(['seen/#']);
  });

  it('with 3.1.1 and fields in the JSON payload', async () => {
    const outcome = (await h.ok('sendRequest', {
      connectionId: ids[4],
      topic: 'svc/v3/req',
      payload: '{"n": 21}',
      format: 'json',
      qos: 1,
      retain: false,
      responseTopic: 'svc/v3/reply/scope',
      correlation: 'c-7',
      match: { kind: 'json-fields', responseTopicKey: 'replyTo', correlationKey: 'correlationId' },
      timeoutMs: 5000,
    })) as RequestOutcome;
    expect(outcome.kind).toBe('reply');
    if (outcome.kind !== 'reply') return;
    expect(JSON.parse(Buffer.from(outcome.reply.payloadBase64, 'base64').toString())).toEqual({ correlationId: 'c-7', result: 42 });
  });

  it('says when no reply came, and refuses what cannot carry a request', async () => {
    const outcome = (await h.ok('sendRequest', {
      connectionId: ids[5],
      topic: 'svc/nobody/req',
      payload: 'hello?',
      format: 'text',
      qos: 0,
      retain: false,
      responseTopic: 'svc/nobody/reply',
      correlation: 'lonely',
      match: { kind: 'properties' },
      timeoutMs: 300,
    })) as RequestOutcome;
    expect(outcome).toMatchObject({ kind: 'timeout' });
    const base = { topic: 'svc/v3/req', format: 'text', qos: 1, retain: false, correlation: 'x', timeoutMs: 1000 };
    expect(await h.call('sendRequest', { ...base, connectionId: ids[4], payload: 'x', responseTopic: 'r', match: { kind: 'properties' } })).toMatchObject({ ok: false, error: { field: 'match' } });
    expect(await h.call('sendRequest', { ...base, connectionId: ids[4], payload: '[1]', responseTopic: 'r', match: { kind: 'json-fields', responseTopicKey: 'a', correlationKey: 'b' } })).toMatchObject({ ok: false, error: { field: 'payload' } });
    expect(await h.call('sendRequest', { ...base, connectionId: ids[5], payload: 'x', responseTopic: 'r/+', match: { kind: 'properties' } })).toMatchObject({ ok: false, error: { field: 'responseTopic' } });
  });
});

describe('the publish library and topic completion', () => {
  it('keeps the history newest first, per broker, and saved messages by name', async () => {
    const library = (await h.ok('getPublishLibrary', { connectionId: ids[4] })) as PublishLibrary;
    expect(library.key).toBe(`mqtt://127.0.0.1:${broker.port}`);
    // Both connections go to the same mosquitto: one library.
    expect(((await h.ok('getPublishLibrary', { connectionId: ids[5] })) as PublishLibrary).history.length).toBe(library.history.length);
    expect(library.history[0].message.topic).toMatch(/^(out|svc)\//);
    expect(library.history.some((t) => t.message.topic === 'out/hex' && t.message.format === 'hex' && t.message.payload === '00 ff 7F\n80')).toBe(true);
    // Failed publishes are not history.
    expect(library.history.some((t) => t.message.topic.startsWith('out/bad/'))).toBe(false);

    const message = { topic: 'out/saved', payload: '{"on":true}', format: 'json', qos: 1, retain: true };
    const saved = (await h.ok('savePublish', { connectionId: ids[4], name: 'Lamp on', message })) as PublishLibrary;
    expect(saved.saved).toEqual([{ name: 'Lamp on', message, payloadOmitted: null, at: expect.any(Number) }]);
    expect(await h.call('savePublish', { connectionId: ids[4], name: '  ', message })).toMatchObject({ ok: false, error: { field: 'name' } });
    const deleted = (await h.ok('deleteSavedPublish', { connectionId: ids[4], name: 'Lamp on' })) as PublishLibrary;
    expect(deleted.saved).toEqual([]);
    const embedded = (await h.ok('getPublishLibrary', { connectionId: 'embedded' })) as PublishLibrary;
    expect(embedded.key).toBe('embedded');
    expect(embedded.history.every((t) => t.message.topic.startsWith('flow/embedded/'))).toBe(true);
    const cleared = (await h.ok('clearPublishHistory', { connectionId: 'embedded' })) as PublishLibrary;
    expect(cleared.history).toEqual([]);
  });

  it('completes topics seen on the connection', async () => {
    const watcherPub = await mqtt.connectAsync(broker.url, { protocolVersion: 4 });
    for (const t of ['seen/dev-2/temp', 'seen/dev-10/temp', 'seen/dev-1/hum', 'seen/other']) await watcherPub.publishAsync(t, 'x', { qos: 1 });
    await watcherPub.endAsync();
    await waitFor(async () => ((await h.ok('completeTopic', { connectionId: ids[4], prefix: 'seen/', limit: 10 })) as { topics: string[] }).topics.length === 4, { what: 'four topics seen' });
    expect(await h.ok('completeTopic', { connectionId: ids[4], prefix: 'seen/dev-', limit: 2 })).toEqual({ topics: ['seen/dev-1/hum', 'seen/dev-2/temp'], more: 1 });
  });
});
