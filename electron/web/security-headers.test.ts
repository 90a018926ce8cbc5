import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers';

/** directive name -> its source list, as a browser splits a policy. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

const csp = directives(CONTENT_SECURITY_POLICY);

describe('the Content-Security-Policy', () => {
  it('runs our own scripts only: no inline script, no eval, no other origin', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // Nothing may loosen scripts behind script-src's back.
    for (const name of ['script-src-elem', 'script-src-attr', 'worker-src']) expect(csp.has(name), name).toBe(false);
    for (const [name, sources] of csp) {
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
        if (name === 'img-src' && loose === 'data:') continue;
        expect(sources, `${name} allows ${loose}`).not.toContain(loose);
      }
    }
  });

  it('allows no plugins, no <base>, no framing by anyone and no form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('connects only back to where the page came from (web mode: its own WebSocket)', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('matches the <meta> policy in renderer/index.html, which cannot carry frame-ancestors', () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const header = new Map(csp);
    header.delete('frame-ancestors');
    expect(directives(meta![1])).toEqual(header);
  });
});

describe('SECURITY_HEADERS', () => {
  it('sends the policy, no sniffing, no referrer (the web token is in the URL) and no framing', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });
});
