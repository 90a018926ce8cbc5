// What the embedded broker's state says at a glance in the top bar (exposed, sign-in,
// TLS) and how its refusals read in the Refused list.
import type { BrokerEventKind } from '../../shared/broker-settings';
import type { EmbeddedBrokerInfo } from '../../shared/contract';
import { formatCount, plural } from './format-number';

export interface BrokerBadge {
  id: 'exposed' | 'sign-in' | 'tls';
  /** Short, for the bar. */
  text: string;
  /** Whole, for screen readers and the tooltip. */
  label: string;
  /** bad: anyone on the network may do anything, or a listener is down. */
  tone: 'bad' | 'warn' | 'ok' | 'plain';
}

export function brokerBadges(b: EmbeddedBrokerInfo): BrokerBadge[] {
  const badges: BrokerBadge[] = [];
  if (b.exposed) {
    badges.push(
      b.requireAuth
        ? { id: 'exposed', text: 'exposed', label: `Reachable from other machines on ${b.host}`, tone: 'warn' }
        : { id: 'exposed', text: 'exposed, no sign-in', label: `Reachable from other machines on ${b.host}, without sign-in: anyone may publish and subscribe`, tone: 'bad' },
    );
  }
  if (b.requireAuth) badges.push({ id: 'sign-in', text: 'sign-in required', label: 'Sign-in required', tone: 'ok' });
  if (b.tls) {
    badges.push(
      b.tls.problem !== null || b.tls.port === null
        ? { id: 'tls', text: 'TLS failed', label: `TLS listener not running: ${b.tls.problem ?? 'no port'}`, tone: 'bad' }
        : { id: 'tls', text: `TLS :${b.tls.port}`, label: `TLS listener on port ${b.tls.port}`, tone: 'plain' },
    );
  }
  return badges;
}

const kindTexts: Record<BrokerEventKind, string> = {
  connections: 'connections',
  'packet-size': 'packet size',
  inflight: 'in-flight',
  'sign-in': 'sign-in',
  'publish-denied': 'publish denied',
  'subscribe-denied': 'subscribe denied',
  protocol: 'protocol',
  listener: 'listener',
};

export function refusalKindText(kind: BrokerEventKind): string {
  return kindTexts[kind];
}

/** "12 refused": the button in the top bar. */
export function refusalCountText(refusals: number): string {
  return `${formatCount(refusals)} refused`;
}

/** Under the Refused list: how its lines relate to the total (a line may sum up a burst). */
export function refusedListSummary(refusals: number, lines: number): string {
  if (refusals === 0) return 'Nothing refused since the broker started.';
  const total = `${plural(refusals, 'refusal', 'refusals')} since the broker started`;
  return lines === 1 ? `${total}; the latest line.` : `${total}; the latest ${formatCount(lines)} lines, newest first.`;
}
