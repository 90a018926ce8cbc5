import { describe, expect, it } from 'vitest';
import { buildRequestSpec, defaultReplyTopic, defaultRequestDraft, formatRtt, newCorrelation, outcomeText, replyModeOf, type RequestDraft } from './publish-request';

const draft = (patch: Partial<RequestDraft> = {}): RequestDraft => ({ ...defaultRequestDraft, correlation: 'c-1', ...patch });

describe('request defaults', () => {
  it('replies on <topic>/reply and follows the topic until edited', () => {
    expect(defaultReplyTopic('svc/echo')).toBe('svc/echo/reply');
    expect(defaultReplyTopic('svc/echo/')).toBe('svc/echo/reply');
    expect(buildRequestSpec(draft(), 'svc/echo', 5).spec?.responseTopic).toBe('svc/echo/reply');
    expect(buildRequestSpec(draft({ replyTopic: 'me/inbox' }), 'svc/echo', 5).spec?.responseTopic).toBe('me/inbox');
  });

  it('matches by properties on 5.0 and by JSON fields on 3.x', () => {
    expect(replyModeOf(draft(), 5)).toBe('properties');
    expect(replyModeOf(draft(), 4)).toBe('json-fields');
    expect(replyModeOf(draft({ mode: 'properties' }), 4)).toBe('json-fields');
    expect(replyModeOf(draft({ mode: 'json-fields' }), 5)).toBe('json-fields');
    expect(buildRequestSpec(draft(), 'a', 4).spec?.match).toEqual({ kind: 'json-fields', responseTopicKey: 'replyTo', correlationKey: 'correlationId' });
  });

  it('generates 16 hex digits of randomness', () => {
    expect(newCorrelation()).toMatch(/^[0-9a-f]{16}$/);
    expect(newCorrelation((b) => b.fill(0xab))).toBe('abababababababab');
  });
});

describe('buildRequestSpec', () => {
  it('names each problem as the core does', () => {
    const { spec, problems } = buildRequestSpec(draft({ replyTopic: 'a/+', correlation: '', mode: 'json-fields', correlationKey: ' ', timeoutMs: '50' }), 'a', 5);
    expect(spec).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['correlation', 'match.correlationKey', 'responseTopic', 'timeoutMs']);
  });

  it('says the request limits on the correlation and the JSON field names instead of sending them', () => {
    const { problems } = buildRequestSpec(draft({ correlation: 'c'.repeat(65_536), mode: 'json-fields', responseTopicKey: 'k'.repeat(201) }), 'a', 5);
    expect(problems).toEqual({
      correlation: 'The correlation is longer than 65,535 characters (it has 65,536).',
      'match.responseTopicKey': 'The field name is longer than 200 characters (it has 201).',
    });
  });

  it('refuses a reply topic equal to the request topic', () => {
    expect(buildRequestSpec(draft({ replyTopic: 'svc' }), 'svc', 5).problems.responseTopic).toContain('its own reply');
  });
});

describe('outcome text', () => {
  it('gives the round trip to a tenth of a millisecond when short', () => {
    expect(formatRtt(3.456)).toBe('3.5 ms');
    expect(formatRtt(1234.4)).toBe('1,234 ms');
    const request = { size: 1, packetId: null, flowId: null };
    expect(outcomeText({ kind: 'timeout', waitedMs: 5003, request }, 5000)).toBe('No reply within 5,000 ms');
    expect(outcomeText({ kind: 'reply', rttMs: 12, request, reply: { topic: 't', qos: 0, size: 0, payloadBase64: '', properties: {} } }, 5000)).toBe('Reply in 12.0 ms');
  });
});
