// What the user (or a broken transport) can get wrong, sent through dispatchRequest:
// each mistake must come back as ok:false with the field it concerns and a message a
// person can act on, must change nothing (no connection, no subscription, no message
// on the wire), and must leave the core working. Refused credentials are covered in
// core-mosquitto.test.ts.
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, ConnectionSummary } from '../shared/contract';
import type { RpcResult } from '../shared/rpc';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { waitFor } from './helpers/wait-for';

let h: CoreHarness;
let brokerPort: number;
let brokerUrl: string;
let watcher: MqttClient;
/** Everything published on the embedded broker (but $SYS), in arrival order. */
const seen: { topic: string; payload: Buffer }[] = [];

beforeAll(async () => {
  brokerPort = await freePort();
  brokerUrl = `mqtt://127.0.0.1:${brokerPort}`;
  h = await startCore({ brokerPort });
  await h.waitForSubscriptions('embedded');
  watcher = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, protocolVersion: 5, clientId: 'bad-input-watcher', reconnectPeriod: 0, connectTimeout: 5000 });
  watcher.on('message', (topic, payload) => {
    if (!topic.startsWith('$SYS')) seen.push({ topic, payload: Buffer.from(payload) });
  });
  await watcher.subscribeAsync('#', { qos: 2 });
});

afterAll(async () => {
  await watcher?.endAsync(true).catch(() => undefined);
  await h?.close();
});

function expectError(result: RpcResult<unknown>, field: string | null, message?: string | RegExp): void {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return;
  expect(result.error.field).toBe(field);
  expect(result.error.message.length).toBeGreaterThan(10);
  if (typeof message === 'string') expect(result.error.message).toBe(message);
  else if (message) expect(result.error.message).toMatch(message);
}

async function connectionIds(): Promise<string[]> {
  return ((await h.ok('listConnections')) as ConnectionSummary[]).map((c) => c.id);
}

/** Publishes a sentinel through the app and returns what the watcher saw from `mark` up to and including it. */
async function seenUpToSentinel(mark: number, sentinel: string): Promise<string[]> {
  expect(await h.call('publish', { connectionId: 'embedded', topic: sentinel, payload: 'sentinel', format: 'text', qos: 1, retain: false })).toMatchObject({ ok: true, value: { flowId: expect.any(Number) } });
  await waitFor(() => seen.slice(mark).some((m) => m.topic === sentinel), { what: `the watcher to receive ${sentinel}` });
  return seen.slice(mark).map((m) => m.topic);
}

describe('connect with an invalid URL', () => {
  const cases: [string, string | RegExp][] = [
    ['htp://x', "Unsupported scheme 'htp://': use mqtt://, mqtts://, ws:// or wss://."],
    ['mqtt://', 'The URL has no host name.'],
    ['not a url', "'not a url' has no scheme: start it with mqtt://, mqtts://, ws:// or wss://."],
    ['', 'Enter a broker URL, for example mqtt://localhost:1883.'],
    ['mqtt://127.0.0.1:0', 'Port 0 is out of range (1 to 65535).'],
  ];
  it.each(cases)('%j gives a url error and creates no connection', async (url, message) => {
    const before = await connectionIds();
    expectError(await h.call('connect', { url, protocolVersion: 4 }), 'url', message);
    expect(await connectionIds()).toEqual(before);
  });

  // new URL() rejects ports above 65535 with a generic error; the parser checks the port first.
  it.each(['mqtt://127.0.0.1:70000', 'ws://localhost:65536/mqtt'])('%j says the port is out of range', async (url) => {
    const before = await connectionIds();
    const result = await h.call('connect', { url, protocolVersion: 5 });
    expect(await connectionIds()).toEqual(before);
    const port = /:(\d+)(\/|$)/.exec(url)![1];
    expectError(result, 'url', `Port ${port} is out of range (1 to 65535).`);
  });
});

