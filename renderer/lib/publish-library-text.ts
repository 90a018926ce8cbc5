// Entries of the publish library (history and saved messages) as the lists show them.
import type { PublishTemplate } from '../../shared/publish-contract';
import { formatBytes } from './format-number';
import { formatClock, formatDateTime } from './format-time';
import { checkPayload } from './publish-payload-text';

const formatNames = { text: 'Text', json: 'JSON', hex: 'Hex', base64: 'Base64' } as const;

export interface TemplateText {
  /** QoS, retain, format, size, properties: one line under the topic. */
  facts: string;
  /** The start of the payload as one line; what replaces it when it was not kept. */
  preview: string;
  /** true: the payload was not kept (the preview says why). */
  omitted: boolean;
}

const previewChars = 80;

export function templateText(t: PublishTemplate): TemplateText {
  const m = t.message;
  const facts = [`QoS ${m.qos}`, ...(m.retain ? ['retain'] : []), formatNames[m.format]];
  if (t.payloadOmitted !== null) {
    facts.push(formatBytes(t.payloadOmitted));
  } else {
    const payload = checkPayload(m.payload, m.format);
    if (payload.ok) facts.push(formatBytes(payload.size));
  }
  const propertyCount = m.properties ? Object.values(m.properties).filter((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)).length : 0;
  if (propertyCount > 0) facts.push(propertyCount === 1 ? '1 property' : `${propertyCount} properties`);
  if (t.payloadOmitted !== null) {
    return { facts: facts.join(' · '), preview: `Payload not kept: ${formatBytes(t.payloadOmitted)} is more than the history keeps (save large messages by name).`, omitted: true };
  }
  const oneLine = m.payload.replace(/\s+/g, ' ').trim();
  const preview = oneLine === '' ? '(empty payload)' : oneLine.length > previewChars ? `${oneLine.slice(0, previewChars)}…` : oneLine;
  return { facts: facts.join(' · '), preview, omitted: false };
}

/** History times: the clock for today, the date as well for older entries. */
export function templateTime(at: number, now: number): string {
  const a = new Date(at);
  const n = new Date(now);
  const sameDay = a.getFullYear() === n.getFullYear() && a.getMonth() === n.getMonth() && a.getDate() === n.getDate();
  return sameDay ? formatClock(at).slice(0, 8) : formatDateTime(at).slice(0, 16);
}
