import { memo } from 'react';
import type { FlowRecord } from '../../shared/capture-contract';
import { formatClock } from '../lib/format-time';
import { stateBadge, stepChips, stepsInWords } from '../lib/flow-state-text';

export const flowRowHeight = 42;

export interface FlowRowProps {
  flow: FlowRecord;
  index: number;
  setSize: number;
  top: number;
  linkName: string;
  clockOffset: number | null;
  nowAt: number | null;
  selected: boolean;
  /** Selected flow's message: its other legs are marked too. */
  sameMessage: boolean;
  /** Continues the message of the row above (a bracket joins them). */
  joined: boolean;
  tabbable: boolean;
  onSelect(index: number, flow: FlowRecord): void;
}

export const FlowRow = memo(function FlowRow({ flow: f, index, setSize, top, linkName, clockOffset, nowAt, selected, sameMessage, joined, tabbable, onSelect }: FlowRowProps) {
  const badge = stateBadge(f, nowAt);
  const route = flowRoute(f, linkName);
  return (
    <div
      role="listitem"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-current={selected ? 'true' : undefined}
      aria-label={`Flow ${f.id}: ${f.topic}, QoS ${f.qos}, ${route}, ${badge.text}. Steps: ${stepsInWords(f)}`}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      className={`flow-row${selected ? ' selected' : ''}${sameMessage ? ' same-message' : ''}${joined ? ' joined' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(index, f)}
    >
      <div className="flow-line">
        <span className="f-time">{clockOffset === null ? '' : formatClock(f.startedAt + clockOffset)}</span>
        <span className="f-route" title={f.linkId}>
          {route}
        </span>
        {f.deviations.length > 0 && (
          <span className="f-warn" title={f.deviations.map((d) => `${d.clause}: ${d.text}`).join('\n')} aria-hidden="true">
            ⚠
          </span>
        )}
        <span className={`qos-badge qos-${f.qos}`}>QoS {f.qos}</span>
        <span className={`state-badge tone-${badge.tone}`} title={`${badge.text}. ${badge.detail}`}>
          {badge.short}
        </span>
      </div>
      <div className="flow-line">
        <span className="f-topic mono" title={f.topic}>
          {f.topic}
        </span>
        <span className="step-strip" aria-hidden="true">
          {stepChips(f).map((c) => (
            <span key={c.key} className={`step-chip ${c.forward ? 'fwd' : 'back'} st-${c.type.toLowerCase()}${c.fault ? ` ${c.fault}` : ''}${c.again ? ' again' : ''}`}>
              {c.again && '⟲'}
              {c.label}
              {c.fault === 'dropped' ? ' ✕' : c.fault === 'delayed' ? ' ⧗' : ''}
            </span>
          ))}
        </span>
      </div>
    </div>
  );
});

/** Who sent to whom: "sensor-1 → broker", "broker → dashboard", "MQTT Scope → Lab broker". */
export function flowRoute(f: FlowRecord, linkName: string): string {
  if (f.linkId.startsWith('conn:')) return f.senderIsClient ? `MQTT Scope → ${linkName}` : `${linkName} → MQTT Scope`;
  return f.senderIsClient ? `${linkName} → broker` : `broker → ${linkName}`;
}
