// Above the table: the topic search, how many rows match of how many the index holds,
// and what can be done with them: clear the shown set, restore a backup.
import { useEffect, useId, useState } from 'react';
import { useApi } from '../../app/api-context';
import { formatCount } from '../../lib/format-number';
import { lengthProblem } from '../../lib/text-checks';
import { useRetainedStore } from '../../stores/retained-store';
import { FileButton, FileError } from './file-button';
import { openClear, restoreFromFile } from './retained-actions';
import { useRetainedBusy } from './use-retained-busy';

export function RetainedListBar({ connectionId }: { connectionId: string }) {
  const api = useApi();
  const search = useRetainedStore((s) => s.query.search);
  const setQuery = useRetainedStore((s) => s.setQuery);
  const page = useRetainedStore((s) => (s.page?.connectionId === connectionId ? s.page : null));
  const pageError = useRetainedStore((s) => s.pageError);
  const restoreError = useRetainedStore((s) => s.restoreError);
  const busy = useRetainedBusy(connectionId);
  const [text, setText] = useState(search);
  const restoreErrorId = useId();
  const searchProblemId = useId();
  // listRetained takes up to 1,000 characters: longer is said here, not sent.
  const searchProblem = lengthProblem(text, 1000, 'The search text');

  useEffect(() => {
    if (text === search || searchProblem !== null) return;
    const timer = setTimeout(() => setQuery({ search: text }), 200);
    return () => clearTimeout(timer);
  }, [text, search, searchProblem, setQuery]);

  const shown = page?.total ?? 0;
  const countTitle = page
    ? `${formatCount(page.total)} under ${page.filter}${page.search ? ` containing “${page.search}”` : ''}, of ${formatCount(page.indexed)} retained messages MQTT Scope knows on this connection`
    : undefined;

  const clearShown = () => {
    if (!page) return;
    const scope = `everything under ${page.filter}${page.search ? ` containing “${page.search}”` : ''}`;
    void openClear(api, { connectionId, scope, filter: page.filter, search: page.search, single: false });
  };

  return (
    <div className="retained-list-bar">
      <input
        type="search"
        className="retained-search mono"
        aria-label="Search topics"
        placeholder="Search topics"
        value={text}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={searchProblem ? true : undefined}
        aria-describedby={searchProblem ? searchProblemId : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {searchProblem && (
        <span id={searchProblemId} className="field-error search-error">
          {searchProblem}
        </span>
      )}
      <span className="retained-count" role="status" aria-live="off" aria-label="Retained count" title={countTitle}>
        {page ? `${formatCount(page.total)} of ${formatCount(page.indexed)} retained` : 'Loading…'}
      </span>
      {pageError && (
        <span className="form-error" role="alert">
          {pageError}
        </span>
      )}
      <div className="toolbar-spacer" />
      <button type="button" className="small danger" disabled={busy || shown === 0} title="Clear every retained message shown in the table (asks first, offers a backup)" onClick={clearShown}>
        Clear all under…
      </button>
      <FileButton
        label="Restore from file…"
        title="Publish every message of a backup or snapshot file again, retained, then check they are back byte for byte"
        errorId={restoreError ? restoreErrorId : null}
        disabled={busy}
        onFile={(file) => void restoreFromFile(api, connectionId, file)}
      />
      {restoreError && <FileError id={restoreErrorId} message={restoreError} className="bar-error" />}
    </div>
  );
}
