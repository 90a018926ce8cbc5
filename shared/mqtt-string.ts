// Text a packet carries as an MQTT UTF-8 string: client id, user name, content type,
// user property names and values. MQTT forbids U+0000 in them (MQTT-1.5.4-2; a broker
// closes the connection as malformed), half of a surrogate pair has no UTF-8 form (it
// would go out as U+FFFD, not what was typed), and each is at most 65,535 bytes. Topics
// have their own checks in topic.ts.

const maxStringBytes = 65_535;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** null when the text can go out as an MQTT string; else a message starting with `what` ('The client id'). */
export function mqttStringProblem(text: string, what: string): string | null {
  if (text.includes('\u0000')) return `${what} contains a null character (U+0000), which MQTT forbids.`;
  if (loneSurrogate.test(text)) return `${what} contains half of a character (a lone UTF-16 surrogate), which has no UTF-8 form.`;
  if (new TextEncoder().encode(text).length > maxStringBytes) return `${what} is longer than 65,535 bytes, the most MQTT can carry.`;
  return null;
}
