import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('isAllowedExternalUrl', () => {
  it('lets allowlisted https pages through', () => {
    expect(isAllowedExternalUrl('https://mqtt.org/')).toBe(true);
    expect(isAllowedExternalUrl('https://docs.oasis-open.org/mqtt/mqtt/v5.0/mqtt-v5.0.html')).toBe(true);
  });

  it('drops other schemes, hosts, look-alikes, credentials and ports', () => {
    for (const url of [
      'http://mqtt.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://mqtt.org/share',
      'https://mqtt.org.evil.example/',
      'https://evil.example/?u=https://mqtt.org',
      'https://user:pw@mqtt.org/',
      'https://mqtt.org:8443/',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
