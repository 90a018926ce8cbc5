// Two payloads compared the way they read: key by key when both are JSON, line by line
// when both are text, byte ranges otherwise. Pure, so the page runs it on the two
// messages it fetched and tests run it on bytes.
import { diffLines } from 'diff';
import { byteDiff, type ByteDiff } from './byte-diff';
import { jsonChanges, type JsonChange } from './json-diff';
import { decodeText } from './payload-format';

/** Larger payloads are compared on their first this many bytes, and the diff says so. */
export const diffByteLimit = 512 * 1024;

export type TextLineKind = 'same' | 'added' | 'removed';
export interface TextLine {
  kind: TextLineKind;
  text: string;
  /** 1-based line number in the earlier and later payload (null where the line is not in it). */
  beforeLine: number | null;
  afterLine: number | null;
}

export type PayloadDiff =
  | { kind: 'identical'; size: number }
  | { kind: 'json'; changes: JsonChange[]; truncated: boolean }
  /** note: why a text diff where JSON was expected (same value, different text). */
  | { kind: 'text'; lines: TextLine[]; added: number; removed: number; truncated: boolean; note: string | null }
  | ({ kind: 'binary'; sizeBefore: number; sizeAfter: number; truncated: boolean } & ByteDiff);

export function diffPayloads(beforeBytes: Uint8Array, afterBytes: Uint8Array): PayloadDiff {
  if (sameBytes(beforeBytes, afterBytes)) return { kind: 'identical', size: beforeBytes.length };
  const truncated = beforeBytes.length > diffByteLimit || afterBytes.length > diffByteLimit;
  const before = beforeBytes.subarray(0, diffByteLimit);
  const after = afterBytes.subarray(0, diffByteLimit);
  const beforeText = truncated ? null : decodeText(before);
  const afterText = truncated ? null : decodeText(after);
  if (beforeText !== null && afterText !== null) {
    const json = parseBoth(beforeText, afterText);
    if (json) {
      const changes = jsonChanges(json[0], json[1]);
      if (changes.length > 0) return { kind: 'json', changes, truncated };
      // Same value, other text: spacing, key order, or digits beyond what a double holds.
      return textDiff(beforeText, afterText, truncated, 'Both parse to the same JSON value; the text differs (spacing, key order or number digits).');
    }
    return textDiff(beforeText, afterText, truncated, null);
  }
  // A cut payload may end inside a UTF-8 character or a JSON value: compare its bytes.
  return { kind: 'binary', sizeBefore: beforeBytes.length, sizeAfter: afterBytes.length, truncated, ...byteDiff(before, after) };
}

function parseBoth(a: string, b: string): [unknown, unknown] | null {
  try {
    return [JSON.parse(a), JSON.parse(b)];
  } catch {
    return null;
  }
}

function textDiff(before: string, after: string, truncated: boolean, note: string | null): PayloadDiff {
  const lines: TextLine[] = [];
  let b = 1;
  let a = 1;
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    for (const text of splitLines(part.value)) {
      if (part.added) {
        lines.push({ kind: 'added', text, beforeLine: null, afterLine: a++ });
        added++;
      } else if (part.removed) {
        lines.push({ kind: 'removed', text, beforeLine: b++, afterLine: null });
        removed++;
      } else {
        lines.push({ kind: 'same', text, beforeLine: b++, afterLine: a++ });
      }
    }
  }
  return { kind: 'text', lines, added, removed, truncated, note };
}

// A part's text ends with its last line's newline; that newline does not start another line.
function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
