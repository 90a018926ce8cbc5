import { describe, expect, it } from 'vitest';
import { validateProfileInput } from '../../shared/profile';
import { fieldKeyOf, formFieldKeys, placeProblems, problemsPerSection, relatedFields, sectionOf, visibleProblems } from './profile-field-errors';
import { emptyProfileForm, newSubscriptionRow, type ProfileForm } from './profile-form';
import { profileInputFromForm } from './profile-input';

const v5tls = (): ProfileForm => ({ ...emptyProfileForm(), protocol: 'mqtts', name: 'n', host: 'h' });

describe('fieldKeyOf', () => {
  it('maps a dotted path to the input that shows it', () => {
    expect(fieldKeyOf('port')).toBe('port');
    expect(fieldKeyOf('will.topic')).toBe('will.topic');
    expect(fieldKeyOf('subscriptions.2.filter')).toBe('subscriptions.2.filter');
    expect(fieldKeyOf('subscriptions.0.filter.length')).toBe('subscriptions.0.filter');
    expect(fieldKeyOf('properties.userProperties.1.0')).toBe('properties.userProperties');
    expect(fieldKeyOf('will.userProperties')).toBe('will.userProperties');
    expect(fieldKeyOf('tls.alpn.3')).toBe('tls.alpn');
  });
});

describe('formFieldKeys', () => {
  it('lists only what the form shows for its state', () => {
    const base = { ...emptyProfileForm(), protocolVersion: 4 as const };
    const keys = formFieldKeys(base);
    expect(keys).toContain('subscriptions.0.filter');
    expect(keys).not.toContain('subscriptions.0.noLocal');
    expect(keys).not.toContain('tls.caFile');
    expect(keys).not.toContain('path');
    expect(keys).not.toContain('will.topic');
    expect(keys).not.toContain('sessionExpiryInterval');
    const all = formFieldKeys({ ...v5tls(), protocol: 'wss', will: { ...base.will, enabled: true } });
    expect(all).toEqual(expect.arrayContaining(['path', 'tls.keyFile', 'will.topic', 'will.userProperties', 'properties.receiveMaximum', 'subscriptions.0.noLocal']));
  });
});

describe('placeProblems', () => {
  it('puts each problem of validateProfileInput at its field', () => {
    const form = { ...emptyProfileForm(), name: 'n', host: 'h', port: '70000' };
    form.subscriptions = [newSubscriptionRow('a/#/b'), newSubscriptionRow('ok/+')];
    const result = validateProfileInput(profileInputFromForm(form));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const placed = placeProblems(result.problems, formFieldKeys(form));
    expect(Object.keys(placed.fields).sort()).toEqual(['port', 'subscriptions.0.filter']);
    expect(placed.fields.port).toBe('The port must be a whole number from 1 to 65535.');
    expect(placed.fields['subscriptions.0.filter']).toContain("'#' may only be the last level");
    expect(placed.general).toEqual([]);
  });

  it('reports cross-field problems where the schema puts them', () => {
    const form = v5tls();
    form.tls = { ...form.tls, keyFile: '/k.pem' };
    const result = validateProfileInput(profileInputFromForm(form));
    const placed = placeProblems(result.ok ? [] : result.problems, formFieldKeys(form));
    expect(Object.keys(placed.fields)).toEqual(['tls.certFile']);
  });

  it('joins two messages for one field, and sends what the form lacks to general', () => {
    const known = ['port', 'subscriptions.0.filter'];
    const placed = placeProblems(
      [
        { field: 'port', message: 'Too big.' },
        { field: 'port', message: 'Not a number.' },
        { field: 'port', message: 'Too big.' },
        { field: 'subscriptions.0.filter.length', message: 'Long.' },
        { field: 'will.topic', message: 'No will topic.' },
        { field: '', message: 'Bad profile.' },
      ],
      known,
    );
    expect(placed.fields).toEqual({ port: 'Too big. Not a number.', 'subscriptions.0.filter': 'Long.' });
    expect(placed.general).toEqual(['will.topic: No will topic.', 'Bad profile.']);
  });

  it('places an error the core names (RpcError.field) like a local one', () => {
    const placed = placeProblems([{ field: 'tls.caFile', message: 'Cannot read /nope.pem' }], formFieldKeys(v5tls()));
    expect(placed.fields).toEqual({ 'tls.caFile': 'Cannot read /nope.pem' });
  });
});

describe('sections', () => {
  it('knows which collapsible part holds a field, and counts problems per part', () => {
    expect(sectionOf('keepalive')).toBe('advanced');
    expect(sectionOf('will.qos')).toBe('will');
    expect(sectionOf('properties.userProperties')).toBe('properties');
    expect(sectionOf('tls.alpn')).toBe('tls');
    expect(sectionOf('host')).toBeNull();
    expect(problemsPerSection({ port: 'x', 'tls.caFile': 'a', 'tls.keyFile': 'b', reconnectPeriod: 'c' })).toEqual({ tls: 2, advanced: 1 });
  });
});

describe('live reporting', () => {
  it('shows problems of touched fields until Save is tried, then all', () => {
    const placed = { fields: { name: 'Give the profile a name.', port: 'Bad port.' }, general: ['x'] };
    expect(visibleProblems(placed, new Set(['port']), false)).toEqual({ fields: { port: 'Bad port.' }, general: [] });
    expect(visibleProblems(placed, new Set(), true)).toBe(placed);
  });

  it('touches the fields a change can make wrong', () => {
    expect(relatedFields('protocolVersion')).toContain('clientId');
    expect(relatedFields('tls.keyFile')).toEqual(['tls.certFile', 'tls.keyFile']);
    expect(relatedFields('subscriptions.3.filter')).toEqual(['subscriptions.3.filter', 'subscriptions.3.noLocal']);
    expect(relatedFields('host')).toEqual(['host']);
  });
});
