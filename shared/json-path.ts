// A small JSON path: `$`, `.key`, `['key']` (or "key") and `[index]`, nothing more.
// Charts and diffs need to name one value inside a payload; wildcards, filters and
// slices name many, so they are refused with a message rather than half supported.
// Written here rather than taken from a library: the CSP forbids eval, and the core
// and the page must read a path the same way.

export type JsonPathSegment = { kind: 'key'; key: string } | { kind: 'index'; index: number };

export type JsonPathParse = { ok: true; segments: JsonPathSegment[] } | { ok: false; problem: string };

export type JsonPathLookup = { found: true; value: unknown } | { found: false; problem: string };

const supported = "use $, .key, ['key'] or [index]";
// Dotted keys: letters, digits, _, $ and -; anything else goes in brackets.
const dottedKey = /^[\p{L}\p{N}_$-]+/u;
const bareKey = /^[\p{L}\p{N}_$-]+$/u;

export function parseJsonPath(text: string): JsonPathParse {
  const path = text.trim();
  if (!path.startsWith('$')) return { ok: false, problem: `A JSON path starts with $ (${supported}).` };
  const segments: JsonPathSegment[] = [];
  let i = 1;
  // Positions count from 1 and point at the character that is wrong.
  const fail = (what: string, at = i): JsonPathParse => ({ ok: false, problem: `${what} at position ${at + 1} of the path (${supported}).` });
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      if (path[i + 1] === '.') return fail('Recursive descent (..) is not supported', i + 1);
      const key = dottedKey.exec(path.slice(i + 1))?.[0];
      if (!key) return fail(path[i + 1] === '*' ? 'Wildcards are not supported' : 'A key is expected after the dot', i + 1);
      segments.push({ kind: 'key', key });
      i += 1 + key.length;
    } else if (c === '[') {
      const quote = path[i + 1];
      if (quote === "'" || quote === '"') {
        const read = readQuoted(path, i + 2, quote);
        if (read === null || path[read.end] !== ']') return fail('An unclosed quoted key');
        segments.push({ kind: 'key', key: read.key });
        i = read.end + 1;
      } else {
        const digits = /^(0|[1-9]\d*)\]/.exec(path.slice(i + 1));
        if (!digits) return fail(/^-?\d+\]/.test(path.slice(i + 1)) ? 'An index is a whole number from 0, without sign or leading zeros' : 'Filters, slices and wildcards are not supported', i + 1);
        segments.push({ kind: 'index', index: Number(digits[1]) });
        i += 1 + digits[0].length;
      }
    } else {
      return fail(`Unexpected '${c}'`);
    }
  }
  return { ok: true, segments };
}

// Inside quotes, a backslash takes the next character as it is (\' and \\).
function readQuoted(path: string, from: number, quote: string): { key: string; end: number } | null {
  let key = '';
  for (let i = from; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && i + 1 < path.length) key += path[++i];
    else if (c === quote) return { key, end: i + 1 };
    else key += c;
  }
  return null;
}

export function lookupJsonPath(root: unknown, segments: readonly JsonPathSegment[]): JsonPathLookup {
  let value = root;
  for (let n = 0; n < segments.length; n++) {
    const s = segments[n];
    const where = formatJsonPath(segments.slice(0, n));
    if (s.kind === 'index') {
      if (!Array.isArray(value)) return { found: false, problem: `${where} is not an array.` };
      if (s.index >= value.length) return { found: false, problem: `${where} has ${value.length} items, no [${s.index}].` };
      value = value[s.index];
    } else {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return { found: false, problem: `${where} is not an object.` };
      if (!Object.prototype.hasOwnProperty.call(value, s.key)) return { found: false, problem: `${where} has no key ${quoteKey(s.key)}.` };
      value = (value as Record<string, unknown>)[s.key];
    }
  }
  return { found: true, value };
}

/** The path as text that parseJsonPath reads back to the same segments. */
export function formatJsonPath(segments: readonly (JsonPathSegment | string | number)[]): string {
  let out = '$';
  for (const raw of segments) {
    const s: JsonPathSegment = typeof raw === 'number' ? { kind: 'index', index: raw } : typeof raw === 'string' ? { kind: 'key', key: raw } : raw;
    if (s.kind === 'index') out += `[${s.index}]`;
    else out += bareKey.test(s.key) ? `.${s.key}` : `[${quoteKey(s.key)}]`;
  }
  return out;
}

function quoteKey(key: string): string {
  return `'${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
