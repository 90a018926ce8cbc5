import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../shared/contract';
import { decodeBase64 } from '../../shared/publish-payload';
import { emptyDraft, emptyProperties, newUserPropertyRow, type PublishDraft } from './publish-draft';
import { buildPublishMessage, correlationBase64, liveProblems, publishFieldNames, publishTarget, type PublishTarget } from './publish-message';

const v5: PublishTarget = { protocolVersion: 5, topicAliasMaximum: 10 };
const v311: PublishTarget = { protocolVersion: 4, topicAliasMaximum: 0 };

function draft(patch: Partial<PublishDraft> = {}, properties: Partial<PublishDraft['properties']> = {}): PublishDraft {
  return { ...emptyDraft, topic: 'lab/lamp', payload: 'on', ...patch, properties: { ...emptyProperties, ...properties } };
}

describe('buildPublishMessage', () => {
  it('sends the payload as typed with its format, and leaves out properties nobody set', () => {
    const built = buildPublishMessage(draft({ payload: '{ "a": 1 }', format: 'json', qos: 1, retain: true }), v5);
    expect(built.problems).toEqual({});
    expect(built.size).toBe(10);
    expect(built.message).toEqual({ topic: 'lab/lamp', payload: '{ "a": 1 }', format: 'json', qos: 1, retain: true });
  });

  it('reports a wildcard topic, invalid JSON and odd hex at their fields, and builds nothing', () => {
    expect(buildPublishMessage(draft({ topic: 'lab/+/lamp' }), v5).problems.topic).toContain('wildcards');
    const json = buildPublishMessage(draft({ payload: '{"a":', format: 'json' }), v5);
    expect(json.message).toBeNull();
    expect(json.problems.payload).toContain('not valid JSON');
    expect(json.size).toBeNull();
    expect(buildPublishMessage(draft({ payload: 'abc', format: 'hex' }), v5).problems.payload).toContain('odd number of digits');
    expect(buildPublishMessage(draft({ payload: 'a=b', format: 'base64' }), v5).problems.payload).toContain('not valid base64');
  });

  it('does not send an empty payload in place of one the history did not keep', () => {
    const omitted = draft({ payload: '', format: 'base64', payloadOmitted: 70_000 });
    expect(buildPublishMessage(omitted, v5).problems.payload).toContain('did not keep this payload');
    expect(buildPublishMessage({ ...omitted, payloadOmitted: null }, v5).problems).toEqual({});
  });

  it('turns the 5.0 properties into the contract, correlation data as base64', () => {
    const rows = [newUserPropertyRow('site', 'lab'), newUserPropertyRow('site', 'hall')];
    const built = buildPublishMessage(
      draft({}, { contentType: 'text/plain', payloadIsUtf8: true, messageExpiry: '60', topicAlias: '3', responseTopic: 'lab/lamp/reply', correlation: 'req-1', userProperties: rows }),
      v5,
    );
    expect(built.problems).toEqual({});
    expect(built.message?.properties).toEqual({
      contentType: 'text/plain',
      payloadFormatIndicator: true,
      messageExpiryInterval: 60,
      topicAlias: 3,
      responseTopic: 'lab/lamp/reply',
      correlationData: btoa('req-1'),
      userProperties: [
        { key: 'site', value: 'lab' },
        { key: 'site', value: 'hall' },
      ],
    });
  });

  it('refuses U+0000 in the content type and user properties, which MQTT forbids in its strings', () => {
    const rows = [newUserPropertyRow('ok', 'fine'), newUserPropertyRow('bad\u0000name', 'v'), newUserPropertyRow('n', 'bad\u0000value')];
    const built = buildPublishMessage(draft({}, { contentType: 'text/\u0000plain', userProperties: rows }), v5);
    expect(built.message).toBeNull();
    expect(built.problems).toEqual({
      'properties.contentType': 'The content type contains a null character (U+0000), which MQTT forbids.',
      'properties.userProperties.1.key': 'The name contains a null character (U+0000), which MQTT forbids.',
      'properties.userProperties.2.key': 'The value contains a null character (U+0000), which MQTT forbids.',
    });
  });

  it('sends no properties on MQTT 3.1.1, whatever the section holds', () => {
    const built = buildPublishMessage(draft({}, { contentType: 'text/plain', topicAlias: 'nonsense' }), v311);
    expect(built.problems).toEqual({});
    expect(built.message?.properties).toBeUndefined();
  });

  it('names each property problem as the core does', () => {
    const built = buildPublishMessage(
      draft({ payload: 'ff', format: 'hex' }, { payloadIsUtf8: true, messageExpiry: '-1', topicAlias: '11', responseTopic: 'a/#', correlation: 'abc', correlationEncoding: 'hex', userProperties: [newUserPropertyRow('', 'x')] }),
      v5,
    );
    expect(Object.keys(built.problems).sort()).toEqual([
      'properties.correlationData',
      'properties.messageExpiryInterval',
      'properties.payloadFormatIndicator',
      'properties.responseTopic',
      'properties.topicAlias',
      'properties.userProperties.0.key',
    ]);
    expect(built.problems['properties.topicAlias']).toContain('1 to 10');
    expect(built.problems['properties.correlationData']).toContain('odd number of digits');
  });

  it('refuses any alias when the broker allows none, and checks only the range when its maximum is unknown', () => {
    expect(buildPublishMessage(draft({}, { topicAlias: '1' }), { protocolVersion: 5, topicAliasMaximum: 0 }).problems['properties.topicAlias']).toContain('no topic aliases');
    expect(buildPublishMessage(draft({}, { topicAlias: '500' }), { protocolVersion: 5, topicAliasMaximum: null }).problems).toEqual({});
    expect(buildPublishMessage(draft({}, { topicAlias: '0' }), { protocolVersion: 5, topicAliasMaximum: null }).problems['properties.topicAlias']).toContain('1 to 65,535');
  });
});

