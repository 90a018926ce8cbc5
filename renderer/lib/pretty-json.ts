// Re-indents JSON text without parsing it into numbers: JSON.parse would round 64-bit
// ids and drop trailing zeros, and a debugger must show the bytes the device sent.
// The input must already be valid JSON (the caller checks with JSON.parse).

export function prettyJson(text: string, indent = '  '): string {
  let out = '';
  let depth = 0;
  let i = 0;
  const n = text.length;
  const newline = () => '\n' + indent.repeat(depth);
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      const next = nextSignificant(text, i + 1);
      if (text[next] === close) {
        out += c + close;
        i = next + 1;
        continue;
      }
      depth++;
      out += c + newline();
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') {
      out += ',' + newline();
    } else if (c === ':') {
      out += ': ';
    } else {
      out += c;
    }
    i++;
  }
  return out;
}

function stringEnd(text: string, quote: number): number {
  let i = quote + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

function nextSignificant(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}
