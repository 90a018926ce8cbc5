import { describe, expect, it } from 'vitest';
import type { ConnackInfo, SubscriptionState } from '../../shared/contract';
import { connackRows, humanize, sessionPresentText, subscriptionText } from './connack-text';

const connack = (properties: Record<string, unknown>, sessionPresent = false): ConnackInfo => ({ sessionPresent, code: 0, text: 'Success (0x00)', properties, at: 0 });

describe('connackRows', () => {
  it('lists what the server sent, in the order of the spec, then the defaults it implied', () => {
    const rows = connackRows(
      connack({ topicAliasMaximum: 10, receiveMaximum: 20, assignedClientIdentifier: 'auto-1A2B', retainAvailable: false, maximumPacketSize: 1_048_576, serverKeepAlive: 30 }),
      5,
    );
    expect(rows.filter((r) => !r.implied)).toEqual([
      { name: 'Receive Maximum', value: '20', implied: false },
      { name: 'Retain available', value: 'no', implied: false },
      { name: 'Maximum Packet Size', value: '1,048,576 bytes (1 MB)', implied: false },
      { name: 'Assigned client id', value: 'auto-1A2B', implied: false },
      { name: 'Topic Alias Maximum', value: '10', implied: false },
      { name: 'Server Keep Alive', value: '30 s', implied: false },
    ]);
    expect(rows.filter((r) => r.implied).map((r) => `${r.name}=${r.value}`)).toEqual([
      'Maximum QoS=2',
      'Wildcard subscriptions=yes',
      'Subscription identifiers=yes',
      'Shared subscriptions=yes',
    ]);
  });

  it('shows properties it does not know, and user properties, in words', () => {
    const rows = connackRows(connack({ userProperties: { site: 'lyon', team: ['ops', 'iot'] }, someNewThing: 3, maximumQoS: 1 }), 5);
    expect(rows.find((r) => r.name === 'User properties')?.value).toBe('site: lyon; team: ops, iot');
    expect(rows.find((r) => r.name === 'Some new thing')?.value).toBe('3');
    expect(rows.find((r) => r.name === 'Maximum QoS')).toEqual({ name: 'Maximum QoS', value: '1', implied: false });
  });

  it('has no properties for MQTT 3.x', () => {
    expect(connackRows(connack({}), 4)).toEqual([]);
  });

  it('says whether the session was kept', () => {
    expect(sessionPresentText(connack({}, false))).toMatch(/^no/);
    expect(sessionPresentText(connack({}, true))).toMatch(/^yes/);
    expect(humanize('wildcardSubscriptionAvailable')).toBe('Wildcard subscription available');
  });
});

describe('subscriptionText', () => {
  const sub = (over: Partial<SubscriptionState>): SubscriptionState => ({ filter: 'a/#', requestedQos: 2, state: 'granted', grantedQos: 2, reason: null, ...over });

  it('tells granted, downgraded, pending and refused apart', () => {
    expect(subscriptionText(sub({}))).toEqual({ label: 'QoS 2', tone: 'ok', detail: null });
    expect(subscriptionText(sub({ grantedQos: 1, reason: 'The broker granted QoS 1 instead of 2' }))).toEqual({
      label: 'QoS 1 · asked 2',
      tone: 'warn',
      detail: 'The broker granted QoS 1 instead of 2',
    });
    expect(subscriptionText(sub({ grantedQos: 0 })).detail).toMatch(/granted QoS 0 instead of 2/);
    expect(subscriptionText(sub({ state: 'pending', grantedQos: null }))).toMatchObject({ tone: 'busy', label: 'pending · asked QoS 2' });
    expect(subscriptionText(sub({ state: 'refused', grantedQos: null, reason: 'Not authorized (0x87)' }))).toEqual({ label: 'refused', tone: 'bad', detail: 'Not authorized (0x87)' });
  });
});
