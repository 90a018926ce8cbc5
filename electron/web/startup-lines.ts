// Lines web mode prints at start. (The core prints the embedded broker's own line.)

export const BROKER_OFF_LINE = 'Embedded broker: off (--broker-port 0).';

export function exposedHostWarning(host: string, port: number): string {
  const bar = '!'.repeat(78);
  return [
    bar,
    `WARNING: web mode is listening on ${host}, not on loopback: anyone who can reach`,
    `this machine on port ${port} can try to connect. The token is the only protection and`,
    'it travels over plain HTTP, so use this only on a network you trust.',
    bar,
  ].join('\n');
}
