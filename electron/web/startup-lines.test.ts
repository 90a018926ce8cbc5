import { describe, expect, it } from 'vitest';
import { exposedHostWarning } from './startup-lines';

describe('exposedHostWarning', () => {
  it('stands out, names the address and port, and says the token is all that protects it', () => {
    const lines = exposedHostWarning('0.0.0.0', 8717).split('\n');
    expect(lines[0]).toMatch(/^!{20,}$/);
    expect(lines.at(-1)).toBe(lines[0]);
    const text = lines.join(' ');
    expect(text).toMatch(/^!+ WARNING: web mode is listening on 0\.0\.0\.0, not on loopback/);
    expect(text).toContain('port 8717');
    expect(text).toMatch(/token is the only protection/);
    expect(text).toMatch(/plain HTTP/);
  });
});
