import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it('recognises the app origin and nothing else', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('mqtt-scope://app/assets/x.js?y#z')).toBe(true);
    for (const url of ['mqtt-scope://other/index.html', 'https://app/index.html', 'file:///index.html', 'mqtt-scope://u:p@app/', '', 'about:blank']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
