import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../shared/contract';
import { ProfileInputSchema, StoredProfileSchema, validateProfileInput, type ProfileView } from '../../shared/profile';
import { alpnList, numberInput, profileInputFromForm } from './profile-input';
import {
  duplicateForm,
  emptyProfileForm,
  formFromConnection,
  formFromProfile,
  getField,
  isPublicBrokerConnection,
  setField,
  newKeyValueRow,
  profileOfConnection,
  withProtocol,
  type ProfileForm,
} from './profile-form';

function view(input: Record<string, unknown>, secrets = { password: false, keyPassphrase: false }): ProfileView {
  const stored = StoredProfileSchema.parse({ id: 'p-1', ...input });
  return { ...stored, password: { set: secrets.password }, tls: { ...stored.tls, keyPassphrase: { set: secrets.keyPassphrase } } };
}

const full = view(
  {
    name: 'Plant 5',
    protocol: 'wss',
    host: 'broker.example',
    port: 8884,
    path: '/ws',
    protocolVersion: 5,
    clientId: 'plant-5',
    username: 'ops',
    keepalive: 30,
    clean: false,
    sessionExpiryInterval: 3600,
    connectTimeout: 5000,
    reconnectPeriod: 0,
    will: {
      topic: 'plant/5/status',
      payload: 'offline',
      qos: 1,
      retain: true,
      willDelayInterval: 5,
      payloadFormatIndicator: true,
      messageExpiryInterval: 300,
      contentType: 'text/plain',
      responseTopic: 'plant/5/ack',
      correlationData: 'YWJj',
      userProperties: [['reason', 'power']],
    },
    properties: { receiveMaximum: 20, maximumPacketSize: 1_048_576, topicAliasMaximum: 10, requestResponseInformation: true, requestProblemInformation: false, userProperties: [['site', 'lyon']] },
    tls: { caFile: '/certs/ca.pem', certFile: '/certs/c.pem', keyFile: '/certs/k.pem', rejectUnauthorized: false, servername: 'broker', alpn: ['mqtt', 'x-amzn-mqtt-ca'] },
    subscriptions: [
      { filter: 'plant/#', qos: 1, noLocal: true, retainAsPublished: true, retainHandling: 2, subscriptionIdentifier: 7 },
      { filter: '$SYS/#', qos: 0 },
    ],
  },
  { password: true, keyPassphrase: true },
);

