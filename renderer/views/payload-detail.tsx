import type { MessageDetail } from '../../shared/contract';
import { formatCount } from '../lib/format-number';
import { formatDateTime } from '../lib/format-time';
import { PayloadBody } from './payload-body';
import { ShowFlowButton } from './show-flow-button';
import { useSelectionStore } from '../stores/selection-store';

export function PayloadDetail({ detail }: { detail: MessageDetail }) {
  const connectionId = useSelectionStore((s) => s.connectionId);
  return (
    <>
      <div className="payload-meta">
        <span className="mono payload-topic" title={detail.topic}>
          {detail.topic}
        </span>
        <span>{formatDateTime(detail.receivedAt)}</span>
        <span>QoS {detail.qos}</span>
        {detail.retain && <span className="badge badge-retain">RETAIN</span>}
        <span>
          {formatCount(detail.size)} {detail.size === 1 ? 'byte' : 'bytes'}
        </span>
        <span className="muted">#{detail.seq}</span>
        <ShowFlowButton topic={detail.topic} seq={detail.seq} />
      </div>
      <PayloadBody
        payloadBase64={detail.payloadBase64}
        className="payload-body-wrap"
        topic={detail.topic}
        size={detail.size}
        source={connectionId ? { connectionId, topic: detail.topic, seq: detail.seq } : undefined}
      />
    </>
  );
}
