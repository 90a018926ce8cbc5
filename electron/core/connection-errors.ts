// Turns what MQTT.js and Node report into sentences for the connection status,
// and decides which refusals are final (retrying cannot help) and which are not.
import { connackCodeText } from '../../shared/reason-codes';

/** CONNACK codes worth retrying: the broker may accept us later. */
const transientConnackCodes311 = new Set([3]);
const transientConnackCodes5 = new Set([0x88, 0x89, 0x97, 0x9f]);

export interface DescribedError {
  message: string;
  /** The CONNACK return or reason code, when the broker refused the connection. */
  connackCode: number | null;
  /** true when retrying cannot succeed without the user changing something. */
  fatal: boolean;
}

/** Refusals that are about who the client is: the hint depends on whether credentials were sent. */
const credentialCodes = new Set([4, 5, 0x86, 0x87]);

export function describeConnectionError(
  err: unknown,
  where: string,
  protocolVersion: number,
  duringConnack: boolean,
  sentCredentials = false,
): DescribedError {
  const e = err as NodeJS.ErrnoException & { code?: string | number };
  if (duringConnack && typeof e.code === 'number') {
    const transient = protocolVersion === 5 ? transientConnackCodes5.has(e.code) : transientConnackCodes311.has(e.code);
    // Brokers differ: mosquitto answers a wrong password with "not authorised", so say what to check.
    const hint = !credentialCodes.has(e.code)
      ? ''
      : sentCredentials
        ? ' Check the user name and password.'
        : ' This broker may require a user name and password.';
    const words = connackCodeText(e.code, protocolVersion).replace(/^Connection refused: /, '');
    return { message: `The broker refused the connection: ${words}.${hint}`, connackCode: e.code, fatal: !transient };
  }
  const tls = typeof e.code === 'string' ? tlsProblems[e.code] : undefined;
  if (tls) return { message: `TLS: ${tls} (${e.code}: ${e.message}).`, connackCode: null, fatal: true };
  switch (e.code) {
    case 'ECONNREFUSED':
      return { message: `Connection refused by ${where}: is a broker listening there?`, connackCode: null, fatal: false };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { message: `Host not found: ${where} (DNS lookup failed)`, connackCode: null, fatal: false };
    case 'ETIMEDOUT':
      return { message: `Timed out connecting to ${where}`, connackCode: null, fatal: false };
    case 'ECONNRESET':
      return { message: `The connection to ${where} was reset`, connackCode: null, fatal: false };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { message: `${where} is unreachable from this machine`, connackCode: null, fatal: false };
    default:
      return { message: e?.message ? `${e.message}` : String(err), connackCode: null, fatal: false };
  }
}

// Certificate problems: retrying cannot help until the user changes the trust settings.
const untrusted = "the broker's certificate is not trusted: add the CA that signed it to the profile (CA file), or turn off certificate verification";
const tlsProblems: Record<string, string> = {
  SELF_SIGNED_CERT_IN_CHAIN: untrusted,
  DEPTH_ZERO_SELF_SIGNED_CERT: `the broker uses a self-signed certificate; ${untrusted.split(': ')[1]}`,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: untrusted,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: untrusted,
  CERT_HAS_EXPIRED: "the broker's certificate has expired",
  CERT_NOT_YET_VALID: "the broker's certificate is not valid yet (check this computer's clock)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the broker's certificate is for another host name: connect by a name it lists, or set the server name (SNI)",
};

/** Reconnect delays: 1 s, 2 s, 4 s ... up to 30 s, so a dead broker is not hammered. */
export function reconnectDelayMs(attempt: number, baseMs = 1000): number {
  return Math.min(Math.max(30_000, baseMs), baseMs * 2 ** Math.max(0, attempt - 1));
}
