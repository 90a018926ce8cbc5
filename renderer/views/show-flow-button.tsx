// "Show flow": from a message of the history to the QoS flow that delivered it.
import { useState } from 'react';
import { useApi } from '../app/api-context';
import { showFlowForMessage } from '../app/capture-actions';
import { useHistoryStore } from '../stores/history-store';

export function ShowFlowButton({ topic, seq }: { topic: string; seq: number }) {
  const api = useApi();
  const connectionId = useHistoryStore((s) => s.connectionId);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (connectionId === null) return null;
  const show = async () => {
    setBusy(true);
    setProblem(await showFlowForMessage(api, connectionId, topic, seq));
    setBusy(false);
  };
  return (
    <>
      <button type="button" className="small" disabled={busy} onClick={() => void show()} title="The QoS handshake that delivered this message, in the Timeline">
        Show flow
      </button>
      {problem && (
        <span className="muted show-flow-problem" role="status">
          {problem}
        </span>
      )}
    </>
  );
}
