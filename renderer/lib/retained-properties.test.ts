import { describe, expect, it } from 'vitest';
import { propertyRows } from './retained-properties';

describe('retained message properties', () => {
  it('are empty for a message without any', () => {
    expect(propertyRows({})).toEqual([]);
  });

  it('use the specification’s names and order, whatever order they came in', () => {
    expect(
      propertyRows({ contentType: 'application/json', correlationData: '0x0102', messageExpiryInterval: 3600, payloadFormatIndicator: true, responseTopic: 'reply/to' }),
    ).toEqual([
      { name: 'Payload Format Indicator', value: '1 (UTF-8 text)' },
      { name: 'Message Expiry Interval', value: '3,600 s' },
      { name: 'Response Topic', value: 'reply/to' },
      { name: 'Correlation Data', value: '0x0102' },
      { name: 'Content Type', value: 'application/json' },
    ]);
  });

  it('give each user property value a row, repeated keys included', () => {
    expect(propertyRows({ userProperties: { site: 'berlin', tag: ['a', 'b'] } })).toEqual([
      { name: 'User Property site', value: 'berlin' },
      { name: 'User Property tag', value: 'a' },
      { name: 'User Property tag', value: 'b' },
    ]);
  });

  it('keep properties they do not know, under their own key', () => {
    expect(propertyRows({ payloadFormatIndicator: false, somethingNew: { x: 1 }, subscriptionIdentifier: [3, 7] })).toEqual([
      { name: 'Payload Format Indicator', value: '0 (unspecified bytes)' },
      { name: 'Subscription Identifier', value: '3, 7' },
      { name: 'somethingNew', value: '{"x":1}' },
    ]);
  });
});
