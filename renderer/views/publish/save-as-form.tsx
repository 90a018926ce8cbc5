// "Save as…": the form's message kept under a name (per broker, across restarts).
// The same name again replaces what was saved under it.
import { useState, type FormEvent } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { useApi } from '../../app/api-context';
import { usePublishStore } from '../../stores/publish-store';
import { Field } from '../field';
import { saveAs } from './publish-actions';

export function SaveAsForm({ connection, savedNames, onDone }: { connection: ConnectionSummary; savedNames: readonly string[]; onDone(): void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const problem = usePublishStore((s) => s.attempt.name);
  const clearProblems = usePublishStore((s) => s.clearProblems);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const saved = await saveAs(api, connection, name);
    setBusy(false);
    if (saved) onDone();
  };
  const replaces = savedNames.includes(name.trim());
  return (
    <form className="publish-row save-as-form" aria-label="Save message" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Name" error={problem} className="grow" hint={replaces ? `Replaces the saved message called ${name.trim()}.` : undefined}>
        {(f) => (
          // Focused at once: the user just asked to type a name.
          <input
            {...f}
            autoFocus
            value={name}
            placeholder="thermostat: set 21.5"
            onChange={(e) => {
              setName(e.target.value);
              clearProblems('name');
            }}
          />
        )}
      </Field>
      <button type="submit" className="primary after-label" disabled={busy}>
        Save
      </button>
      <button type="button" className="after-label" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
