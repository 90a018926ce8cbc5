// A message's handshakes as a sequence diagram: lanes for the parties, one arrow per
// packet. QoS 0 is one arrow, QoS 1 two, QoS 2 four; a dropped packet stops midway
// at a cross, a delayed one is dashed, a resend is orange and says "again". The
// labels are SVG text, so the diagram reads (and is searchable) as text too.
import { memo } from 'react';
import type { Diagram, DiagramArrow, DiagramMarker } from '../lib/sequence-layout';
import { diagramGeometry } from '../lib/sequence-layout';

export interface FlowDiagramProps {
  diagram: Diagram;
  label: string;
  onOpenPacket(seq: number): void;
}

export const FlowDiagram = memo(function FlowDiagram({ diagram: d, label, onOpenPacket }: FlowDiagramProps) {
  const g = diagramGeometry;
  return (
    <figure className="flow-diagram" aria-label={label}>
      <svg width={d.width} height={d.height} viewBox={`0 0 ${d.width} ${d.height}`} className="seq-svg">
        <defs>
          {arrowKinds.map((k) => (
            <marker key={k} id={`head-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className={`head head-${k}`} />
            </marker>
          ))}
        </defs>
        <text x={8} y={g.header - 12} className="seq-axis-title">
          time
        </text>
        {d.lanes.map((lane) => (
          <g key={lane.key} className={`seq-lane lane-${lane.key.split(':')[0]}`}>
            <rect x={lane.x - d.laneGap / 2 + 7} y={6} width={d.laneGap - 14} height={g.header - 14} rx={4} className="lane-box" />
            <text x={lane.x} y={24} textAnchor="middle" className="lane-title">
              {clip(lane.title, Math.floor(d.laneGap / 7.8))}
              <title>{lane.title}</title>
            </text>
            <text x={lane.x} y={38} textAnchor="middle" className="lane-role">
              {clip(lane.role, Math.floor(d.laneGap / 6.5))}
            </text>
            <line x1={lane.x} y1={g.header - 8} x2={lane.x} y2={d.height - 8} className="lifeline" />
          </g>
        ))}
        {/* In time order, so the text reads in the order things happened. */}
        {[...d.markers.map((m) => ({ y: m.y, m })), ...d.arrows.map((a) => ({ y: a.y, a }))]
          .sort((p, q) => p.y - q.y)
          .map((item) =>
            'm' in item ? <MarkerView key={item.m.key} marker={item.m} width={d.width} /> : <ArrowView key={item.a.key} arrow={item.a} onOpenPacket={onOpenPacket} />,
          )}
      </svg>
      {d.hiddenLegs > 0 && (
        <figcaption className="muted">
          {d.hiddenLegs} more {d.hiddenLegs === 1 ? 'delivery is' : 'deliveries are'} not drawn, to keep the diagram readable; the legs list above has them all.
        </figcaption>
      )}
    </figure>
  );
});

const arrowKinds = ['publish', 'ack', 'rec', 'rel', 'again', 'failure', 'waiting'] as const;

function kindOf(a: DiagramArrow): (typeof arrowKinds)[number] {
  if (a.failure) return 'failure';
  if (a.again) return 'again';
  switch (a.type) {
    case 'PUBLISH':
      return 'publish';
    case 'PUBREC':
      return 'rec';
    case 'PUBREL':
      return 'rel';
    default:
      return 'ack';
  }
}

function ArrowView({ arrow: a, onOpenPacket }: { arrow: DiagramArrow; onOpenPacket(seq: number): void }) {
  const kind = kindOf(a);
  const mid = (a.fromX + a.toX) / 2;
  const dropped = a.fault === 'dropped';
  const labelX = dropped ? (a.fromX + a.endX) / 2 : mid;
  const below = [a.reason, dropped ? 'dropped' : a.fault === 'delayed' ? `delayed · arrived ${a.gap}` : a.gap].filter(Boolean).join(' · ');
  const tip = `${a.type}${a.again ? ' (sent again)' : ''}${a.dup ? ' DUP' : ''} ${a.detail}${a.reason ? ` — ${a.reason}` : ''}${a.fault ? ` — ${a.fault} by an injected fault` : ''}\n${a.time} from the first packet${a.gap ? `, ${a.gap} from the previous step` : ''}\nClick to open packet #${a.seq} in the inspector`;
  return (
    <g className={`seq-arrow kind-${kind}${dropped ? ' dropped' : ''}${a.fault === 'delayed' ? ' delayed' : ''}`} onClick={() => onOpenPacket(a.seq)}>
      <title>{tip}</title>
      <text x={8} y={a.y + 4} className="seq-time">
        {a.time}
      </text>
      <line x1={a.fromX} y1={a.y} x2={a.toX} y2={a.y} className="hit" />
      <line x1={a.fromX} y1={a.y} x2={a.endX} y2={a.y} className="shaft" markerEnd={dropped ? undefined : `url(#head-${kind})`} />
      {dropped && <line x1={a.endX} y1={a.y} x2={a.toX} y2={a.y} className="ghost" />}
      {dropped && (
        <text x={a.endX} y={a.y + 5} textAnchor="middle" className="cross">
          ✕
        </text>
      )}
      <text x={labelX} y={a.y - 7} textAnchor="middle" className="arrow-label">
        <tspan className="arrow-type">{a.type}</tspan>
        {a.again && <tspan className="arrow-again"> again</tspan>}
        {a.detail && <tspan className="arrow-detail"> {a.detail}</tspan>}
      </text>
      {below && (
        <text x={labelX} y={a.y + 15} textAnchor="middle" className={`arrow-below${a.failure ? ' failure' : ''}`}>
          {below}
        </text>
      )}
    </g>
  );
}

function MarkerView({ marker: m, width }: { marker: DiagramMarker; width: number }) {
  if (m.kind === 'waiting') {
    return (
      <g className="seq-marker marker-waiting">
        <line x1={m.x1} y1={m.y} x2={m.x2} y2={m.y} className="shaft" markerEnd="url(#head-waiting)" />
        <text x={(m.x1 + m.x2) / 2} y={m.y - 7} textAnchor="middle" className="marker-text">
          {m.text}
        </text>
      </g>
    );
  }
  return (
    <g className={`seq-marker marker-${m.kind}`}>
      <rect x={diagramGeometry.timeColumn - 4} y={m.y - 11} width={width - diagramGeometry.timeColumn} height={22} rx={3} className="marker-band" />
      <line x1={m.x1} y1={m.y - 11} x2={m.x1} y2={m.y + 11} className="marker-cut" />
      <text x={diagramGeometry.timeColumn + 6} y={m.y + 4} className="marker-text">
        {m.kind === 'abandoned' ? '⊘' : '⚡'} {m.text}
      </text>
    </g>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