describe('MQTT strings with what MQTT forbids', () => {
  it('a client id or user name with U+0000 or half a character is refused at its field, and no connection is made', async () => {
    const before = await connectionIds();
    expectError(await h.call('connect', { url: brokerUrl, protocolVersion: 5, clientId: 'dev\u0000ice' }), 'clientId', /null character \(U\+0000\)/);
    expectError(await h.call('connect', { url: brokerUrl, protocolVersion: 5, username: 'half \uD800' }), 'username', /lone UTF-16 surrogate/);
    expect(await connectionIds()).toEqual(before);
  });

  it('a content type or user property with U+0000 is refused at its field and nothing is published', async () => {
    const mark = seen.length;
    const base = { connectionId: 'embedded', topic: 'strings/x', payload: 'nope', format: 'text', qos: 1, retain: false };
    expectError(await h.call('publish', { ...base, properties: { contentType: 'text/\u0000' } }), 'properties.contentType', /null character/);
    expectError(await h.call('publish', { ...base, properties: { userProperties: [{ key: 'ok', value: 'a\u0000b' }] } }), 'properties.userProperties.0.value', /user property value contains a null character/);
    expect(await seenUpToSentinel(mark, 'sentinel/strings')).toEqual(['sentinel/strings']);
  });

  it('a profile with U+0000 in its user name or client id is refused at those fields', async () => {
    const result = await h.call('saveProfile', { name: 'nul', host: '127.0.0.1', port: brokerPort, username: 'a\u0000', clientId: 'b\u0000' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toMatch(/null character/);
  });
});

describe('an unreachable broker', () => {
  it('reconnects with the refusal in words while other connections keep receiving', async () => {
    const port = await freePort();
    const id = ((await h.ok('connect', { url: `mqtt://127.0.0.1:${port}`, protocolVersion: 4, name: 'nobody home' })) as { connectionId: string }).connectionId;
    const first = await h.waitForStatus(id, 'reconnecting');
    const readAt = Date.now();
    const status = first.status as Extract<ConnectionSummary['status'], { kind: 'reconnecting' }>;
    expect(status.lastError).toBe(`Connection refused by 127.0.0.1:${port}: is a broker listening there?`);
    expect(status.lastError).toMatch(/refused/i);
    expect(status.attempt).toBe(2);
    expect(status.nextRetryAt).toBeGreaterThan(readAt);
    expect(status.nextRetryAt).toBeLessThanOrEqual(readAt + 1000);
    expect(first.name).toBe('nobody home');

    const publisher = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000 });
    try {
      await publisher.publishAsync('alive/check', 'one', { qos: 1 });
      const row = await h.waitForTreeRow('embedded', 'alive/check', (r) => r.ownMessageCount === 1);
      expect(row.preview).toBe('one');

      // The next try fails the same way and backs off (1 s, then 2 s); the embedded connection is unaffected.
      const third = await waitFor(
        async () => {
          const s = (await h.summary(id))!;
          return s.status.kind === 'reconnecting' && s.status.attempt === 3 ? s : null;
        },
        { what: 'the second retry to fail', timeoutMs: 5000 },
      );
      const thirdAt = Date.now();
      const s3 = third.status as Extract<ConnectionSummary['status'], { kind: 'reconnecting' }>;
      expect(s3.lastError).toBe(`Connection refused by 127.0.0.1:${port}: is a broker listening there?`);
      expect(s3.nextRetryAt).toBeGreaterThan(thirdAt + 1000);
      expect(s3.nextRetryAt).toBeLessThanOrEqual(thirdAt + 2000);

      await publisher.publishAsync('alive/check', 'two', { qos: 1 });
      const row2 = await h.waitForTreeRow('embedded', 'alive/check', (r) => r.ownMessageCount === 2);
      expect(row2.preview).toBe('two');
      expect((await h.summary('embedded'))!.status.kind).toBe('connected');
    } finally {
      await publisher.endAsync();
    }
    expect(await h.call('removeConnection', { connectionId: id })).toEqual({ ok: true, value: undefined });
    expect(await connectionIds()).not.toContain(id);
  });
});

describe('invalid topic filters', () => {
  const cases: [string, string][] = [
    ['a/#/b', "'#' may only be the last level of a filter; 'a/#/b' has levels after it."],
    ['a/b#', "'#' must fill a whole level by itself (found 'b#')."],
    ['', 'The topic filter is empty; it needs at least one character.'],
    ['a/+b', "'+' must fill a whole level by itself (found '+b')."],
  ];

  it.each(cases)('%j in connect subscriptions gives a field error and no connection', async (filter, message) => {
    const before = await connectionIds();
    const result = await h.call('connect', { url: brokerUrl, protocolVersion: 5, subscriptions: [{ filter: 'fine/#', qos: 0 }, { filter, qos: 1 }] });
    expectError(result, 'subscriptions.1.filter', message);
    expect(await connectionIds()).toEqual(before);
  });

  it.each(cases)('%j in subscribe gives a field error and no subscription', async (filter, message) => {
    expectError(await h.call('subscribe', { connectionId: 'embedded', filter, qos: 1 }), 'filter', message);
    const embedded = (await h.summary('embedded'))!;
    expect(embedded.subscriptions.map((s) => s.filter)).toEqual(['#']);
    expect(embedded.status.kind).toBe('connected');
  });
});