describe('formFromProfile / profileInputFromForm', () => {
  it('round-trips every field of a saved profile, keeping its secrets', () => {
    const input = profileInputFromForm(formFromProfile(full));
    const result = validateProfileInput(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { password, tls, ...rest } = result.profile;
    const { password: _p, tls: viewTls, ...viewRest } = full;
    expect(rest).toEqual(viewRest);
    const { keyPassphrase, ...tlsRest } = tls;
    const { keyPassphrase: _k, ...viewTlsRest } = viewTls;
    expect(tlsRest).toEqual(viewTlsRest);
    // Left out = keep the stored secret.
    expect(password).toBeUndefined();
    expect(keyPassphrase).toBeUndefined();
    expect('password' in input).toBe(false);
  });

  it('never fills a secret in, and says whether one is stored', () => {
    const form = formFromProfile(full);
    expect(form.password).toEqual({ kind: 'keep' });
    expect(form.passwordStored).toBe(true);
    expect(formFromProfile(view({ name: 'n', host: 'h' })).password).toEqual({ kind: 'set', value: '' });
  });

  it('sends a new secret as text, a cleared one as null, a blank one not at all', () => {
    const form = formFromProfile(full);
    expect(profileInputFromForm({ ...form, password: { kind: 'set', value: 's3cret' } }).password).toBe('s3cret');
    expect(profileInputFromForm({ ...form, password: { kind: 'clear' } }).password).toBeNull();
    expect('password' in profileInputFromForm({ ...form, password: { kind: 'set', value: '' } })).toBe(false);
    const tls = (f: ProfileForm) => profileInputFromForm(f).tls as Record<string, unknown>;
    expect(tls({ ...form, tls: { ...form.tls, keyPassphrase: { kind: 'clear' } } }).keyPassphrase).toBeNull();
  });

  it('leaves out what does not apply: 5.0 options under 3.1.1, TLS on ws://, a will that is off', () => {
    const form: ProfileForm = { ...formFromProfile(full), protocolVersion: 4, protocol: 'ws' };
    form.will = { ...form.will, enabled: false };
    const result = validateProfileInput(profileInputFromForm(form));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.profile;
    expect(p.sessionExpiryInterval).toBeNull();
    expect(p.properties).toEqual(ProfileInputSchema.parse({ name: 'x', host: 'h' }).properties);
    expect(p.tls.caFile).toBeNull();
    expect(p.tls.rejectUnauthorized).toBe(true);
    expect(p.will).toBeNull();
    expect(p.subscriptions[0]).toEqual({ filter: 'plant/#', qos: 1, noLocal: false, retainAsPublished: false, retainHandling: 0, subscriptionIdentifier: null });
    // The will keeps its 3.x part only.
    const withWill = validateProfileInput(profileInputFromForm({ ...form, will: { ...formFromProfile(full).will } }));
    expect(withWill.ok && withWill.profile.will).toMatchObject({ topic: 'plant/5/status', willDelayInterval: null, contentType: null, userProperties: [] });
  });

  it('keeps the path for ws/wss only', () => {
    const form = formFromProfile(full);
    expect(profileInputFromForm(form).path).toBe('/ws');
    expect(profileInputFromForm({ ...form, protocol: 'mqtts' }).path).toBe('');
  });

  it('passes a mistyped number through, so the schema reports it at its field', () => {
    const form = { ...emptyProfileForm(), name: 'n', host: 'h', port: '70000', keepalive: 'soon' };
    const result = validateProfileInput(profileInputFromForm(form));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['keepalive', 'port']);
  });

  it('drops empty user property rows and splits ALPN on commas and spaces', () => {
    const form = formFromProfile(full);
    form.properties.userProperties = [newKeyValueRow('a', '1'), newKeyValueRow('', ''), newKeyValueRow('', 'v')];
    form.tls.alpn = ' mqtt,  x-amzn-mqtt-ca ,';
    const input = profileInputFromForm(form);
    expect((input.properties as { userProperties: unknown }).userProperties).toEqual([
      ['a', '1'],
      ['', 'v'],
    ]);
    expect((input.tls as { alpn: unknown }).alpn).toEqual(['mqtt', 'x-amzn-mqtt-ca']);
    expect(alpnList('')).toEqual([]);
  });
});

describe('emptyProfileForm', () => {
  it('is valid once named and given a host, with a generated client id and # at QoS 2', () => {
    const form = emptyProfileForm();
    expect(form.clientId).toMatch(/^mqtt-scope-[0-9a-f]{8}$/);
    expect(form.subscriptions.map((s) => [s.filter, s.qos])).toEqual([['#', 2]]);
    const result = validateProfileInput(profileInputFromForm({ ...form, name: 'Lab', host: 'localhost' }));
    expect(result.ok && result.profile).toMatchObject({ port: 1883, protocolVersion: 5, clientId: form.clientId });
    expect(result.ok && 'password' in result.profile && result.profile.password !== undefined).toBe(false);
  });

  it('reports every missing field at once', () => {
    const result = validateProfileInput(profileInputFromForm(emptyProfileForm()));
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['name', 'host']);
  });
});

describe('duplicateForm', () => {
  it('is a new profile with its own client id and no secrets', () => {
    const copy = duplicateForm(full);
    expect(copy.id).toBeNull();
    expect(copy.name).toBe('Plant 5 (copy)');
    expect(copy.clientId).not.toBe(full.clientId);
    expect(copy.passwordStored).toBe(false);
    expect(copy.password).toEqual({ kind: 'set', value: '' });
    expect(copy.tls.keyPassphraseStored).toBe(false);
    expect(copy.host).toBe(full.host);
    expect(copy.subscriptions).toHaveLength(2);
  });
});

