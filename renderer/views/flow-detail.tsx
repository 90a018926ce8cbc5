// The selected flow's message: its legs (publisher's and each delivery), their states
// and deviations from the specification, the end-to-end latency, and the diagram.
import { useMemo, useRef, useState } from 'react';
import type { FlowRecord } from '../../shared/capture-contract';
import { useApi } from '../app/api-context';
import { loadPacket, showInHistory } from '../app/capture-actions';
import { useElementWidth } from '../hooks/use-element-width';
import { useMessageLegs } from '../hooks/use-message-legs';
import { useNow } from '../hooks/use-now';
import { useReconnectMarks } from '../hooks/use-reconnect-marks';
import { formatGap } from '../lib/capture-format';
import { formatBytes } from '../lib/format-number';
import { formatDateTime } from '../lib/format-time';
import { legRole, stateBadge } from '../lib/flow-state-text';
import { laneCount, laneGapFor, layoutSequence } from '../lib/sequence-layout';
import { useCaptureUiStore } from '../stores/capture-ui-store';
import { useFlowStore } from '../stores/flow-store';
import { coreNow, linkById, linkLabel, useLinksStore } from '../stores/links-store';
import { FlowDiagram } from './flow-diagram';

export function FlowDetail() {
  const selected = useFlowStore((s) => s.selected);
  const selectedId = useFlowStore((s) => s.selectedId);
  const note = useFlowStore((s) => s.note);
  return (
    <section className="flow-detail" aria-label="Flow detail">
      {selectedId === null && <p className="empty">Select a flow to see its handshake as a sequence diagram, with the other legs of its message.</p>}
      {selectedId !== null && note && <p className="empty">{note}</p>}
      {selectedId !== null && !note && !selected && <p className="empty">Loading flow #{selectedId}…</p>}
      {selected && <MessageView selected={selected} />}
    </section>
  );
}

function MessageView({ selected }: { selected: FlowRecord }) {
  const api = useApi();
  const links = useLinksStore((s) => s.links);
  const clockOffset = useLinksStore((s) => s.clockOffset);
  const message = useMessageLegs(selected);
  const legs = useMemo(() => message?.legs ?? [selected], [message, selected]);
  const marks = useReconnectMarks(legs);
  const live = legs.some((l) => l.state === 'in-flight');
  const nowAt = coreNow(clockOffset, useNow(live, 1000));
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const [problem, setProblem] = useState<string | null>(null);
  const filterIsTopic = useFlowStore((s) => s.filter.topic.trim() === selected.topic);

  const diagram = useMemo(() => {
    const info = (id: string) => {
      const l = linkById(links, id);
      return l ? { label: l.label, remote: l.remote, protocolVersion: l.protocolVersion } : undefined;
    };
    return layoutSequence(legs, info, marks, laneGapFor(width - 16, laneCount(legs)));
  }, [legs, links, marks, width]);

  const openPacket = (seq: number) => {
    void loadPacket(api, seq);
    useCaptureUiStore.getState().setView('packets');
  };
  const disturb = (linkId: string) => {
    useCaptureUiStore.getState().setFaultLink(linkId);
    useCaptureUiStore.getState().setFaultsOpen('timeline', true);
  };

  const title = message?.messageId != null ? `Message #${message.messageId}` : `Flow #${selected.id}`;
  const started = clockOffset === null ? null : formatDateTime(selected.startedAt + clockOffset);
  const deviations = legs.flatMap((l) => l.deviations.map((d) => ({ leg: l, ...d })));
  const label = `Sequence diagram of ${title.toLowerCase()} on ${selected.topic}: ${legs.length} ${legs.length === 1 ? 'flow' : 'flows'}, QoS ${selected.qos}`;

  return (
    <>
      <div className="detail-head">
        <h3>{title}</h3>
        <span className="mono detail-topic" title={selected.topic}>
          {selected.topic}
        </span>
        <span className={`qos-badge qos-${selected.qos}`}>QoS {selected.qos}</span>
        <span className="muted">{formatBytes(selected.payloadSize)} payload</span>
        {started && <span className="muted">{started}</span>}
        {message?.latencyMs != null && (
          <span className="latency" title="Last delivery's PUBLISH minus the publisher's first PUBLISH">
            end to end {formatGap(message.latencyMs)}
          </span>
        )}
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="small"
          onClick={() => {
            setProblem(showInHistory(api, selected));
          }}
        >
          Show in history
        </button>
      </div>
      {problem && <p className="field-error detail-problem">{problem}</p>}
      {message && message.messageId !== null && (message.publisher === null || message.deliveries.length === 0) && !filterIsTopic && (
        <p className="legs-hint muted">
          {message.publisher === null ? 'The publisher\u2019s leg' : 'The deliveries'} of this message may sit far away in a busy capture.{' '}
          <button type="button" className="link-button" onClick={() => useFlowStore.getState().setFilter({ topic: selected.topic })}>
            Show only this topic
          </button>{' '}
          to gather them.
        </p>
      )}
      <ul className="leg-list" aria-label="Legs of this message">
        {legs.map((l) => {
          const badge = stateBadge(l, nowAt);
          return (
            <li key={l.id} className={`leg${l.id === selected.id ? ' current' : ''}`}>
              <span className="leg-role">{legRole(l)}</span>
              <span className="leg-link" title={l.linkId}>
                {linkLabel(links, l.linkId)}
              </span>
              <span className="muted">
                flow #{l.id}
                {l.packetId !== null ? ` · id ${l.packetId}` : ''}
                {l.retransmissions > 0 ? ` · ${l.retransmissions} resent` : ''}
              </span>
              <span className={`state-badge tone-${badge.tone}`} title={badge.detail}>
                {badge.text}
                {badge.live && l.state === 'in-flight' ? ' (live)' : ''}
              </span>
              <button type="button" className="link-button leg-disturb" onClick={() => disturb(l.linkId)} aria-label={`Disturb ${linkLabel(links, l.linkId)}`}>
                Disturb…
              </button>
            </li>
          );
        })}
      </ul>
      {deviations.length > 0 && (
        <ul className="deviations" aria-label="Deviations from the specification">
          {deviations.map((d, i) => (
            <li key={i} className="deviation">
              <span className="warn-icon" aria-hidden="true">
                ⚠
              </span>
              <span>
                <strong>{d.clause}</strong> ({linkLabel(links, d.leg.linkId)}, flow #{d.leg.id}): {d.text}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="diagram-box" ref={boxRef}>
        <FlowDiagram diagram={diagram} label={label} onOpenPacket={openPacket} />
      </div>
    </>
  );
}
