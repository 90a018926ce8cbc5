import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './host';

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses, bracketed, in any case, with spaces around', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', ' 127.0.0.1 ', '::ffff:127.0.0.1']) expect(isLoopbackHost(h), h).toBe(true);
  });
  it('treats everything else as reachable from the network', () => {
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'broker.local', '128.0.0.1', '']) expect(isLoopbackHost(h), h).toBe(false);
  });
});
