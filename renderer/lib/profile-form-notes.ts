// What the editor says beside a valid profile: warnings that do not block saving (the
// profile is allowed, but it will not do what it looks like it does) and the one-line
// summaries that stand for the collapsed sections.
import { formatCount } from './format-number';
import { isTlsProtocol, type ProfileForm } from './profile-form';
import { alpnList } from './profile-input';

const loopback = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;

function hasPassword(f: ProfileForm): boolean {
  if (f.password.kind === 'set') return f.password.value !== '';
  return f.password.kind === 'keep' && f.passwordStored;
}

/** Field key -> a warning shown at that field; none of them stops a save. */
export function profileWarnings(f: ProfileForm): Record<string, string> {
  const out: Record<string, string> = {};
  const v5 = f.protocolVersion === 5;
  if (!v5 && hasPassword(f) && f.username.trim() === '') {
    out.username = 'MQTT 3.x sends a password only together with a user name: connecting will fail without one.';
  }
  if (hasPassword(f) && !isTlsProtocol(f.protocol) && !loopback.test(f.host.trim()) && f.host.trim() !== '') {
    out.password = `${f.protocol}:// sends the password unencrypted: anyone on the network path can read it. Use ${f.protocol}s:// if the broker offers it.`;
  }
  if (isTlsProtocol(f.protocol) && !f.tls.rejectUnauthorized) {
    out['tls.rejectUnauthorized'] = "The server's certificate is not checked: anyone on the network path can pose as this broker and read what you send, password included.";
  }
  if (v5 && !f.clean) {
    const expiry = Number(f.sessionExpiryInterval.trim() || '0');
    if (expiry === 0) {
      out.sessionExpiryInterval = 'With no session expiry the broker ends the session when the connection closes: nothing is kept for the next connect. Set an interval (s) to keep it.';
    }
  }
  if (f.will.enabled && f.will.retain && f.preset === 'public') {
    out['will.retain'] = 'A retained will stays on this public broker for anyone to read.';
  }
  return out;
}

const seconds = (text: string, fallback: string) => `${text.trim() || fallback} s`;

function milliseconds(text: string, fallback: number): string {
  const n = Number(text.trim() || fallback);
  if (!Number.isFinite(n)) return text;
  return n >= 1000 && n % 100 === 0 ? `${n / 1000} s` : `${formatCount(n)} ms`;
}

/** "keep alive 60 s · clean start · reconnect after 1 s". */
export function advancedSummary(f: ProfileForm): string {
  const parts = [`keep alive ${seconds(f.keepalive, '60')}`];
  const v5 = f.protocolVersion === 5;
  if (v5) {
    parts.push(f.clean ? 'clean start' : 'resume session');
    const expiry = f.sessionExpiryInterval.trim();
    if (expiry !== '' && expiry !== '0') parts.push(`session kept ${expiry} s`);
  } else {
    parts.push(f.clean ? 'clean session' : 'persistent session');
  }
  const reconnect = f.reconnectPeriod.trim();
  parts.push(reconnect === '0' ? 'no automatic reconnect' : `reconnect after ${milliseconds(reconnect, 1000)}`);
  return parts.join(' · ');
}

export function willSummary(f: ProfileForm): string {
  const w = f.will;
  if (!w.enabled) return 'none';
  const parts = [w.topic.trim() || '(no topic yet)', `QoS ${w.qos}`];
  if (w.retain) parts.push('retained');
  if (f.protocolVersion === 5 && w.willDelayInterval.trim() !== '' && w.willDelayInterval.trim() !== '0') parts.push(`after ${w.willDelayInterval.trim()} s`);
  return parts.join(' · ');
}

export function propertiesSummary(f: ProfileForm): string {
  const p = f.properties;
  const parts: string[] = [];
  if (p.receiveMaximum.trim()) parts.push(`Receive Maximum ${p.receiveMaximum.trim()}`);
  if (p.maximumPacketSize.trim()) parts.push(`Maximum Packet Size ${p.maximumPacketSize.trim()}`);
  if (p.topicAliasMaximum.trim()) parts.push(`Topic Alias Maximum ${p.topicAliasMaximum.trim()}`);
  if (p.requestResponseInformation !== 'unset') parts.push(`response information ${p.requestResponseInformation}`);
  if (p.requestProblemInformation !== 'unset') parts.push(`problem information ${p.requestProblemInformation}`);
  const users = p.userProperties.filter((r) => r.name !== '' || r.value !== '').length;
  if (users > 0) parts.push(`${users} user propert${users === 1 ? 'y' : 'ies'}`);
  return parts.length > 0 ? parts.join(' · ') : 'none: the broker applies its defaults';
}

export function tlsSummary(f: ProfileForm): string {
  const t = f.tls;
  const parts = [t.rejectUnauthorized ? 'verifies the server' : 'does NOT verify the server'];
  parts.push(t.caFile.trim() ? 'extra CA file' : 'system CAs');
  if (t.certFile.trim()) parts.push('client certificate');
  if (t.servername.trim()) parts.push(`SNI ${t.servername.trim()}`);
  const alpn = alpnList(t.alpn);
  if (alpn.length > 0) parts.push(`ALPN ${alpn.join(', ')}`);
  return parts.join(' · ');
}

/** "Stored encrypted with a key in the macOS Keychain." / "Stored unencrypted; secrets.json is readable by your user account only." */
export function secretProtectionText(protection: string): string {
  const words = protection.trim().replace(/^not encrypted\b/i, 'unencrypted').replace(/\.$/, '');
  return `Stored ${words}.`;
}
