// The Retained view: what the selected connection's broker holds as retained messages.
// Scan under a filter, sort and search the table, read one in full, clear (with a
// backup and a check), restore a backup, and compare with snapshots.
import { useEffect } from 'react';
import { useSelectedConnection } from '../../hooks/use-selected-connection';
import { useRetainedStore } from '../../stores/retained-store';
import { ClearDialog } from './clear-dialog';
import { RetainedBottom } from './retained-bottom';
import { RetainedListBar } from './retained-list-bar';
import { RetainedReports } from './retained-reports';
import { RetainedScanBar } from './retained-scan-bar';
import { RetainedTable } from './retained-table';

export function RetainedView() {
  const connection = useSelectedConnection();
  const connectionId = connection?.id ?? null;
  const showConnection = useRetainedStore((s) => s.showConnection);
  useEffect(() => showConnection(connectionId), [connectionId, showConnection]);

  if (!connection) {
    return (
      <div className="retained-view">
        <p className="empty">Select a connection in the sidebar to see the retained messages its broker holds.</p>
      </div>
    );
  }
  return (
    <div className="retained-view">
      <section className="retained-main" aria-label="Retained">
        <RetainedScanBar connectionId={connection.id} />
        <RetainedListBar connectionId={connection.id} />
        <RetainedReports connectionId={connection.id} />
        <RetainedTable connection={connection} />
        <RetainedBottom connection={connection} />
      </section>
      <ClearDialog />
    </div>
  );
}
