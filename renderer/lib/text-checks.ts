// Text that a packet carries as an MQTT UTF-8 string: client id, user name, content type,
// user property names and values. MQTT forbids U+0000 in them (MQTT-1.5.4-2; a broker
// closes the connection as malformed), a half of a surrogate pair has no UTF-8 form (it
// would go out as U+FFFD, not what was typed), and each is at most 65,535 bytes.
// The core applies the same check (shared/mqtt-string.ts) to what it is sent.
import { mqttStringProblem } from '../../shared/mqtt-string';
import { formatCount } from './format-number';

/** `what` starts the message: 'The client id', 'A user property name'. */
export const mqttTextProblem = mqttStringProblem;

/**
 * A limit the request itself has: said at the field instead of cutting the text (a
 * maxLength attribute would drop the end of a paste without a word).
 */
export function lengthProblem(text: string, max: number, what: string): string | null {
  return text.length > max ? `${what} is longer than ${formatCount(max)} characters (it has ${formatCount(text.length)}).` : null;
}
