// How much the capture holds, always in view: nothing leaves the ring buffer unsaid.
import { formatCount, plural } from '../lib/format-number';

export interface CaptureSummaryProps {
  what: 'packets' | 'flows';
  captured: number;
  evicted: number;
  capacity: number;
  shown: number;
  filtering: boolean;
}

export function CaptureSummary({ what, captured, evicted, capacity, shown, filtering }: CaptureSummaryProps) {
  const one = what === 'packets' ? 'packet' : 'flow';
  return (
    <p className={`capture-summary${evicted > 0 ? ' has-evicted' : ''}`} role="status" aria-live="off" aria-label={`${what === 'packets' ? 'Packet' : 'Flow'} capture`}>
      <span>
        {plural(captured, `${one} ${what === 'packets' ? 'captured' : 'tracked'}`, `${what} ${what === 'packets' ? 'captured' : 'tracked'}`)}, {formatCount(evicted)} no longer kept (buffer holds{' '}
        {formatCount(capacity)})
      </span>
      {filtering && <span className="muted"> · {plural(shown, `${one} matches`, `${what} match`)} the filter</span>}
    </p>
  );
}
