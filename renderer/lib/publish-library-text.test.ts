import { describe, expect, it } from 'vitest';
import type { PublishTemplate } from '../../shared/publish-contract';
import { templateText, templateTime } from './publish-library-text';

const template = (patch: Partial<PublishTemplate> = {}, message: Partial<PublishTemplate['message']> = {}): PublishTemplate => ({
  name: null,
  payloadOmitted: null,
  at: 0,
  ...patch,
  message: { topic: 'lab/lamp', payload: '{\n  "on": true\n}', format: 'json', qos: 1, retain: true, ...message },
});

describe('templateText', () => {
  it('lists QoS, retain, format, size and properties, and the payload on one line', () => {
    const t = templateText(template({}, { properties: { contentType: 'application/json', userProperties: [{ key: 'a', value: 'b' }] } }));
    expect(t.facts).toBe('QoS 1 · retain · JSON · 16 B · 2 properties');
    expect(t.preview).toBe('{ "on": true }');
    expect(t.omitted).toBe(false);
  });

  it('says when the history did not keep the payload, and how large it was', () => {
    const t = templateText(template({ payloadOmitted: 70 * 1024 }, { payload: '', format: 'base64' }));
    expect(t.omitted).toBe(true);
    expect(t.facts).toContain('70 KB');
    expect(t.preview).toContain('Payload not kept: 70 KB');
  });

  it('cuts a long payload and marks the empty one', () => {
    expect(templateText(template({}, { payload: 'x'.repeat(200), format: 'text' })).preview).toBe(`${'x'.repeat(80)}…`);
    expect(templateText(template({}, { payload: '', format: 'text' })).preview).toBe('(empty payload)');
  });
});

describe('templateTime', () => {
  it('shows the clock for today and the date for older entries', () => {
    const now = new Date(2026, 4, 3, 14, 0, 0).getTime();
    expect(templateTime(new Date(2026, 4, 3, 9, 5, 7).getTime(), now)).toBe('09:05:07');
    expect(templateTime(new Date(2026, 4, 1, 9, 5, 7).getTime(), now)).toBe('2026-05-01 09:05');
  });
});
