import { describe, expect, it } from 'vitest';
import { emptyProfileForm, type ProfileForm } from './profile-form';
import { advancedSummary, profileWarnings, propertiesSummary, secretProtectionText, tlsSummary, willSummary } from './profile-form-notes';

const form = (over: Partial<ProfileForm> = {}): ProfileForm => ({ ...emptyProfileForm(), name: 'n', host: 'broker.example', ...over });

describe('profileWarnings', () => {
  it('warns about a 3.x password without a user name', () => {
    expect(profileWarnings(form({ protocolVersion: 4, password: { kind: 'set', value: 'pw' } })).username).toMatch(/only together with a user name/);
    expect(profileWarnings(form({ protocolVersion: 5, password: { kind: 'set', value: 'pw' } })).username).toBeUndefined();
    expect(profileWarnings(form({ protocolVersion: 4, password: { kind: 'keep' }, passwordStored: true })).username).toBeDefined();
  });

  it('warns about a password sent in clear to another machine', () => {
    expect(profileWarnings(form({ username: 'u', password: { kind: 'set', value: 'pw' } })).password).toMatch(/unencrypted/);
    expect(profileWarnings(form({ host: '127.0.0.1', username: 'u', password: { kind: 'set', value: 'pw' } })).password).toBeUndefined();
    expect(profileWarnings(form({ protocol: 'mqtts', username: 'u', password: { kind: 'set', value: 'pw' } })).password).toBeUndefined();
  });

  it('warns when the server certificate is not verified (TLS only)', () => {
    const off = form({ protocol: 'mqtts' });
    off.tls = { ...off.tls, rejectUnauthorized: false };
    expect(profileWarnings(off)['tls.rejectUnauthorized']).toMatch(/not checked/);
    expect(profileWarnings({ ...off, protocol: 'mqtt' })['tls.rejectUnauthorized']).toBeUndefined();
  });

  it('warns that 5.0 Clean Start off keeps nothing without a session expiry', () => {
    expect(profileWarnings(form({ clean: false })).sessionExpiryInterval).toMatch(/no session expiry/);
    expect(profileWarnings(form({ clean: false, sessionExpiryInterval: '3600' })).sessionExpiryInterval).toBeUndefined();
    expect(profileWarnings(form({ clean: false, protocolVersion: 4 })).sessionExpiryInterval).toBeUndefined();
  });
});

describe('section summaries', () => {
  it('say what a collapsed section holds', () => {
    expect(advancedSummary(form())).toBe('keep alive 60 s · clean start · reconnect after 1 s');
    expect(advancedSummary(form({ protocolVersion: 4, clean: false, reconnectPeriod: '0', keepalive: '15' }))).toBe('keep alive 15 s · persistent session · no automatic reconnect');
    expect(advancedSummary(form({ clean: false, sessionExpiryInterval: '600', reconnectPeriod: '250' }))).toBe('keep alive 60 s · resume session · session kept 600 s · reconnect after 250 ms');
    const will = form();
    expect(willSummary(will)).toBe('none');
    will.will = { ...will.will, enabled: true, topic: 'dev/1/status', qos: 1, retain: true, willDelayInterval: '5' };
    expect(willSummary(will)).toBe('dev/1/status · QoS 1 · retained · after 5 s');
    expect(propertiesSummary(form())).toMatch(/^none/);
    const props = form();
    props.properties = { ...props.properties, receiveMaximum: '20', requestProblemInformation: 'no', userProperties: [{ key: 1, name: 'a', value: 'b' }] };
    expect(propertiesSummary(props)).toBe('Receive Maximum 20 · problem information no · 1 user property');
    const tls = form({ protocol: 'mqtts' });
    expect(tlsSummary(tls)).toBe('verifies the server · system CAs');
    tls.tls = { ...tls.tls, rejectUnauthorized: false, caFile: '/ca.pem', certFile: '/c.pem', alpn: 'mqtt' };
    expect(tlsSummary(tls)).toBe('does NOT verify the server · extra CA file · client certificate · ALPN mqtt');
  });
});

describe('secretProtectionText', () => {
  it('says how a saved secret is kept', () => {
    expect(secretProtectionText('encrypted with a key in the macOS Keychain')).toBe('Stored encrypted with a key in the macOS Keychain.');
    expect(secretProtectionText('not encrypted; secrets.json is readable by your user account only')).toBe(
      'Stored unencrypted; secrets.json is readable by your user account only.',
    );
  });
});
