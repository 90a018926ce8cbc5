// Parses the broker URL the user types. Returns either the parts or a message for the field.

export type BrokerProtocol = 'mqtt' | 'mqtts' | 'ws' | 'wss';

export interface BrokerAddress {
  protocol: BrokerProtocol;
  host: string;
  port: number;
  /** WebSocket path; '' for mqtt/mqtts. */
  path: string;
  username: string | null;
  password: string | null;
}

const defaultPorts: Record<BrokerProtocol, number> = { mqtt: 1883, mqtts: 8883, ws: 80, wss: 443 };

export type ParsedBrokerUrl = { ok: true; address: BrokerAddress } | { ok: false; problem: string };

export function parseBrokerUrl(input: string): ParsedBrokerUrl {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'Enter a broker URL, for example mqtt://localhost:1883.' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (!scheme) return { ok: false, problem: `'${text}' has no scheme: start it with mqtt://, mqtts://, ws:// or wss://.` };
  const protocol = scheme[1].toLowerCase();
  if (!isBrokerProtocol(protocol)) {
    return { ok: false, problem: `Unsupported scheme '${protocol}://': use mqtt://, mqtts://, ws:// or wss://.` };
  }
  // WHATWG URL rejects ports above 65535 outright; check first so the message names the port.
  const explicitPort = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*):(\d+)(?:[/?#]|$)/i.exec(text);
  if (explicitPort && (Number(explicitPort[1]) < 1 || Number(explicitPort[1]) > 65535)) {
    return { ok: false, problem: `Port ${explicitPort[1]} is out of range (1 to 65535).` };
  }
  let url: URL;
  try {
    // WHATWG URL parses special schemes only; mqtt:// is parsed as a generic URL, which still splits host and port.
    url = new URL(text);
  } catch {
    return { ok: false, problem: `'${text}' is not a valid URL.` };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return { ok: false, problem: 'The URL has no host name.' };
  let port = defaultPorts[protocol];
  if (url.port !== '') {
    port = Number(url.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, problem: `Port ${url.port} is out of range (1 to 65535).` };
  }
  const path = protocol === 'ws' || protocol === 'wss' ? (url.pathname && url.pathname !== '/' ? url.pathname : '/mqtt') : '';
  return {
    ok: true,
    address: {
      protocol,
      host,
      port,
      path,
      username: url.username ? decodeURIComponent(url.username) : null,
      password: url.password ? decodeURIComponent(url.password) : null,
    },
  };
}

function isBrokerProtocol(p: string): p is BrokerProtocol {
  return p === 'mqtt' || p === 'mqtts' || p === 'ws' || p === 'wss';
}

/** The URL as shown in the UI and logs: never with the password. */
export function displayBrokerUrl(address: BrokerAddress): string {
  const user = address.username ? `${encodeURIComponent(address.username)}@` : '';
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `${address.protocol}://${user}${host}:${address.port}${address.path}`;
}
