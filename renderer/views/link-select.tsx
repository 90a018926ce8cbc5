import { memo, useMemo } from 'react';
import type { CaptureLink } from '../../shared/capture-contract';

export interface LinkSelectProps {
  label: string;
  links: readonly CaptureLink[];
  value: string | null;
  onChange(linkId: string | null): void;
  /** Without an "All links" choice (the fault panel acts on one link). */
  required?: boolean;
}

/** One collator for every sort: localeCompare builds one per call, which a thousand links feel. */
const collator = new Intl.Collator();

/**
 * The captured links, our own connections first, with their state. Memoised and sorted
 * once per list: on a broker with a thousand clients the list has a thousand options, and
 * the views around it render far more often than the list changes.
 */
export const LinkSelect = memo(function LinkSelect({ label, links, value, onChange, required = false }: LinkSelectProps) {
  const sorted = useMemo(() => [...links].sort((a, b) => Number(b.connectionId !== null) - Number(a.connectionId !== null) || collator.compare(a.label, b.label)), [links]);
  const missing = value !== null && !links.some((l) => l.id === value);
  return (
    <label className="filter-field link-filter">
      <span>{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        {!required && <option value="">All links</option>}
        {required && value === null && <option value="">Choose a link…</option>}
        {missing && <option value={value}>{value}</option>}
        {sorted.map((l) => (
          <option key={l.id} value={l.id}>
            {l.label}
            {l.kind === 'connection' ? ' (our connection)' : l.connectionId ? ' (MQTT Scope)' : ''}
            {l.connected ? '' : ' — disconnected'}
          </option>
        ))}
      </select>
    </label>
  );
});
