import { memo } from 'react';
import type { PacketRecord } from '../../shared/capture-contract';
import { directionText, formatLogDelta, isFailureCode, reasonWords } from '../lib/capture-format';
import { formatBytes } from '../lib/format-number';
import { formatClock } from '../lib/format-time';

export const packetRowHeight = 22;

export const packetColumns = [
  { key: 'time', label: 'Time' },
  { key: 'delta', label: 'Since previous' },
  { key: 'link', label: 'Link' },
  { key: 'dir', label: 'Direction' },
  { key: 'type', label: 'Type' },
  { key: 'id', label: 'Pkt id' },
  { key: 'qos', label: 'QoS' },
  { key: 'dup', label: 'DUP' },
  { key: 'retain', label: 'RET' },
  { key: 'topic', label: 'Topic' },
  { key: 'reason', label: 'Reason' },
  { key: 'size', label: 'Size' },
  { key: 'marks', label: 'Marks' },
] as const;

export interface PacketLogRowProps {
  record: PacketRecord;
  /** `at` of the row before it in the log, when the window holds it. */
  previousAt: number | null;
  index: number;
  top: number;
  linkName: string;
  protocolVersion: number | null;
  selected: boolean;
  tabbable: boolean;
  onSelect(index: number, seq: number): void;
}

export const PacketLogRow = memo(function PacketLogRow({ record: r, previousAt, index, top, linkName, protocolVersion, selected, tabbable, onSelect }: PacketLogRowProps) {
  const reason = reasonWords(r.type, r.reasonCode, protocolVersion);
  const failure = isFailureCode(r.type, r.reasonCode, protocolVersion);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      className={`log-row log-cols${selected ? ' selected' : ''}${r.fault ? ` fault-${r.fault}` : ''}${r.error ? ' has-error' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(index, r.seq)}
    >
      <span role="gridcell" className="c-time">{formatClock(r.time)}</span>
      <span role="gridcell" className="c-delta">{previousAt === null ? '' : formatLogDelta(r.at - previousAt)}</span>
      <span role="gridcell" className="c-link" title={r.linkId}>{linkName}</span>
      <span role="gridcell" className={`c-dir ${r.fromClient ? 'to-broker' : 'to-client'}`}>{directionText(r.fromClient)}</span>
      <span role="gridcell" className={`c-type pt-${r.type.toLowerCase()}`}>{r.type}</span>
      <span role="gridcell" className="c-num">{r.packetId ?? ''}</span>
      <span role="gridcell" className="c-num">{r.qos ?? ''}</span>
      <span role="gridcell">{r.dup && <span className="badge badge-dup">DUP</span>}</span>
      <span role="gridcell">{r.retain && <span className="badge badge-retain">RET</span>}</span>
      <span role="gridcell" className="c-topic" title={r.topic ?? undefined}>{r.topic ?? ''}</span>
      <span role="gridcell" className={`c-reason${failure ? ' failure' : ''}`} title={reason || undefined}>{reason}</span>
      <span role="gridcell" className="c-size">{formatBytes(r.size)}</span>
      <span role="gridcell" className="c-marks">
        {r.fault === 'dropped' && <span className="badge badge-dropped" title="Dropped by an injected fault: the other side never received it">DROPPED</span>}
        {r.fault === 'delayed' && <span className="badge badge-delayed" title="Delayed by an injected fault">DELAYED</span>}
        {r.error && <span className="badge badge-error" title={r.error}>ERROR</span>}
      </span>
    </div>
  );
});
