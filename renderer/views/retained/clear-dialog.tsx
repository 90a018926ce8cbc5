// The confirmation of a clear: how many, which (every topic, scrollable), whether the
// list can be trusted (what the last scan covered), a backup to download first, and
// then the clear itself. Escape or Cancel leaves the broker untouched.
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../lib/form-errors';
import { plural } from '../../lib/format-number';
import { formatClock } from '../../lib/format-time';
import { filterCovers } from '../../lib/retained-subtree';
import { scanComplete } from '../../lib/retained-text';
import { useConnectionsStore } from '../../stores/connections-store';
import { lastScanOf, useRetainedStore, type ClearRequest } from '../../stores/retained-store';
import { runClear, saveBackup, scanForClear } from './retained-actions';
import { useRetainedBusy } from './use-retained-busy';
import { VirtualList } from './virtual-list';

export function ClearDialog() {
  const request = useRetainedStore((s) => s.clearRequest);
  // One dialog per request: the backup state of an earlier one does not carry over.
  return request ? <ClearConfirm key={`${request.connectionId}\u0000${request.filter}\u0000${request.search}`} request={request} /> : null;
}

const close = () => useRetainedStore.getState().setClearRequest(null);

function ClearConfirm({ request }: { request: ClearRequest }) {
  const api = useApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const connection = useConnectionsStore((s) => s.connections.find((c) => c.id === request.connectionId) ?? null);
  const lastScan = useRetainedStore((s) => lastScanOf(s, request.connectionId));
  const busy = useRetainedBusy(request.connectionId);
  // Tied to the list it was taken of: a scan from the dialog reads a new list.
  const [backup, setBackup] = useState<{ fileName: string; count: number; of: string[] } | null>(null);
  const [working, setWorking] = useState<'backup' | 'scan' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const topics = request.topics;
  const count = topics?.length ?? 0;

  useEffect(() => {
    const dialog = dialogRef.current;
    // No cleanup: closing here would fire 'close' (and drop the request) on StrictMode's trial unmount.
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice has the focus: Enter does not clear anything.
    cancelRef.current?.focus();
  }, []);

  const backUp = async () => {
    if (!topics) return;
    setWorking('backup');
    setError(null);
    try {
      setBackup({ ...(await saveBackup(api, request, topics)), of: topics });
    } catch (err) {
      setError(`Could not save the backup: ${errorMessage(err)}`);
    } finally {
      setWorking(null);
    }
  };

  const scanFirst = async () => {
    setWorking('scan');
    setError(null);
    const problem = await scanForClear(api, request);
    if (problem) setError(`Could not scan ${request.filter}: ${problem}`);
    setWorking(null);
  };

  const covered = lastScan !== null && scanComplete(lastScan) && filterCovers(lastScan.filter, request.filter);
  const what = plural(count, 'retained message', 'retained messages');

  return (
    <dialog ref={dialogRef} className="retained-dialog" aria-label="Confirm clear" onClose={close}>
      <div className="retained-dialog-body">
        <h2>{topics === null ? 'Reading the topics to clear…' : count === 0 ? 'Nothing to clear' : `Clear ${what}?`}</h2>
        <p>
          {request.single ? (
            <>
              The retained message on <span className="mono">{request.filter}</span>
            </>
          ) : (
            <>{request.scope.charAt(0).toUpperCase() + request.scope.slice(1)}, as MQTT Scope knows it</>
          )}
          {connection && (
            <>
              , on <strong>{connection.name}</strong> <span className="muted mono">{connection.url}</span>
            </>
          )}
          .
        </p>
        <p className="field-hint">
          Each topic is sent an empty retained message, which makes the broker drop what it keeps there; then MQTT Scope asks the broker again to check they are gone.
          Without a backup the payloads are gone for good.
        </p>
        {!request.single &&
          (covered ? (
            <p className="field-hint">
              Listed from the scan of <span className="mono">{lastScan.filter}</span> at {formatClock(lastScan.at).slice(0, 8)} and what arrived since.
            </p>
          ) : (
            <div className="clear-coverage field-warning">
              <span>
                {lastScan === null
                  ? 'This connection has not been scanned: '
                  : !scanComplete(lastScan)
                    ? `The last scan (of ${lastScan.filter}) did not finish (${lastScan.endedBy === 'timeout' ? 'time limit' : 'its connection dropped'}): `
                    : `The last scan was of ${lastScan.filter}, which does not cover ${request.filter}: `}
                the broker may hold topics that are not listed here, and those stay.
              </span>
              <button type="button" className="small" disabled={busy || working !== null} onClick={() => void scanFirst()}>
                {working === 'scan' ? 'Scanning…' : `Scan ${request.filter} first`}
              </button>
            </div>
          ))}
        {topics !== null && count > 0 && (
          <VirtualList
            items={topics}
            label="Topics to clear"
            rowHeight={20}
            maxHeight={260}
            className="clear-topics"
            itemKey={(t) => t}
            render={(t) => (
              <span className="mono" title={t}>
                {t}
              </span>
            )}
          />
        )}
        {request.loadError && (
          <p className="form-error" role="alert">
            Could not read the topics: {request.loadError}
          </p>
        )}
        <p role="status" className="backup-status">
          {backup && backup.of === topics ? `Backup saved: ${backup.fileName} (${plural(backup.count, 'message', 'messages')}). Restore it with “Restore from file…”.` : ''}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <footer className="retained-dialog-footer button-row">
        <button type="button" disabled={!topics || count === 0 || working !== null} onClick={() => void backUp()}>
          {working === 'backup' ? 'Saving the backup…' : 'Save a backup first'}
        </button>
        <button type="button" className="danger-filled" disabled={!topics || count === 0 || busy || working !== null} onClick={() => topics && void runClear(api, request, topics)}>
          Clear {what}
        </button>
        <button type="button" className="push-right" ref={cancelRef} onClick={close}>
          Cancel
        </button>
      </footer>
    </dialog>
  );
}
