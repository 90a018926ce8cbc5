// The selected packet, dissected: the field tree beside the hex dump, linked both ways
// by hovering (a field lights its bytes; a byte lights the fields covering it).
import { useMemo, useState } from 'react';
import type { PacketDetail } from '../../shared/capture-contract';
import { dissectPacket, fieldsAt } from '../../shared/packet-dissector';
import { useApi } from '../app/api-context';
import { openFlowInTimeline } from '../app/capture-actions';
import { directionText } from '../lib/capture-format';
import { formatBytes } from '../lib/format-number';
import { formatDateTime } from '../lib/format-time';
import { base64ToBytes, flattenFields, type Highlight } from '../lib/hex-dump';
import { errorMessage } from '../lib/form-errors';
import { linkLabel, useLinksStore } from '../stores/links-store';
import { usePacketLogStore } from '../stores/packet-log-store';
import { FieldTree } from './field-tree';
import { HexDumpView } from './hex-dump-view';

const versionNames: Record<number, string> = { 3: 'MQTT 3.1', 4: 'MQTT 3.1.1', 5: 'MQTT 5.0' };
const initialByteLimit = 4096;

export function PacketInspector() {
  const load = usePacketLogStore((s) => s.load);
  return (
    <section className="packet-inspector" aria-label="Packet inspector">
      {load.kind === 'none' && <p className="empty">Select a packet in the log to see its fields and bytes.</p>}
      {load.kind === 'loading' && <p className="empty">Loading packet #{load.seq}…</p>}
      {load.kind === 'gone' && <p className="empty">Packet #{load.seq} is no longer kept: the capture buffer evicted it.</p>}
      {load.kind === 'error' && (
        <p className="form-error empty" role="alert">
          Could not load packet #{load.seq}: {load.message}
        </p>
      )}
      {load.kind === 'loaded' && <PacketDissection key={load.seq} detail={load.detail} />}
    </section>
  );
}

type Hover = { kind: 'field'; path: string } | { kind: 'byte'; offset: number } | null;

function PacketDissection({ detail }: { detail: PacketDetail }) {
  const api = useApi();
  const links = useLinksStore((s) => s.links);
  const r = detail.record;
  const version = detail.protocolVersion === 3 || detail.protocolVersion === 5 ? detail.protocolVersion : 4;
  const bytes = useMemo(() => base64ToBytes(detail.rawBase64), [detail]);
  const packet = useMemo(() => dissectPacket(bytes, version), [bytes, version]);
  const flat = useMemo(() => flattenFields(packet.fields), [packet]);
  const [hover, setHover] = useState<Hover>(null);
  const [limit, setLimit] = useState(initialByteLimit);
  const [flowProblem, setFlowProblem] = useState<string | null>(null);

  const { lit, inner, outer } = useMemo(() => {
    if (hover === null) return { lit: [] as string[], inner: null, outer: null };
    if (hover.kind === 'field') {
      const f = flat.find((x) => x.path === hover.path);
      const top = flat.find((x) => x.path === hover.path.split('.')[0]);
      return { lit: [hover.path], inner: f ? range(f.field) : null, outer: top ? range(top.field) : null };
    }
    const covering = fieldsAt(packet, hover.offset);
    const paths = covering.map((field) => flat.find((x) => x.field === field)?.path).filter((p): p is string => p !== undefined);
    const innermost = covering[covering.length - 1];
    return { lit: paths, inner: innermost ? range(innermost) : null, outer: covering[0] ? range(covering[0]) : null };
  }, [hover, flat, packet]);

  const showFlow = () => {
    if (r.flowId === null) return;
    api.getFlow({ id: r.flowId }).then(
      (flow) => (flow ? openFlowInTimeline(api, flow) : setFlowProblem(`Flow #${r.flowId} is no longer kept.`)),
      (err: unknown) => setFlowProblem(errorMessage(err)),
    );
  };

  return (
    <>
      <div className="inspector-head">
        <span className={`pkt-type pt-${r.type.toLowerCase()}`}>{packet.type === 'UNKNOWN' ? r.type : packet.type}</span>
        <span className={`c-dir ${r.fromClient ? 'to-broker' : 'to-client'}`}>{directionText(r.fromClient)}</span>
        <span title={r.linkId}>{linkLabel(links, r.linkId)}</span>
        <span className="muted">{formatDateTime(r.time)}</span>
        <span>{formatBytes(r.size)}</span>
        <span className="muted">{versionNames[detail.protocolVersion] ?? `protocol ${detail.protocolVersion}`}</span>
        <span className="muted">#{r.seq}</span>
        {r.fault && <span className={`badge badge-${r.fault}`}>{r.fault === 'dropped' ? 'DROPPED' : 'DELAYED'}</span>}
        <span className="toolbar-spacer" />
        {r.flowId !== null && (
          <button type="button" className="small" onClick={showFlow}>
            Show flow
          </button>
        )}
        {flowProblem && <span className="field-error">{flowProblem}</span>}
      </div>
      {(packet.error || r.error) && (
        <p className="dissect-error" role="alert">
          {packet.error ?? r.error}
        </p>
      )}
      <div className="inspector-body">
        <FieldTree flat={flat} lit={lit} onHover={(path) => setHover(path === null ? null : { kind: 'field', path })} />
        <HexDumpView
          bytes={bytes}
          limit={limit}
          inner={inner}
          outer={outer}
          onHoverByte={(offset) => setHover(offset === null ? null : { kind: 'byte', offset })}
          onShowAll={() => setLimit(bytes.length)}
        />
      </div>
    </>
  );
}

function range(f: { start: number; end: number }): Highlight {
  return { start: f.start, end: f.end };
}
