import type { StatusTone } from '../lib/connection-status-text';

/** Colour is a second channel only: the status is always also said in words next to it. */
export function StatusDot({ tone }: { tone: StatusTone }) {
  return <span className={`status-dot status-${tone}`} aria-hidden="true" />;
}