describe('invalid publish requests', () => {
  const wildcard = 'A topic to publish to cannot contain the wildcards + or #; they belong in subscription filters.';
  const cases: [string, string][] = [
    ['bad/+/inside', wildcard],
    ['+', wildcard],
    ['#', wildcard],
    ['bad/#', wildcard],
    ['bad/x+y', wildcard],
    ['', 'The topic is empty; it needs at least one character.'],
  ];

  it('invalid topics give field topic and publish nothing', async () => {
    const mark = seen.length;
    const published = (await h.summary('embedded'))!.counters.messagesPublished;
    for (const [topic, message] of cases) {
      for (const qos of [0, 1] as const) {
        expectError(await h.call('publish', { connectionId: 'embedded', topic, payload: 'nope', format: 'text', qos, retain: false }), 'topic', message);
      }
    }
    expect(await seenUpToSentinel(mark, 'sentinel/topics')).toEqual(['sentinel/topics']);
    expect((await h.summary('embedded'))!.counters.messagesPublished).toBe(published + 1);
    expect((await h.summary('embedded'))!.status.kind).toBe('connected');
  });

  it('a bad base64 payload gives field payload and publishes nothing; good base64 arrives byte for byte', async () => {
    const mark = seen.length;
    for (const payload of ['abc', '!!!!', 'ab=c', 'YQ=', 'YQ==YQ==', 'aGVsbG8 gd29y', 'é===']) {
      expectError(
        await h.call('publish', { connectionId: 'embedded', topic: 'b64/bad', payload, format: 'base64', qos: 1, retain: false }),
        'payload',
        'The payload is not valid base64.',
      );
    }
    expect(await seenUpToSentinel(mark, 'sentinel/base64')).toEqual(['sentinel/base64']);

    const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x41, 0xfe, 0x0a]);
    expect(await h.call('publish', { connectionId: 'embedded', topic: 'b64/good', payload: bytes.toString('base64'), format: 'base64', qos: 1, retain: false })).toMatchObject({
      ok: true,
      value: { size: bytes.length, flowId: expect.any(Number) },
    });
    const arrived = await waitFor(() => seen.find((m) => m.topic === 'b64/good'), { what: 'b64/good at the watcher' });
    expect(arrived.payload.equals(bytes)).toBe(true);
    expect(seen.filter((m) => m.topic.startsWith('b64/'))).toHaveLength(1);
  });

  it('publishing on a connection that is not connected fails without sending', async () => {
    const port = await freePort();
    const id = ((await h.ok('connect', { url: `mqtt://127.0.0.1:${port}`, protocolVersion: 5 })) as { connectionId: string }).connectionId;
    const result = await h.call('publish', { connectionId: id, topic: 'never/sent', payload: 'x', format: 'text', qos: 1, retain: false });
    expectError(result, null, `Not connected to mqtt://127.0.0.1:${port}: the message was not sent.`);
    expect((await h.summary(id))!.counters.messagesPublished).toBe(0);
    await h.ok('removeConnection', { connectionId: id });
  });
});

