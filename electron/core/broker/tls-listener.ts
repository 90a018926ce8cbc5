// The embedded broker's optional TLS listener (MQTT over TLS, usually port 8883) with
// the user's certificate and key. Clients' TLS sockets go to the same accept() as plain
// ones, so limits, sign-in and the packet capture (which sees the decrypted packets)
// apply alike. Files that cannot be read or a key that does not fit the certificate
// are reported in words; the plain listener is unaffected.
import fs from 'node:fs';
import type net from 'node:net';
import tls from 'node:tls';
import { listen } from './listen';

export interface TlsListenerSettings {
  enabled: boolean;
  port: number;
  certFile: string;
  keyFile: string;
  passphrase: string | null;
}

export interface TlsListener {
  port: number;
  close(): Promise<void>;
}

export async function startTlsListener(
  host: string,
  settings: TlsListenerSettings,
  accept: (socket: net.Socket) => void,
  onHandshakeError: (remote: string, err: Error) => void,
): Promise<TlsListener> {
  const cert = readPem(settings.certFile, 'certificate');
  const key = readPem(settings.keyFile, 'private key');
  let server: tls.Server;
  try {
    server = tls.createServer({ cert, key, passphrase: settings.passphrase ?? undefined, minVersion: 'TLSv1.2' }, accept);
  } catch (err) {
    throw new Error(explainKeyProblem(err as Error));
  }
  server.on('tlsClientError', (err, socket) => onHandshakeError(`${socket.remoteAddress}:${socket.remotePort}`, err));
  let port: number;
  try {
    port = await listen(server, host, settings.port);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `port ${settings.port} is taken by another program.` : (err as Error).message);
  }
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readPem(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`the ${what} file ${file} cannot be read (${code === 'ENOENT' ? 'it does not exist' : (code ?? (err as Error).message)}).`);
  }
}

function explainKeyProblem(err: Error): string {
  const m = err.message;
  if (/bad decrypt|bad password|BAD_DECRYPT/i.test(m)) return 'the private key is encrypted and the passphrase is missing or wrong.';
  if (/key values mismatch|KEY_VALUES_MISMATCH/i.test(m)) return 'the private key does not belong to the certificate.';
  if (/no start line|NO_START_LINE|PEM/i.test(m)) return `a file is not in PEM format (${m}).`;
  return m;
}
