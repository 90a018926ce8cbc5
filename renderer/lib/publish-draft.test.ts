import { describe, expect, it } from 'vitest';
import { buildPublishMessage } from './publish-message';
import { correlationFromBase64, draftFromMessage, emptyProperties, newUserPropertyRow, propertiesSetCount } from './publish-draft';

describe('draftFromMessage', () => {
  it('loads a saved message back so that it builds the same message again', () => {
    const message = {
      topic: 'lab/lamp',
      payload: '{"on": true}',
      format: 'json' as const,
      qos: 1 as const,
      retain: true,
      properties: {
        contentType: 'application/json',
        payloadFormatIndicator: true,
        messageExpiryInterval: 30,
        topicAlias: 2,
        responseTopic: 'lab/lamp/reply',
        correlationData: btoa('\u0000\u0001'),
        userProperties: [{ key: 'a', value: '1' }],
      },
    };
    const draft = draftFromMessage(message);
    expect(draft.properties.correlationEncoding).toBe('hex');
    expect(draft.properties.correlation).toBe('00 01');
    expect(buildPublishMessage(draft, { protocolVersion: 5, topicAliasMaximum: 10 }).message).toEqual(message);
  });

  it('marks a history entry whose payload was not kept', () => {
    const draft = draftFromMessage({ topic: 't', payload: '', format: 'base64', qos: 0, retain: false }, 70_000);
    expect(draft.payloadOmitted).toBe(70_000);
    expect(draft.properties).toEqual(emptyProperties);
  });
});

describe('correlationFromBase64', () => {
  it('shows text as text and other bytes as hex', () => {
    expect(correlationFromBase64(btoa('req-42'))).toEqual({ text: 'req-42', encoding: 'text' });
    expect(correlationFromBase64(btoa('\u00ff'))).toEqual({ text: 'ff', encoding: 'hex' });
    expect(correlationFromBase64('')).toEqual({ text: '', encoding: 'text' });
  });
});

describe('propertiesSetCount', () => {
  it('counts what would be sent', () => {
    expect(propertiesSetCount(emptyProperties)).toBe(0);
    expect(propertiesSetCount({ ...emptyProperties, contentType: 'x', payloadIsUtf8: true, userProperties: [newUserPropertyRow(), newUserPropertyRow()] })).toBe(4);
    expect(propertiesSetCount({ ...emptyProperties, messageExpiry: '  ' })).toBe(0);
  });
});
