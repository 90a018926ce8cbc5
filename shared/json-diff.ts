// What changed between two JSON values, key by key: each change named by its JSON path.
// Arrays compare by index (microdiff's way), which is what a device resending the same
// shape with new readings produces; an item inserted at the front shows as every later
// index changed, which is honest about what the bytes say.
import microdiff from 'microdiff';
import { formatJsonPath } from './json-path';

export type JsonChangeKind = 'changed' | 'added' | 'removed';

export interface JsonChange {
  kind: JsonChangeKind;
  /** The JSON path of the value, e.g. $.sensors[0].value. */
  path: string;
  /** The value in the earlier message (absent when added). */
  before?: unknown;
  /** The value in the later message (absent when removed). */
  after?: unknown;
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => v !== null && typeof v === 'object';

export function jsonChanges(before: unknown, after: unknown): JsonChange[] {
  // microdiff compares containers; two scalars, or an array against an object, differ as a whole.
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    return Object.is(before, after) ? [] : [{ kind: 'changed', path: '$', before, after }];
  }
  return microdiff(before, after).map((d) => {
    const path = formatJsonPath(d.path);
    if (d.type === 'CREATE') return { kind: 'added', path, after: d.value };
    if (d.type === 'REMOVE') return { kind: 'removed', path, before: d.oldValue };
    return { kind: 'changed', path, before: d.oldValue, after: d.value };
  });
}
