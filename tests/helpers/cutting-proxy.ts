// A TCP proxy on loopback that closes each connection once this many bytes came back
// from the server: a network that drops in the middle of a transfer.
import net from 'node:net';

export interface CuttingProxy {
  port: number;
  /** For connections made from now on: cut after this many bytes, or never (null). */
  cutAfter(bytes: number | null): void;
  close(): Promise<void>;
}

export async function startCuttingProxy(targetPort: number, initialCutAfter: number | null): Promise<CuttingProxy> {
  let cutAfterBytes: number | null = initialCutAfter;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const limit = cutAfterBytes;
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let fromServer = 0;
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      fromServer += d.length;
      if (limit !== null && fromServer > limit) {
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(d);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cutAfter: (bytes) => {
      cutAfterBytes = bytes;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
