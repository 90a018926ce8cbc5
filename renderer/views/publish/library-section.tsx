// The publish library of the shown connection's broker: messages saved by name, and
// the history of what was published (newest first). A click loads one into the form.
import { useState } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { useApi } from '../../app/api-context';
import { plural } from '../../lib/format-number';
import { usePublishStore } from '../../stores/publish-store';
import { clearHistory, deleteSaved } from './publish-actions';
import { LibraryEntry } from './library-entry';
import { SaveAsForm } from './save-as-form';
import { PublishSectionBox } from './section-toggles';

export function LibrarySection({ connection }: { connection: ConnectionSummary }) {
  const api = useApi();
  const stored = usePublishStore((s) => s.library);
  const error = usePublishStore((s) => s.libraryError);
  const [saving, setSaving] = useState(false);
  const library = stored?.connectionId === connection.id ? stored.value : null;
  const now = Date.now();

  return (
    <PublishSectionBox section="library" heading="Library">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {library?.problem && <p className="field-warning">{library.problem}</p>}
      <div className="library-head">
        <h4>Saved messages</h4>
        {!saving && (
          <button type="button" className="small" onClick={() => setSaving(true)}>
            Save as…
          </button>
        )}
      </div>
      {saving && <SaveAsForm connection={connection} savedNames={library?.saved.map((t) => t.name ?? '') ?? []} onDone={() => setSaving(false)} />}
      {library === null ? (
        <p className="muted">Loading…</p>
      ) : library.saved.length === 0 ? (
        <p className="field-hint">None yet: “Save as…” keeps the form’s message under a name.</p>
      ) : (
        <ul className="library-list" aria-label="Saved messages">
          {library.saved.map((t) => (
            <li key={t.name} className="library-row">
              <LibraryEntry template={t} now={now} />
              <button type="button" className="icon-button" aria-label={`Delete ${t.name}`} title="Delete" onClick={() => void deleteSaved(api, connection.id, t.name ?? '')}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="library-head">
        <h4>History</h4>
        {library && (
          <span className="muted">
            {plural(library.history.length, 'message', 'messages')}, newest first (keeps {library.historyLimit})
          </span>
        )}
        <button type="button" className="small push-right" disabled={!library || library.history.length === 0} onClick={() => void clearHistory(api, connection.id)}>
          Clear history
        </button>
      </div>
      {library && library.history.length === 0 ? (
        <p className="field-hint">Nothing published to this broker yet.</p>
      ) : (
        library && (
          <ul className="library-list library-history" aria-label="Publish history">
            {library.history.map((t, i) => (
              <li key={`${t.at}-${i}`} className="library-row">
                <LibraryEntry template={t} now={now} />
              </li>
            ))}
          </ul>
        )
      )}
    </PublishSectionBox>
  );
}
