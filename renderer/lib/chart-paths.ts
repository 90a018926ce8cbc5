// What the Chart action suggests plotting from a topic's latest payload: the payload
// itself when it is a number, or the JSON paths that hold numbers inside it.
import { formatJsonPath } from '../../shared/json-path';

export type ChartSuggestion = { kind: 'number' } | { kind: 'paths'; paths: string[] } | { kind: 'none' };

const numberText = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const maxPaths = 50;

export function chartSuggestion(payloadText: string): ChartSuggestion {
  if (numberText.test(payloadText)) return { kind: 'number' };
  let doc: unknown;
  try {
    doc = JSON.parse(payloadText);
  } catch {
    return { kind: 'none' };
  }
  const paths = numericPaths(doc);
  return paths.length ? { kind: 'paths', paths } : { kind: 'none' };
}

/** The paths of numeric leaves (and numeric strings), depth first, at most maxPaths. */
export function numericPaths(doc: unknown, at: (string | number)[] = [], out: string[] = []): string[] {
  if (out.length >= maxPaths) return out;
  if (typeof doc === 'number' || (typeof doc === 'string' && numberText.test(doc))) out.push(formatJsonPath(at));
  else if (Array.isArray(doc)) doc.forEach((item, i) => numericPaths(item, [...at, i], out));
  else if (doc !== null && typeof doc === 'object') for (const [key, value] of Object.entries(doc)) numericPaths(value, [...at, key], out);
  return out.slice(0, maxPaths);
}
