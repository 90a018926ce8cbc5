import { describe, expect, it } from 'vitest';
import { describeConnectionError, reconnectDelayMs } from './connection-errors';

describe('describeConnectionError', () => {
  it('words refused credentials as final, in 3.1.1 and 5.0', () => {
    const v4 = describeConnectionError(Object.assign(new Error('x'), { code: 4 }), 'h:1', 4, true, true);
    expect(v4).toEqual({
      message: 'The broker refused the connection: bad user name or password (0x04). Check the user name and password.',
      connackCode: 4,
      fatal: true,
    });
    const anonymous = describeConnectionError(Object.assign(new Error('x'), { code: 5 }), 'h:1', 4, true, false);
    expect(anonymous.message).toBe('The broker refused the connection: not authorised (0x05). This broker may require a user name and password.');
    const v5 = describeConnectionError(Object.assign(new Error('x'), { code: 0x86 }), 'h:1', 5, true);
    expect(v5.message).toContain('Bad User Name or Password (0x86)');
    expect(v5.fatal).toBe(true);
  });

  it('keeps retrying when the server is only unavailable or busy', () => {
    expect(describeConnectionError(Object.assign(new Error('x'), { code: 3 }), 'h:1', 4, true).fatal).toBe(false);
    expect(describeConnectionError(Object.assign(new Error('x'), { code: 0x89 }), 'h:1', 5, true).fatal).toBe(false);
  });

  it('explains socket errors', () => {
    const refused = describeConnectionError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), '127.0.0.1:9', 4, false);
    expect(refused).toMatchObject({ fatal: false, connackCode: null });
    expect(refused.message).toBe('Connection refused by 127.0.0.1:9: is a broker listening there?');
  });

  it('explains certificate problems and gives up on them', () => {
    const err = Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    const d = describeConnectionError(err, 'h:8883', 4, false);
    expect(d.fatal).toBe(true);
    expect(d.message).toBe(
      "TLS: the broker's certificate is not trusted: add the CA that signed it to the profile (CA file), or turn off certificate verification (SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain).",
    );
  });

  it('backs off exponentially up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((a) => reconnectDelayMs(a))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect([1, 2, 3].map((a) => reconnectDelayMs(a, 4000))).toEqual([4000, 8000, 16000]);
    expect(reconnectDelayMs(1, 60_000)).toBe(60_000);
  });
});
