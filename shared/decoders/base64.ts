// A payload that carries base64 text: decoded to its bytes, shown as text when they are
// UTF-8 and as a hex dump otherwise.
import { failed, type DecodeResult } from './decode-result';
import { strictUtf8 } from './utf8-text';

const alphabet = /^[A-Za-z0-9+/\-_]*={0,2}$/;

export function decodeBase64Payload(bytes: Uint8Array): DecodeResult {
  const raw = strictUtf8(bytes);
  if (raw === null) return failed('Not base64: the payload is not text.');
  const text = raw.replace(/\s+/g, '');
  if (text === '') return failed('Not base64: the payload is empty.');
  if (!alphabet.test(text)) {
    const bad = [...text].findIndex((c) => !/[A-Za-z0-9+/\-_=]/.test(c));
    return failed(`Not base64: character ${JSON.stringify(text[bad] ?? '=')} at position ${bad === -1 ? text.indexOf('=') : bad} is not in the base64 alphabet.`);
  }
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = standard.padEnd(Math.ceil(standard.length / 4) * 4, '=');
  if (standard.replace(/=+$/, '').length % 4 === 1) return failed(`Not base64: ${text.length} characters cannot be whole bytes (one character too many or too few).`);
  const binary = atob(padded);
  const decoded = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) decoded[i] = binary.charCodeAt(i);
  const summary = `Decoded from base64: ${decoded.length} ${decoded.length === 1 ? 'byte' : 'bytes'}`;
  const asText = strictUtf8(decoded);
  // eslint-disable-next-line no-control-regex
  if (asText !== null && !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(asText)) return { ok: true, value: { kind: 'text', text: asText } };
  return { ok: true, value: { kind: 'hex', bytes: decoded, summary } };
}