describe('withProtocol', () => {
  it('moves a port left at the default to the new default, keeps a chosen one, and gives ws a path', () => {
    const form = emptyProfileForm();
    expect(withProtocol(form, 'mqtts').port).toBe('8883');
    expect(withProtocol({ ...form, port: '' }, 'wss')).toMatchObject({ port: '443', path: '/mqtt' });
    expect(withProtocol({ ...form, port: '1884' }, 'mqtts').port).toBe('1884');
    expect(withProtocol({ ...form, protocol: 'ws', port: '80', path: '/custom' }, 'wss')).toMatchObject({ port: '443', path: '/custom' });
  });
});

describe('numberInput', () => {
  it('reads blanks as not set, numbers as numbers, and passes anything else through', () => {
    expect(numberInput('  ')).toBeNull();
    expect(numberInput(' 42 ')).toBe(42);
    expect(numberInput('1.5')).toBe(1.5);
    expect(numberInput('-3')).toBe(-3);
    expect(numberInput('4k')).toBe('4k');
  });
});

const connection = (over: Partial<ConnectionSummary> = {}): ConnectionSummary => ({
  id: 'c-1',
  name: 'Quick',
  url: 'ws://ops@10.0.0.5:9001/mqtt',
  protocolVersion: 4,
  clientId: 'mqtt-scope-quick',
  embedded: false,
  status: { kind: 'connected', since: 0 },
  subscriptions: [{ filter: 'a/#', requestedQos: 1, state: 'granted', grantedQos: 1, reason: null }],
  connack: null,
  counters: { messagesReceived: 0, messagesPublished: 0, bytesReceived: 0, topics: 0 },
  ...over,
});

describe('formFromConnection', () => {
  it('takes the address, version, client id and filters of a one-off connection', () => {
    const form = formFromConnection(connection());
    expect(form).toMatchObject({ name: 'Quick', protocol: 'ws', host: '10.0.0.5', port: '9001', path: '/mqtt', protocolVersion: 4, clientId: 'mqtt-scope-quick', username: 'ops' });
    expect(form.subscriptions.map((s) => [s.filter, s.qos])).toEqual([['a/#', 1]]);
    expect(validateProfileInput(profileInputFromForm(form)).ok).toBe(true);
  });
});

describe('profileOfConnection', () => {
  it('finds the profile a connection was opened from by name and address', () => {
    const p = view({ name: 'Quick', protocol: 'ws', host: '10.0.0.5', port: 9001, username: 'ops' });
    expect(profileOfConnection(connection(), [p])?.id).toBe('p-1');
    expect(profileOfConnection(connection({ name: 'Other' }), [p])).toBeNull();
  });
});

describe('getField / setField', () => {
  it('read and write a field by its key without touching the original', () => {
    const form = emptyProfileForm();
    const next = setField(setField(form, 'host', 'h'), 'will.topic', 'dev/1');
    expect(getField(next, 'host')).toBe('h');
    expect(getField(next, 'will.topic')).toBe('dev/1');
    expect(form.will.topic).toBe('');
    expect(next.will.qos).toBe(0);
  });
});

describe('isPublicBrokerConnection', () => {
  it('knows a connection to a public test broker by its host, from a profile or a URL', () => {
    const preset = { ...view({ name: 'test.mosquitto.org', host: 'test.mosquitto.org' }), preset: 'public' as const };
    expect(isPublicBrokerConnection(connection({ url: 'mqtts://Test.Mosquitto.org:8883' }), [preset])).toBe(true);
    expect(isPublicBrokerConnection(connection(), [preset])).toBe(false);
    expect(isPublicBrokerConnection(connection({ url: 'mqtt://test.mosquitto.org:1883', embedded: true }), [preset])).toBe(false);
  });
});
