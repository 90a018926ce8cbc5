// Compares a saved retained set with the current one: which topics appeared,
// disappeared, or hold other bytes (or another QoS, or other 5.0 properties).
import type { RetainedDiffItem, RetainedDiffSide } from './retained-contract';
import type { RetainedFileMessage } from './retained-file';
import { previewPayload } from './payload-format';
import { decodeBase64 } from './publish-payload';

export interface RetainedSetDiff {
  added: RetainedDiffItem[];
  removed: RetainedDiffItem[];
  changed: RetainedDiffItem[];
  unchanged: number;
}

export function diffRetainedSets(before: readonly RetainedFileMessage[], after: readonly RetainedFileMessage[]): RetainedSetDiff {
  const old = new Map(before.map((m) => [m.topic, m]));
  const now = new Map(after.map((m) => [m.topic, m]));
  const diff: RetainedSetDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [topic, a] of now) {
    const b = old.get(topic);
    if (!b) {
      diff.added.push({ topic, before: null, after: side(a), changes: [] });
      continue;
    }
    const changes: RetainedDiffItem['changes'] = [];
    if (a.payloadBase64 !== b.payloadBase64) changes.push('payload');
    if (a.qos !== b.qos) changes.push('qos');
    if (canonical(a.properties) !== canonical(b.properties)) changes.push('properties');
    if (changes.length) diff.changed.push({ topic, before: side(b), after: side(a), changes });
    else diff.unchanged++;
  }
  for (const [topic, b] of old) if (!now.has(topic)) diff.removed.push({ topic, before: side(b), after: null, changes: [] });
  const byTopic = (x: RetainedDiffItem, y: RetainedDiffItem) => (x.topic < y.topic ? -1 : x.topic > y.topic ? 1 : 0);
  diff.added.sort(byTopic);
  diff.removed.sort(byTopic);
  diff.changed.sort(byTopic);
  return diff;
}

function side(m: RetainedFileMessage): RetainedDiffSide {
  const bytes = decodeBase64(m.payloadBase64);
  return { size: bytes.length, qos: m.qos, preview: previewPayload(bytes, 120).preview };
}

/** Property sets compare equal whatever their key order; absent and empty are the same. */
function canonical(properties: RetainedFileMessage['properties']): string {
  if (!properties) return '{}';
  const entries = Object.entries(properties).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}
