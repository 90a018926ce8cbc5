import { describe, expect, it } from 'vitest';
import { validateBrokerSettings, type BrokerSettingsView } from '../../shared/broker-settings';
import { brokerFieldKeys, brokerFormProblems, brokerFormWarnings, placeBrokerProblems, relatedBrokerFields } from './broker-field-errors';
import { brokerInputFromForm, formFromBrokerView, newUserRow, type BrokerForm } from './broker-form';

const view: BrokerSettingsView = {
  host: '127.0.0.1',
  port: 1883,
  requireAuth: false,
  users: [{ username: 'alice', hasPassword: true, publish: ['sensors/%u/#'], subscribe: [] }],
  tls: { enabled: false, port: 8883, certFile: '', keyFile: '', passphraseSet: false },
  limits: { maxPacketBytes: 1024 * 1024, maxInflight: 20, maxConnections: 2000 },
  exposed: false,
  overriddenByCommandLine: [],
  restartPending: false,
};

function withUsers(...users: Partial<BrokerForm['users'][number]>[]): BrokerForm {
  const f = formFromBrokerView(view);
  return { ...f, users: users.map((u) => ({ ...newUserRow(), ...u })) };
}

function problemsOf(f: BrokerForm) {
  const r = validateBrokerSettings(brokerInputFromForm(f));
  return [...(r.ok ? [] : r.problems), ...brokerFormProblems(f)];
}

describe('where broker settings problems are shown', () => {
  it('puts a bad filter at its user’s pattern list, saying which line (blank lines counted), without the schema’s list prefix', () => {
    const f = withUsers({ username: 'alice', publish: 'ok/#\n\nsensors/#/x', subscribe: 'a/b+' });
    const placed = placeBrokerProblems(problemsOf(f), f);
    expect(placed.fields['users.0.publish']).toBe("Line 3: '#' may only be the last level of a filter; 'sensors/#/x' has levels after it.");
    expect(placed.fields['users.0.subscribe']).toBe("Line 1: '+' must fill a whole level by itself (found 'b+').");
    expect(placed.general).toEqual([]);
  });

  it('puts a duplicate username at the second row, and a reserved one at its own', () => {
    const f = withUsers({ username: 'alice' }, { username: 'bob', password: 'x' }, { username: 'alice', password: 'y' }, { username: '$mqtt-scope', password: 'z' });
    const placed = placeBrokerProblems(problemsOf(f), f);
    expect(placed.fields['users.2.username']).toBe('"alice" is listed twice.');
    expect(placed.fields['users.3.username']).toMatch(/kept for the app's own clients/);
    expect(placed.fields['users.0.username']).toBeUndefined();
  });

  it('asks for a password where none is stored for the name (a new user, or a renamed one), not where one is', () => {
    const f = withUsers({ username: 'alice' }, { username: 'carol' }, { username: 'dave', password: 'pw' }, { username: '' });
    expect(brokerFormProblems(f)).toEqual([{ field: 'users.1.password', message: 'Give “carol” a password.' }]);
    // The empty name is the username's problem, said once there.
    expect(placeBrokerProblems(problemsOf(f), f).fields['users.3.username']).toBe('A username cannot be empty.');
  });

  it('shows "add a user first" at the users table, TLS problems at their inputs, and limits at theirs', () => {
    const f = { ...withUsers(), requireAuth: true };
    const tls: BrokerForm = { ...f, tls: { ...f.tls, enabled: true, port: '1883' }, limits: { ...f.limits, maxInflight: '0', maxPacketSize: '10', packetSizeUnit: 'bytes' } };
    const placed = placeBrokerProblems(problemsOf(tls), tls);
    expect(Object.keys(placed.fields).sort()).toEqual(['limits.maxInflight', 'limits.maxPacketBytes', 'tls.certFile', 'tls.keyFile', 'tls.port', 'users'].sort());
    expect(placed.fields.users).toMatch(/Add a user first/);
    expect(placed.fields['limits.maxPacketBytes']).toBe('The maximum packet size must be at least 64.');
  });

  it('places what the core sends back the same way, and anything about no input shown in the footer', () => {
    const f = withUsers({ username: 'alice', publish: 'a\nb' });
    const placed = placeBrokerProblems(
      [
        { field: 'users.0.publish.1', message: 'Publish: bad.' },
        { field: 'tls.certFile', message: 'Cannot read it.' },
        { field: 'users.0.username.length', message: 'Too long.' },
        { field: '', message: 'The broker is gone.' },
      ],
      f,
    );
    expect(placed.fields).toEqual({ 'users.0.publish': 'Line 2: bad.', 'users.0.username': 'Too long.' });
    // TLS is off, so its inputs are hidden: the problem still shows, with its field named.
    expect(placed.general).toEqual(['tls.certFile: Cannot read it.', 'The broker is gone.']);
  });

  it('lists the inputs the form shows: TLS ones only while TLS is on, four per user', () => {
    const f = withUsers({ username: 'a' }, { username: 'b' });
    const keys = brokerFieldKeys(f);
    expect(keys).toContain('users.1.subscribe');
    expect(keys).not.toContain('users.2.username');
    expect(keys).not.toContain('tls.certFile');
    expect(brokerFieldKeys({ ...f, tls: { ...f.tls, enabled: true } })).toContain('tls.certFile');
  });

  it('warns where a name with wildcards or levels would lose its %u patterns, as the core drops them', () => {
    const f = withUsers({ username: 'site/a', publish: 'devices/%u/#' }, { username: 'b+', publish: 'x/#' }, { username: 'c#', subscribe: 'cmd/%u' }, { username: 'plain', publish: '%u/#' });
    expect(brokerFormWarnings(f)).toEqual({
      'users.0.username': 'With +, # or / in the name, its %u patterns do not apply.',
      'users.2.username': 'With +, # or / in the name, its %u patterns do not apply.',
    });
  });

  it('shows related problems as soon as one field is touched', () => {
    const f = withUsers({ username: 'a' }, { username: 'b' });
    expect(relatedBrokerFields('users.0.username', f).sort()).toEqual(['users.0.password', 'users.0.username', 'users.1.username'].sort());
    expect(relatedBrokerFields('requireAuth', f)).toEqual(['requireAuth', 'users']);
    expect(relatedBrokerFields('tls.port', f)).toEqual(['port', 'tls.port']);
    expect(relatedBrokerFields('tls.enabled', f)).toContain('tls.certFile');
    expect(relatedBrokerFields('host', f)).toEqual(['host']);
  });
});
