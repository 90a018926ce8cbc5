// Links the page may hand to the OS browser. Everything else is dropped: a compromised
// or confused renderer must not be able to launch arbitrary URLs or protocol handlers.
const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  'mqtt.org',
  'docs.oasis-open.org',
  'mosquitto.org',
  'github.com',
  'www.electronjs.org',
]);

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && ALLOWED_HOSTS.has(parsed.hostname);
}
