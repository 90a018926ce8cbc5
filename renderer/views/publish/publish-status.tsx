// What the last publish did: where it went and how big it was, and the way to its
// handshake on the Timeline (the flow the capture recorded for this very PUBLISH).
import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { plural } from '../../lib/format-number';
import { usePublishStore } from '../../stores/publish-store';
import { showHandshake } from './publish-actions';

export function PublishStatus({ connected }: { connected: boolean }) {
  const api = useApi();
  const published = usePublishStore((s) => s.published);
  const general = usePublishStore((s) => s.general);
  // Keyed by flow: a newer publish must not show the older one's problem.
  const [problem, setProblem] = useState<{ flowId: number; text: string } | null>(null);
  return (
    <div className="publish-status">
      {!connected && <p className="muted">Add a connection to publish.</p>}
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      <p className="publish-ok" role="status">
        {published && (
          <>
            Published to <span className="mono">{published.topic}</span> ({plural(published.size, 'byte', 'bytes')})
          </>
        )}
      </p>
      {published && published.flowId !== null && (
        <button
          type="button"
          className="small"
          title="This PUBLISH and its acknowledgements, in the Timeline"
          onClick={() => {
            const flowId = published.flowId!;
            void showHandshake(api, flowId).then((text) => setProblem(text === null ? null : { flowId, text }));
          }}
        >
          Show handshake
        </button>
      )}
      {problem && problem.flowId === published?.flowId && <span className="muted">{problem.text}</span>}
    </div>
  );
}
