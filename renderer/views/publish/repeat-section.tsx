// The same message every N ms, M times, sent by the core on its own schedule; the
// progress comes back in the `publishing` event, so it keeps counting while this view
// is closed and is right again when it opens.
import type { FormEvent } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { RepeatState } from '../../../shared/publish-contract';
import { useApi } from '../../app/api-context';
import type { FieldProblems } from '../../lib/publish-message';
import { repeatProgressText, repeatStateText } from '../../lib/publish-repeat';
import { usePublishStore } from '../../stores/publish-store';
import { Field } from '../field';
import { startRepeat, stopRepeat } from './publish-actions';
import { PublishSectionBox } from './section-toggles';

interface RepeatSectionProps {
  connection: ConnectionSummary | null;
  repeat: RepeatState | null;
  problems: FieldProblems;
}

export function RepeatSection({ connection, repeat, problems }: RepeatSectionProps) {
  const api = useApi();
  const draft = usePublishStore((s) => s.repeatDraft);
  const editRepeat = usePublishStore((s) => s.editRepeat);
  const busy = usePublishStore((s) => s.busy);
  const running = repeat?.state === 'running';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (connection && !running) void startRepeat(api, connection);
  };
  return (
    <PublishSectionBox section="repeat" heading="Repeat">
      <form className="publish-row" onSubmit={submit} noValidate aria-label="Repeat">
        <Field label="Every (ms)" error={problems.intervalMs} className="number-field">
          {(f) => <input {...f} type="number" inputMode="numeric" min={1} step={1} value={draft.everyMs} onChange={(e) => editRepeat({ everyMs: e.target.value }, 'intervalMs')} />}
        </Field>
        <Field label="Times" error={problems.count} className="number-field">
          {(f) => <input {...f} type="number" inputMode="numeric" min={1} step={1} value={draft.times} onChange={(e) => editRepeat({ times: e.target.value }, 'count')} />}
        </Field>
        {running ? (
          <button type="button" className="after-label" onClick={() => void stopRepeat(api, repeat.id)}>
            Stop
          </button>
        ) : (
          <button type="submit" className="after-label" disabled={busy || !connection}>
            Start repeat
          </button>
        )}
      </form>
      <p className="field-hint">Sends the message above as it is at the start; editing the form afterwards does not change a running repeat.</p>
      {repeat && <RepeatProgress repeat={repeat} />}
    </PublishSectionBox>
  );
}

function RepeatProgress({ repeat: r }: { repeat: RepeatState }) {
  return (
    <div className={`repeat-progress repeat-${r.state}`}>
      <progress max={r.total} value={r.sent + r.failed} aria-label={`Repeat of ${r.topic}`} />
      <p role="status">
        <span className="repeat-state">{repeatStateText(r)}</span> <span className="mono">{r.topic}</span>: {repeatProgressText(r)}
      </p>
      {r.lastError && <p className="field-error">Last failure: {r.lastError}</p>}
    </div>
  );
}