describe('liveProblems', () => {
  it('keeps quiet about an empty topic or payload until the user publishes', () => {
    const d = draft({ topic: '', payload: '', format: 'json' });
    const { problems } = buildPublishMessage(d, v5);
    expect(Object.keys(problems).sort()).toEqual(['payload', 'topic']);
    expect(liveProblems(d, problems)).toEqual({});
    const typed = draft({ topic: 'a/#', payload: '{', format: 'json' });
    expect(Object.keys(liveProblems(typed, buildPublishMessage(typed, v5).problems)).sort()).toEqual(['payload', 'topic']);
  });
});

describe('correlationBase64', () => {
  it('takes text as its UTF-8 bytes and hex as bytes', () => {
    const text = correlationBase64('é', 'text');
    expect(text.ok && [...decodeBase64(text.base64)]).toEqual([0xc3, 0xa9]);
    const hex = correlationBase64('00 ff 10', 'hex');
    expect(hex.ok && [...decodeBase64(hex.base64)]).toEqual([0, 255, 16]);
    expect(correlationBase64('zz', 'hex').ok).toBe(false);
  });
});

describe('publishTarget', () => {
  const connack = (properties: Record<string, unknown>) => ({ sessionPresent: false, code: 0, text: 'Success', properties, at: 0 });
  it('reads the Topic Alias Maximum from the CONNACK, absent meaning 0', () => {
    expect(publishTarget({ protocolVersion: 5, connack: connack({ topicAliasMaximum: 10 }) } as ConnectionSummary)).toEqual({ protocolVersion: 5, topicAliasMaximum: 10 });
    expect(publishTarget({ protocolVersion: 5, connack: connack({}) } as ConnectionSummary).topicAliasMaximum).toBe(0);
    expect(publishTarget({ protocolVersion: 5, connack: null } as ConnectionSummary).topicAliasMaximum).toBeNull();
    expect(publishTarget({ protocolVersion: 4, connack: null } as ConnectionSummary)).toEqual({ protocolVersion: 4, topicAliasMaximum: 0 });
  });
});

describe('publishFieldNames', () => {
  it('lists one key field per user property before the catch-all properties field', () => {
    const names = publishFieldNames(2);
    expect(names).toContain('properties.userProperties.1.key');
    expect(names.indexOf('properties.userProperties.1.key')).toBeLessThan(names.indexOf('properties'));
    expect(names).toEqual(expect.arrayContaining(['responseTopic', 'match', 'name', 'intervalMs', 'count', 'timeoutMs']));
  });
});
