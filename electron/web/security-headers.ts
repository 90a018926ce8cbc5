// One policy for both shells: the Electron window (custom protocol responses) and web mode.
// No 'unsafe-inline' anywhere: React sets styles through the CSSOM, which CSP does not govern.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // 'self' covers ws:// to the same host and port (CSP level 3), which web mode needs.
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The web-mode token travels in the page URL; never hand it to anyone as a referrer.
  'Referrer-Policy': 'no-referrer',
  // frame-ancestors 'none' for browsers that predate it: no page may frame ours (clickjacking).
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
