// Request and response: publish with a reply topic and a correlation, wait for the
// reply that carries the same correlation, and time the round trip. On 5.0 both go in
// the properties made for it; on 3.x they can only ride inside a JSON payload.
import { useEffect, type FormEvent } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { useApi } from '../../app/api-context';
import { formatCount } from '../../lib/format-number';
import type { FieldProblems } from '../../lib/publish-message';
import { newCorrelation, replyModeOf, replyTopicOf, type ReplyMode } from '../../lib/publish-request';
import { usePublishStore } from '../../stores/publish-store';
import { Field } from '../field';
import { sendRequest } from './publish-actions';
import { ReplyView } from './reply-view';
import { SegmentedChoice, type Choice } from './segmented-choice';
import { PublishSectionBox } from './section-toggles';

export function RequestSection({ connection, problems }: { connection: ConnectionSummary | null; problems: FieldProblems }) {
  const api = useApi();
  const topic = usePublishStore((s) => s.draft.topic);
  const d = usePublishStore((s) => s.request);
  const run = usePublishStore((s) => s.requestRun);
  const editRequest = usePublishStore((s) => s.editRequest);
  const version = connection?.protocolVersion ?? 5;
  const mode = replyModeOf(d, version);

  useEffect(() => {
    if (usePublishStore.getState().request.correlation === '') usePublishStore.getState().editRequest({ correlation: newCorrelation() });
  }, []);

  const modes: readonly Choice<ReplyMode>[] = [
    { value: 'properties', label: 'MQTT 5 properties', disabledReason: version === 5 ? null : 'Response Topic and Correlation Data are MQTT 5.0 properties; this connection speaks 3.x.' },
    { value: 'json-fields', label: 'Fields in the JSON payload' },
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (connection) void sendRequest(api, connection);
  };
  const waiting = run.kind === 'waiting';

  return (
    <PublishSectionBox section="request" heading="Request and response">
      <form className="request-form" onSubmit={submit} noValidate aria-label="Request">
        <div className="publish-grid">
          <Field label="Reply topic" error={problems.responseTopic} className="span-2" hint={d.replyTopic === null ? 'Follows the topic until you change it.' : undefined}>
            {(f) => (
              <input {...f} className="mono" value={replyTopicOf(d, topic)} spellCheck={false} autoComplete="off" onChange={(e) => editRequest({ replyTopic: e.target.value }, 'responseTopic')} />
            )}
          </Field>
          <Field label="Correlation" error={problems.correlation}>
            {(f) => (
              <div className="input-with-button">
                <input {...f} className="mono" value={d.correlation} spellCheck={false} autoComplete="off" onChange={(e) => editRequest({ correlation: e.target.value }, 'correlation')} />
                <button type="button" className="small" title="A new random correlation" onClick={() => editRequest({ correlation: newCorrelation() }, 'correlation')}>
                  New
                </button>
              </div>
            )}
          </Field>
        </div>
        <div className="field">
          <span className="field-label" aria-hidden="true">
            Reply matching
          </span>
          <SegmentedChoice label="Reply matching" value={mode} choices={modes} onChange={(v) => editRequest({ mode: v }, 'match')} describedBy="publish-reply-mode-message" invalid={Boolean(problems.match)} />
          <p id="publish-reply-mode-message" className={problems.match ? 'field-error' : 'field-hint'}>
            {problems.match ??
              (mode === 'properties'
                ? 'Response Topic and Correlation Data properties; the responder copies the correlation data into its reply.'
                : `The payload must be a JSON object; the two fields are added to it, and the reply’s JSON must carry the correlation.${version === 5 ? '' : ' (MQTT 3.x has no properties for this.)'}`)}
          </p>
        </div>
        <div className="publish-row">
          {mode === 'json-fields' && (
            <>
              <Field label="Reply topic key" error={problems['match.responseTopicKey']}>
                {(f) => <input {...f} className="mono" value={d.responseTopicKey} spellCheck={false} onChange={(e) => editRequest({ responseTopicKey: e.target.value }, 'match.responseTopicKey', 'match')} />}
              </Field>
              <Field label="Correlation key" error={problems['match.correlationKey']}>
                {(f) => <input {...f} className="mono" value={d.correlationKey} spellCheck={false} onChange={(e) => editRequest({ correlationKey: e.target.value }, 'match.correlationKey', 'match')} />}
              </Field>
            </>
          )}
          <Field label="Timeout (ms)" error={problems.timeoutMs} className="number-field">
            {(f) => <input {...f} type="number" inputMode="numeric" min={100} max={600000} step={100} value={d.timeoutMs} onChange={(e) => editRequest({ timeoutMs: e.target.value }, 'timeoutMs')} />}
          </Field>
          <button type="submit" className="after-label" disabled={waiting || !connection}>
            Send request
          </button>
        </div>
      </form>
      {run.kind === 'waiting' && (
        <p className="request-outcome muted" role="status">
          Waiting up to {formatCount(run.timeoutMs)} ms for a reply on <span className="mono">{run.replyTopic}</span>…
        </p>
      )}
      {run.kind === 'done' && <ReplyView outcome={run.outcome} timeoutMs={run.timeoutMs} />}
    </PublishSectionBox>
  );
}
