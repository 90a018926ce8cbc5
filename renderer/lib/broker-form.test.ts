import { describe, expect, it } from 'vitest';
import { validateBrokerSettings, type BrokerSettingsView } from '../../shared/broker-settings';
import { brokerInputFromForm, formFromBrokerView, hasStoredPassword, newUserRow, packetBytes, patternLines, type BrokerForm } from './broker-form';

const view: BrokerSettingsView = {
  host: '0.0.0.0',
  port: 1883,
  requireAuth: true,
  users: [
    { username: 'alice', hasPassword: true, publish: ['sensors/%u/#'], subscribe: ['sensors/#', 'cmd/%u/+'] },
    { username: 'bob', hasPassword: false, publish: [], subscribe: [] },
  ],
  tls: { enabled: true, port: 8883, certFile: '/c.pem', keyFile: '/k.pem', passphraseSet: true },
  limits: { maxPacketBytes: 1024 * 1024, maxInflight: 20, maxConnections: 2000 },
  exposed: true,
  overriddenByCommandLine: [],
  restartPending: false,
};

describe('the broker form', () => {
  it('comes from the view with patterns one per line, the passwords unknown and the packet size in its largest exact unit', () => {
    const f = formFromBrokerView(view);
    expect(f).toMatchObject({ host: '0.0.0.0', port: '1883', requireAuth: true, storedPasswords: ['alice'] });
    expect(f.users.map((u) => [u.username, u.password, u.publish, u.subscribe])).toEqual([
      ['alice', '', 'sensors/%u/#', 'sensors/#\ncmd/%u/+'],
      ['bob', '', '', ''],
    ]);
    expect(new Set(f.users.map((u) => u.key)).size).toBe(2);
    expect(f.tls).toEqual({ enabled: true, port: '8883', certFile: '/c.pem', keyFile: '/k.pem', passphrase: { kind: 'keep' }, passphraseStored: true });
    expect(f.limits).toEqual({ maxPacketSize: '1', packetSizeUnit: 'MB', maxInflight: '20', maxConnections: '2000' });
    expect(formFromBrokerView({ ...view, limits: { ...view.limits, maxPacketBytes: 65536 } }).limits).toMatchObject({ maxPacketSize: '64', packetSizeUnit: 'KB' });
    expect(formFromBrokerView({ ...view, limits: { ...view.limits, maxPacketBytes: 1000 } }).limits).toMatchObject({ maxPacketSize: '1000', packetSizeUnit: 'bytes' });
    // Without a stored passphrase the input is open, as in the profile editor.
    expect(formFromBrokerView({ ...view, tls: { ...view.tls, passphraseSet: false } }).tls.passphrase).toEqual({ kind: 'set', value: '' });
  });

  it('goes back unchanged: every password and the passphrase kept (null), and the schema accepts it', () => {
    const input = brokerInputFromForm(formFromBrokerView(view));
    expect(input).toEqual({
      host: '0.0.0.0',
      port: 1883,
      requireAuth: true,
      users: [
        { username: 'alice', password: null, publish: ['sensors/%u/#'], subscribe: ['sensors/#', 'cmd/%u/+'] },
        { username: 'bob', password: null, publish: [], subscribe: [] },
      ],
      tls: { enabled: true, port: 8883, certFile: '/c.pem', keyFile: '/k.pem', passphrase: null },
      limits: { maxPacketBytes: 1024 * 1024, maxInflight: 20, maxConnections: 2000 },
    });
    expect(validateBrokerSettings(input).ok).toBe(true);
  });

  it('sends a typed password, a new passphrase, a cleared passphrase as "", and a blank new one as "keep"', () => {
    const f = formFromBrokerView(view);
    const typed: BrokerForm = { ...f, users: [{ ...f.users[0], password: 's3cret' }, f.users[1]], tls: { ...f.tls, passphrase: { kind: 'set', value: 'pp' } } };
    const input = brokerInputFromForm(typed);
    expect(input.users.map((u) => u.password)).toEqual(['s3cret', null]);
    expect(input.tls.passphrase).toBe('pp');
    expect(brokerInputFromForm({ ...f, tls: { ...f.tls, passphrase: { kind: 'clear' } } }).tls.passphrase).toBe('');
    expect(brokerInputFromForm({ ...f, tls: { ...f.tls, passphrase: { kind: 'set', value: '' } } }).tls.passphrase).toBeNull();
  });

  it('reads numbers as typed: blank and text are reported by the schema at their fields, not turned into 0', () => {
    const f = formFromBrokerView(view);
    const input = brokerInputFromForm({ ...f, port: '', tls: { ...f.tls, port: '88a' }, limits: { ...f.limits, maxInflight: ' ' } });
    const r = validateBrokerSettings(input);
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
    expect(fields).toContain('port: The port must be a number.');
    expect(fields).toContain('tls.port: The TLS port must be a number.');
    expect(fields).toContain('limits.maxInflight: The maximum in-flight messages must be a number.');
  });

  it('turns the packet size into bytes in the chosen unit, rounding fractions of a unit to whole bytes', () => {
    expect(packetBytes({ maxPacketSize: '64', packetSizeUnit: 'KB', maxInflight: '', maxConnections: '' })).toBe(65536);
    expect(packetBytes({ maxPacketSize: '0.1', packetSizeUnit: 'MB', maxInflight: '', maxConnections: '' })).toBe(104858);
    expect(packetBytes({ maxPacketSize: '100', packetSizeUnit: 'bytes', maxInflight: '', maxConnections: '' })).toBe(100);
    // In bytes a fraction is the user's mistake: left for the schema to name.
    expect(packetBytes({ maxPacketSize: '100.5', packetSizeUnit: 'bytes', maxInflight: '', maxConnections: '' })).toBe(100.5);
    expect(packetBytes({ maxPacketSize: '', packetSizeUnit: 'KB', maxInflight: '', maxConnections: '' })).toBeNaN();
  });

  it('reads a pattern list one filter per line, skipping blank lines and spaces around a filter, and knows each line', () => {
    expect(patternLines('a/#\n\n  b/+/c \r\n\n#')).toEqual([
      { line: 1, pattern: 'a/#' },
      { line: 3, pattern: 'b/+/c' },
      { line: 5, pattern: '#' },
    ]);
    expect(patternLines('')).toEqual([]);
    expect(patternLines(' \n ')).toEqual([]);
  });

  it('says a password is stored by the row’s current name, as the core keeps it', () => {
    const f = formFromBrokerView(view);
    expect(hasStoredPassword(f, f.users[0])).toBe(true);
    expect(hasStoredPassword(f, f.users[1])).toBe(false);
    expect(hasStoredPassword(f, { ...f.users[0], username: 'alicia' })).toBe(false);
    expect(hasStoredPassword(f, { ...newUserRow(), username: 'alice' })).toBe(true);
  });

});
