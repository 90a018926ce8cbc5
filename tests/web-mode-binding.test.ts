// Where web mode listens: loopback unless --host says otherwise, and then a warning that
// cannot be missed. Checked from the outside, against this machine's own network address.
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebMode, type WebMode } from './helpers/web-mode';

/** This machine's first non-loopback IPv4 address, if it has one. */
const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;
const noLan = lanAddress ? '' : ' (skipped: this machine has no non-loopback IPv4 address to test from)';

/** The HTTP status, or the socket error code when nothing listens there. */
async function statusAt(url: string): Promise<number | string> {
  try {
    return (await fetch(url)).status;
  } catch (err) {
    return ((err as { cause?: { code?: string } }).cause?.code ?? String(err));
  }
}

let web: WebMode | null = null;

afterEach(async () => {
  await web?.stop();
  web = null;
});

describe('web mode binding', () => {
  it.skipIf(!lanAddress)(`listens on 127.0.0.1 by default, unreachable at the machine's network address, and says nothing alarming${noLan}`, async () => {
    web = await startWebMode(['--broker-port', '0', '--no-demo']);
    expect(web.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(web.output()).not.toMatch(/WARNING/);
    const port = new URL(web.url).port;
    expect(await statusAt(web.url)).toBe(200);
    expect(await statusAt(`http://${lanAddress}:${port}/?token=${web.token}`)).toBe('ECONNREFUSED');
  });

  it.skipIf(!lanAddress)(`warns loudly when --host is not loopback, and still wants the token${noLan}`, async () => {
    // The machine's own address rather than 0.0.0.0: exposed on one interface, for seconds, behind a random token.
    web = await startWebMode(['--broker-port', '0', '--no-demo', '--host', lanAddress!]);
    // On stderr, while the address is on stdout: the two pipes may arrive in either order.
    await expect.poll(() => web!.output(), { timeout: 5000 }).toContain(`WARNING: web mode is listening on ${lanAddress}, not on loopback`);
    expect(web.output()).toMatch(/!{78}\nWARNING/);
    expect(web.origin).toBe(`http://${lanAddress}:${new URL(web.url).port}`);
    expect(await statusAt(web.url)).toBe(200);
    expect(await statusAt(`${web.origin}/`)).toBe(403);
  });
});
