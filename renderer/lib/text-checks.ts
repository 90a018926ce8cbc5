// Text that a packet carries as an MQTT UTF-8 string: client id, user name, content type,
// user property names and values. MQTT forbids U+0000 in them (MQTT-1.5.4-2; a broker
// closes the connection as malformed), a half of a surrogate pair has no UTF-8 form (it
// would go out as U+FFFD, not what was typed), and each is at most 65,535 bytes.
// shared/topic.ts checks topics the same way; these strings have no shared check yet.
import { formatCount } from './format-number';

const maxStringBytes = 65_535;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `what` starts the message: 'The client id', 'A user property name'. */
export function mqttTextProblem(text: string, what: string): string | null {
  if (text.includes('\u0000')) return `${what} contains a null character (U+0000), which MQTT forbids.`;
  if (loneSurrogate.test(text)) return `${what} contains half of a character (a lone UTF-16 surrogate), which has no UTF-8 form.`;
  if (new TextEncoder().encode(text).length > maxStringBytes) return `${what} is longer than 65,535 bytes, the most MQTT can carry.`;
  return null;
}

/**
 * A limit the request itself has: said at the field instead of cutting the text (a
 * maxLength attribute would drop the end of a paste without a word).
 */
export function lengthProblem(text: string, max: number, what: string): string | null {
  return text.length > max ? `${what} is longer than ${formatCount(max)} characters (it has ${formatCount(text.length)}).` : null;
}
