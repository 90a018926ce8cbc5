// The timeline's filters: topic, link, QoS levels and flow states.
import type { CaptureLink, FlowState } from '../../shared/capture-contract';
import { flowStates } from '../../shared/capture-contract';
import type { Qos } from '../../shared/contract';
import { toggled, type FlowFilterState } from '../lib/capture-filters';
import { stateLabels } from '../lib/flow-state-text';
import { LinkSelect } from './link-select';
import { TopicSearchField } from './topic-search-field';

export interface FlowFiltersProps {
  filter: FlowFilterState;
  links: readonly CaptureLink[];
  onChange(patch: Partial<FlowFilterState>): void;
}

export function FlowFilters({ filter, links, onChange }: FlowFiltersProps) {
  return (
    <div className="filter-bar" role="search" aria-label="Flow filters">
      <div className="filter-line">
        <TopicSearchField value={filter.topic} placeholder="sensors/# or text" onChange={(topic) => onChange({ topic })} />
        <LinkSelect label="Link" links={links} value={filter.linkId} onChange={(linkId) => onChange({ linkId })} />
      </div>
      <div className="filter-line">
        <div className="chip-row" role="group" aria-label="QoS">
          {([0, 1, 2] as Qos[]).map((q) => (
            <button key={q} type="button" className={`chip qos-chip qos-${q}`} aria-pressed={filter.qos.includes(q)} onClick={() => onChange({ qos: toggled(filter.qos, q) })}>
              QoS {q}
            </button>
          ))}
        </div>
        <div className="chip-row" role="group" aria-label="State">
          {flowStates.map((s: FlowState) => (
            <button key={s} type="button" className={`chip state-chip st-${s}`} aria-pressed={filter.states.includes(s)} onClick={() => onChange({ states: toggled(filter.states, s) })}>
              {stateLabels[s]}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
