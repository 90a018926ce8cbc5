import { describe, expect, it } from 'vitest';
import { isPresetId, publicPresets } from './profile-presets';
import { generateClientId, profileAddress, ProfileInputSchema, StoredProfileSchema, validateProfileInput } from './profile';

const minimal = { name: 'Lab', host: 'broker.lab' };

function problems(input: unknown): Record<string, string> {
  const result = validateProfileInput(input);
  if (result.ok) return {};
  return Object.fromEntries(result.problems.map((p) => [p.field, p.message]));
}

describe('profile schema', () => {
  it('fills every default from a name and a host', () => {
    const p = ProfileInputSchema.parse(minimal);
    expect(p).toMatchObject({
      name: 'Lab',
      protocol: 'mqtt',
      host: 'broker.lab',
      port: 1883,
      path: '',
      protocolVersion: 5,
      username: null,
      keepalive: 60,
      clean: true,
      sessionExpiryInterval: null,
      connectTimeout: 10_000,
      reconnectPeriod: 1000,
      will: null,
      subscriptions: [],
      preset: null,
      tls: { caFile: null, certFile: null, keyFile: null, rejectUnauthorized: true, servername: null, alpn: [] },
      properties: { receiveMaximum: null, userProperties: [] },
    });
    expect(p.password).toBeUndefined();
    expect(p.tls.keyPassphrase).toBeUndefined();
  });

  it('generates a unique client id when it is blank, short enough for MQTT 3.1', () => {
    const a = ProfileInputSchema.parse({ ...minimal, clientId: '  ' }).clientId;
    const b = ProfileInputSchema.parse(minimal).clientId;
    expect(a).toMatch(/^mqtt-scope-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(generateClientId().length).toBeLessThanOrEqual(23);
    expect(ProfileInputSchema.parse({ ...minimal, clientId: 'sensor-1' }).clientId).toBe('sensor-1');
  });

  it('defaults the port by protocol and the WebSocket path to /mqtt', () => {
    expect(ProfileInputSchema.parse({ ...minimal, protocol: 'mqtts' }).port).toBe(8883);
    const ws = ProfileInputSchema.parse({ ...minimal, protocol: 'wss' });
    expect([ws.port, ws.path]).toEqual([443, '/mqtt']);
    expect(ProfileInputSchema.parse({ ...minimal, protocol: 'mqtt', path: '/ignored' }).path).toBe('');
    expect(ProfileInputSchema.parse({ ...minimal, protocol: 'ws', path: '/custom' }).path).toBe('/custom');
  });

  it('keeps secrets three-way: text sets, null clears, absent keeps', () => {
    const p = ProfileInputSchema.parse({ ...minimal, password: 'pw', tls: { keyPassphrase: null } });
    expect(p.password).toBe('pw');
    expect(p.tls.keyPassphrase).toBeNull();
    expect(ProfileInputSchema.parse(minimal).password).toBeUndefined();
  });

  it("takes a view's { set } back as 'keep the stored secret'", () => {
    const p = ProfileInputSchema.parse({ ...minimal, password: { set: true }, tls: { keyPassphrase: { set: false } } });
    expect([p.password, p.tls.keyPassphrase]).toEqual([undefined, undefined]);
    expect(problems({ ...minimal, password: 42 }).password).toBe('A secret must be text, or null to clear it.');
  });

  it('turns blank optional texts into null', () => {
    const p = ProfileInputSchema.parse({ ...minimal, username: '', tls: { caFile: '  ', servername: '' } });
    expect(p.username).toBeNull();
    expect(p.tls.caFile).toBeNull();
    expect(p.tls.servername).toBeNull();
  });

  it('reports every wrong field at once, each at its field', () => {
    const found = problems({
      name: ' ',
      host: 'mqtt://broker.lab',
      port: 70000,
      keepalive: -1,
      will: { topic: 'status/#', encoding: 'base64', payload: 'not base64!' },
      subscriptions: [{ filter: 'a/#/b', qos: 3 }],
      tls: { alpn: [''] },
    });
    expect(found.name).toBe('Give the profile a name.');
    expect(found.host).toMatch(/without mqtt:\/\//);
    expect(found.port).toBe('The port must be a whole number from 1 to 65535.');
    expect(found.keepalive).toMatch(/Keep alive \(s\) must be a whole number from 0 to 65535/);
    expect(found['will.topic']).toMatch(/^The will topic: A topic to publish to cannot contain the wildcards/);
    expect(found['subscriptions.0.filter']).toMatch(/'#' may only be the last level/);
    expect(found['subscriptions.0.qos']).toBe('QoS must be 0, 1 or 2.');
    expect(found['tls.alpn.0']).toBe('An ALPN protocol name cannot be empty.');
  });

  it('checks the rules that span fields', () => {
    expect(problems({ ...minimal, protocolVersion: 3, clientId: 'a-client-id-longer-than-23' }).clientId).toMatch(/MQTT 3.1 allows client ids of at most 23/);
    expect(problems({ ...minimal, protocol: 'ws', path: 'mqtt' }).path).toMatch(/must start with \//);
    expect(problems({ ...minimal, tls: { keyFile: '/k.pem' } })['tls.certFile']).toMatch(/needs its client certificate/);
    expect(problems({ ...minimal, tls: { certFile: '/c.pem' } })['tls.keyFile']).toMatch(/needs its private key/);
    const subs = problems({ ...minimal, subscriptions: [{ filter: 'a/#' }, { filter: 'a/#' }, { filter: '$share/g/x', noLocal: true }] });
    expect(subs['subscriptions.1.filter']).toMatch(/listed twice/);
    expect(subs['subscriptions.2.noLocal']).toMatch(/shared subscription/);
  });

  it('validates 5.0 properties and will properties by their ranges', () => {
    const found = problems({
      ...minimal,
      sessionExpiryInterval: 4_294_967_296,
      properties: { receiveMaximum: 0, topicAliasMaximum: 65_536 },
      will: { topic: 'ok', correlationData: '%%%', responseTopic: 'a/+', messageExpiryInterval: 1.5 },
      subscriptions: [{ filter: 'x', subscriptionIdentifier: 0, retainHandling: 3 }],
    });
    expect(Object.keys(found).sort()).toEqual(
      [
        'properties.receiveMaximum',
        'properties.topicAliasMaximum',
        'sessionExpiryInterval',
        'subscriptions.0.retainHandling',
        'subscriptions.0.subscriptionIdentifier',
        'will.correlationData',
        'will.messageExpiryInterval',
        'will.responseTopic',
      ].sort(),
    );
    expect(found['properties.receiveMaximum']).toBe('Receive Maximum must be a whole number from 1 to 65535.');
    expect(found['will.correlationData']).toMatch(/must be base64/);
  });

  it('accepts a full 5.0 profile and treats an empty response topic as none', () => {
    const result = validateProfileInput({
      ...minimal,
      protocol: 'wss',
      will: { topic: 'dev/1/status', payload: 'b2ZmbGluZQ==', encoding: 'base64', qos: 1, retain: true, responseTopic: '', userProperties: [['a', 'b']] },
      properties: { receiveMaximum: 10, requestProblemInformation: false, userProperties: [['k', 'v']] },
      subscriptions: [{ filter: 'dev/+/status', qos: 2, noLocal: true, retainAsPublished: true, retainHandling: 1, subscriptionIdentifier: 42 }],
      tls: { caFile: '/ca.pem', servername: 'mqtt.internal', alpn: ['mqtt'], rejectUnauthorized: false },
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profile.will?.responseTopic).toBeNull();
  });

  it('stores no secrets: the stored schema drops them', () => {
    const stored = StoredProfileSchema.parse({ id: 'p-1', ...minimal, password: 'pw', tls: { keyPassphrase: 'kp' } });
    expect(JSON.stringify(stored)).not.toMatch(/pw|kp/);
  });

  it('accepts its own output again unchanged (the transport parses, then the store parses)', () => {
    const once = ProfileInputSchema.parse({ ...minimal, protocol: 'ws', host: '[::1]', will: { topic: 'w', responseTopic: '' }, tls: { caFile: '' } });
    expect(ProfileInputSchema.parse(once)).toEqual(once);
    expect(once.host).toBe('::1');
  });

  it('rejects ids that could not name a file', () => {
    expect(problems({ ...minimal, id: '../etc' }).id).toMatch(/letters, digits/);
  });

  it('gives the address the rest of the app shows, without a password', () => {
    const p = ProfileInputSchema.parse({ ...minimal, protocol: 'ws', port: 9001, username: 'u', password: 'secret' });
    expect(profileAddress(p)).toEqual({ protocol: 'ws', host: 'broker.lab', port: 9001, path: '/mqtt', username: 'u', password: null });
  });
});

describe('public presets', () => {
  it('lists the public brokers with their ports, all marked public', () => {
    const presets = publicPresets();
    const summary = presets.map((p) => `${p.protocol}://${p.host}:${p.port}${p.path}`);
    expect(summary).toEqual([
      'mqtt://test.mosquitto.org:1883',
      'mqtts://test.mosquitto.org:8883',
      'mqtt://broker.hivemq.com:1883',
      'wss://broker.hivemq.com:8884/mqtt',
      'mqtt://broker.emqx.io:1883',
      'mqtts://broker.emqx.io:8883',
      'ws://broker.emqx.io:8083/mqtt',
      'wss://broker.emqx.io:8084/mqtt',
      'mqtt://mqtt.eclipseprojects.io:1883',
      'wss://mqtt.eclipseprojects.io:443/mqtt',
    ]);
    expect(presets.every((p) => p.preset === 'public' && p.subscriptions.length === 0)).toBe(true);
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
    expect(isPresetId(presets[3].id)).toBe(true);
    expect(isPresetId('p-123')).toBe(false);
  });
});
