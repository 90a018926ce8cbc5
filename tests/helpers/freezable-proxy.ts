// A TCP relay on loopback in front of a broker whose network can be stopped: freeze()
// stops carrying bytes both ways at once (what is on its way stays in the relay, as on
// a wire that went silent), dropAll() closes every connection. New connections after a
// freeze are carried again, to whatever listens on the target port by then.
import net from 'node:net';

export interface FreezableProxy {
  port: number;
  freeze(): void;
  dropAll(): void;
  close(): Promise<void>;
}

type Pair = readonly [client: net.Socket, upstream: net.Socket];

export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  const pairs = new Set<Pair>();
  // Either side closing or failing takes the other with it.
  const drop = (pair: Pair) => {
    pairs.delete(pair);
    for (const socket of pair) socket.destroy();
  };
  const server = net.createServer((client) => {
    const pair: Pair = [client, net.connect(targetPort, '127.0.0.1')];
    pairs.add(pair);
    pair[0].pipe(pair[1]);
    pair[1].pipe(pair[0]);
    for (const socket of pair) socket.on('close', () => drop(pair)).on('error', () => drop(pair));
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  const dropAll = () => [...pairs].forEach(drop);
  return {
    port,
    freeze: () => {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    dropAll,
    close: () => {
      dropAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
