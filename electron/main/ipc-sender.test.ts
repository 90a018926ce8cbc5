import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-origin';
import { isTrustedSender, type IpcSender } from './ipc-sender';

const trusted = new Set([7]);
const appMainFrame: IpcSender = { senderId: 7, frameIsMain: true, frameUrl: APP_ENTRY_URL };

describe('isTrustedSender', () => {
  it('trusts the main frame of a trusted window on the app origin', () => {
    expect(isTrustedSender(appMainFrame, trusted)).toBe(true);
    expect(isTrustedSender({ ...appMainFrame, frameUrl: 'mqtt-scope://app/index.html?view=tree#x' }, trusted)).toBe(true);
  });

  it('refuses a window it did not open, even one showing the app origin', () => {
    expect(isTrustedSender({ ...appMainFrame, senderId: 8 }, trusted)).toBe(false);
    expect(isTrustedSender(appMainFrame, new Set())).toBe(false);
  });

  it('refuses subframes of a trusted window', () => {
    expect(isTrustedSender({ ...appMainFrame, frameIsMain: false }, trusted)).toBe(false);
  });

  it('refuses a trusted window whose main frame shows another origin, or whose frame is gone', () => {
    for (const frameUrl of ['https://evil.example/', 'file:///index.html', 'mqtt-scope://other/index.html', 'data:text/html,x', 'about:blank', '', null]) {
      expect(isTrustedSender({ ...appMainFrame, frameUrl }, trusted), String(frameUrl)).toBe(false);
    }
  });
});