describe('requests with the wrong shape', () => {
  const shapes: [string, string, unknown, string | null][] = [
    ['connect without url', 'connect', { protocolVersion: 4 }, 'url'],
    ['connect with protocol 6', 'connect', { url: brokerUrlLater(), protocolVersion: 6 }, 'protocolVersion'],
    ['connect with a number as url', 'connect', { url: 1883, protocolVersion: 4 }, 'url'],
    ['connect with no argument', 'connect', undefined, null],
    ['connect with a subscription at QoS 3', 'connect', { url: brokerUrlLater(), protocolVersion: 4, subscriptions: [{ filter: 'a', qos: 3 }] }, 'subscriptions.0.qos'],
    ['publish at QoS 3', 'publish', { connectionId: 'embedded', topic: 'a', payload: 'x', format: 'text', qos: 3, retain: false }, 'qos'],
    ['publish without retain', 'publish', { connectionId: 'embedded', topic: 'a', payload: 'x', format: 'text', qos: 0 }, 'retain'],
    ['publish with format binary', 'publish', { connectionId: 'embedded', topic: 'a', payload: '00', format: 'binary', qos: 0, retain: false }, 'format'],
    ['publish with a Buffer-like payload', 'publish', { connectionId: 'embedded', topic: 'a', payload: { type: 'Buffer', data: [1] }, format: 'text', qos: 0, retain: false }, 'payload'],
    ['publish with null', 'publish', null, null],
    ['subscribe without filter', 'subscribe', { connectionId: 'embedded', qos: 0 }, 'filter'],
    ['subscribe at QoS 3', 'subscribe', { connectionId: 'embedded', filter: 'a', qos: 3 }, 'qos'],
    ['subscribe with QoS as a string', 'subscribe', { connectionId: 'embedded', filter: 'a', qos: '1' }, 'qos'],
    ['subscribe with an empty connectionId', 'subscribe', { connectionId: '', filter: 'a', qos: 0 }, 'connectionId'],
    ['viewTree with a huge window', 'viewTree', { connectionId: 'embedded', start: 0, count: 5000 }, 'count'],
    ['viewTree with a negative start', 'viewTree', { connectionId: 'embedded', start: -1, count: 10 }, 'start'],
    ['getMessage with a fractional seq', 'getMessage', { connectionId: 'embedded', topic: 'a', seq: 1.5 }, 'seq'],
    ['setExpanded without expanded', 'setExpanded', { connectionId: 'embedded', path: 'a' }, 'expanded'],
    ['setHistoryLimits with 0 messages', 'setHistoryLimits', { maxMessagesPerTopic: 0, maxBytesPerTopic: 4096 }, 'maxMessagesPerTopic'],
    ['setDemo with a string', 'setDemo', { enabled: 'yes' }, 'enabled'],
    ['getAppInfo with an argument', 'getAppInfo', { please: true }, null],
  ];

  it.each(shapes)('%s gives ok:false', async (_label, name, arg, field) => {
    const before = await connectionIds();
    const result = await h.call(name, arg);
    expectError(result, field, new RegExp(`^Invalid ${name} request: `));
    expect(await connectionIds()).toEqual(before);
  });

  it.each(['fooBar', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 42, null, undefined] as unknown[])('unknown request name %j gives ok:false', async (name) => {
    const result = await h.call(name as string, {});
    expectError(result, null, `Unknown request ${String(name)}`);
  });

  it('nothing crashed: the core still answers and still carries messages', async () => {
    const info = (await h.ok('getAppInfo')) as AppInfo;
    expect(info.broker).toMatchObject({ port: brokerPort, state: 'running' });
    expect(info.historyLimits).toEqual({ maxMessagesPerTopic: 1000, maxBytesPerTopic: 16 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 });
    const mark = seen.length;
    expect(await seenUpToSentinel(mark, 'sentinel/alive')).toEqual(['sentinel/alive']);
    const row = await h.waitForTreeRow('embedded', 'sentinel/alive', (r) => r.ownMessageCount === 1);
    expect(row.preview).toBe('sentinel');
    expect(await connectionIds()).toEqual(['embedded']);
  });
});

describe('an unknown connectionId', () => {
  const requests: [string, Record<string, unknown>][] = [
    ['disconnect', {}],
    ['reconnect', {}],
    ['removeConnection', {}],
    ['subscribe', { filter: 'a/b', qos: 1 }],
    ['unsubscribe', { filter: 'a/b' }],
    ['publish', { topic: 'a/b', payload: 'x', format: 'text', qos: 0, retain: false }],
    ['viewTree', { start: 0, count: 10 }],
    ['setExpanded', { path: 'a', expanded: true }],
    ['selectTopic', { topic: 'a/b' }],
    ['getMessage', { topic: 'a/b', seq: 0 }],
  ];

  it.each(requests)('%s gives a clear error on field connectionId', async (name, rest) => {
    const result = await h.call(name, { connectionId: 'no-such-conn', ...rest });
    expectError(result, 'connectionId', 'No connection with id no-such-conn; it may have been removed.');
  });

  it('a removed connection is unknown afterwards', async () => {
    const id = ((await h.ok('connect', { url: brokerUrl, protocolVersion: 4, subscriptions: [] })) as { connectionId: string }).connectionId;
    await h.waitForStatus(id, 'connected');
    expect(await h.call('removeConnection', { connectionId: id })).toEqual({ ok: true, value: undefined });
    expectError(
      await h.call('publish', { connectionId: id, topic: 'a', payload: 'x', format: 'text', qos: 0, retain: false }),
      'connectionId',
      `No connection with id ${id}; it may have been removed.`,
    );
    expectError(await h.call('removeConnection', { connectionId: id }), 'connectionId', `No connection with id ${id}; it may have been removed.`);
  });
});

/** Shape tests are declared before beforeAll runs; any syntactically valid URL does for them. */
function brokerUrlLater(): string {
  return 'mqtt://127.0.0.1:1883';
}
