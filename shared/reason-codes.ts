// Return and reason codes in words, so the UI never shows a bare number.

/** CONNACK return codes of MQTT 3.1 / 3.1.1 (§3.2.2.3). */
const connackReturnCodes311: Record<number, string> = {
  0: 'Connection accepted',
  1: 'Connection refused: unacceptable protocol version',
  2: 'Connection refused: client identifier rejected',
  3: 'Connection refused: server unavailable',
  4: 'Connection refused: bad user name or password',
  5: 'Connection refused: not authorised',
};

/** MQTT 5.0 reason codes (§2.4); the same byte means the same thing wherever it is used, except 0x00. */
const reasonCodes5: Record<number, string> = {
  0x00: 'Success',
  0x01: 'Granted QoS 1',
  0x02: 'Granted QoS 2',
  0x04: 'Disconnect with Will Message',
  0x10: 'No matching subscribers',
  0x11: 'No subscription existed',
  0x18: 'Continue authentication',
  0x19: 'Re-authenticate',
  0x80: 'Unspecified error',
  0x81: 'Malformed Packet',
  0x82: 'Protocol Error',
  0x83: 'Implementation specific error',
  0x84: 'Unsupported Protocol Version',
  0x85: 'Client Identifier not valid',
  0x86: 'Bad User Name or Password',
  0x87: 'Not authorized',
  0x88: 'Server unavailable',
  0x89: 'Server busy',
  0x8a: 'Banned',
  0x8b: 'Server shutting down',
  0x8c: 'Bad authentication method',
  0x8d: 'Keep Alive timeout',
  0x8e: 'Session taken over',
  0x8f: 'Topic Filter invalid',
  0x90: 'Topic Name invalid',
  0x91: 'Packet Identifier in use',
  0x92: 'Packet Identifier not found',
  0x93: 'Receive Maximum exceeded',
  0x94: 'Topic Alias invalid',
  0x95: 'Packet too large',
  0x96: 'Message rate too high',
  0x97: 'Quota exceeded',
  0x98: 'Administrative action',
  0x99: 'Payload format invalid',
  0x9a: 'Retain not supported',
  0x9b: 'QoS not supported',
  0x9c: 'Use another server',
  0x9d: 'Server moved',
  0x9e: 'Shared Subscriptions not supported',
  0x9f: 'Connection rate exceeded',
  0xa0: 'Maximum connect time',
  0xa1: 'Subscription Identifiers not supported',
  0xa2: 'Wildcard Subscriptions not supported',
};

function hex(code: number): string {
  return `0x${code.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** The CONNACK code in words, for the protocol version that was used. */
export function connackCodeText(code: number, protocolVersion: number): string {
  const text = protocolVersion === 5 ? reasonCodes5[code] : connackReturnCodes311[code];
  return `${text ?? 'Unknown code'} (${hex(code)})`;
}

/** A 5.0 reason code in words (any packet). */
export function reasonCodeText(code: number): string {
  return `${reasonCodes5[code] ?? 'Unknown reason code'} (${hex(code)})`;
}

/** A SUBACK entry: 0..2 is the granted QoS; 0x80 in 3.1.1 is failure, and in 5.0 any code ≥ 0x80 is a refusal. */
export function subackCodeText(code: number, protocolVersion: number): string {
  if (code <= 2) return `Granted QoS ${code}`;
  if (protocolVersion !== 5) return code === 0x80 ? 'Failure (0x80)' : `Unknown code (${hex(code)})`;
  return reasonCodeText(code);
}
