// The packet log's filters: packet types as toggle chips, the link, and the topic.
import type { CaptureLink } from '../../shared/capture-contract';
import { packetTypeChips, toggled, type PacketFilterState } from '../lib/capture-filters';
import type { PacketTypeName } from '../../shared/packet-types';
import { LinkSelect } from './link-select';
import { TopicSearchField } from './topic-search-field';

const handshakeTypes: PacketTypeName[] = ['PUBLISH', 'PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP'];
const sessionTypes: PacketTypeName[] = ['CONNECT', 'CONNACK', 'DISCONNECT', 'AUTH'];

export interface PacketFiltersProps {
  filter: PacketFilterState;
  links: readonly CaptureLink[];
  onChange(patch: Partial<PacketFilterState>): void;
}

export function PacketFilters({ filter, links, onChange }: PacketFiltersProps) {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t) => b.includes(t));
  return (
    <div className="filter-bar" role="search" aria-label="Packet filters">
      <div className="filter-line">
        <LinkSelect label="Link" links={links} value={filter.linkId} onChange={(linkId) => onChange({ linkId })} />
        <TopicSearchField value={filter.topic} placeholder="sensors/+/temperature or text" onChange={(topic) => onChange({ topic })} />
        <div className="preset-buttons" role="group" aria-label="Type presets">
          <button type="button" className="small" aria-pressed={filter.types.length === 0} onClick={() => onChange({ types: [] })}>
            All types
          </button>
          <button type="button" className="small" aria-pressed={same(filter.types, handshakeTypes)} onClick={() => onChange({ types: handshakeTypes })}>
            Publish handshakes
          </button>
          <button type="button" className="small" aria-pressed={same(filter.types, sessionTypes)} onClick={() => onChange({ types: sessionTypes })}>
            Sessions
          </button>
        </div>
      </div>
      <div className="chip-row" role="group" aria-label="Packet types">
        {packetTypeChips.map((t) => (
          <button
            key={t}
            type="button"
            className={`chip pt-${t.toLowerCase()}`}
            aria-pressed={filter.types.includes(t)}
            onClick={() => onChange({ types: toggled(filter.types, t) })}
          >
            {t}
          </button>
        ))}
      </div>
    </div>
  );
}
