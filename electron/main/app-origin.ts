// The window's origin. A custom standard scheme (not file://) gives the page a real
// origin of its own, so 'self' in the CSP means "our files" and nothing else on disk,
// and IPC senders can be checked against it. No 'electron' import: unit-testable.
export const APP_SCHEME = 'mqtt-scope';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Node reports origin "null" for non-special schemes, so compare the parts.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
