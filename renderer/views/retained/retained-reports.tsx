// The reports of the last clear, restore and compare on this connection, between the
// toolbar and the table, until closed.
import { useRetainedStore } from '../../stores/retained-store';
import { ClearReportView } from './clear-report';
import { CompareResultView } from './compare-result';
import { RestoreReportView } from './restore-report';

export function RetainedReports({ connectionId }: { connectionId: string }) {
  const clear = useRetainedStore((s) => (s.clearResult?.connectionId === connectionId ? s.clearResult : null));
  const restore = useRetainedStore((s) => (s.restoreResult?.connectionId === connectionId ? s.restoreResult : null));
  const compare = useRetainedStore((s) => (s.compareResult?.connectionId === connectionId ? s.compareResult : null));
  if (!clear && !restore && !compare) return null;
  return (
    <div className="retained-reports">
      {clear && <ClearReportView result={clear} />}
      {restore && <RestoreReportView result={restore} />}
      {compare && <CompareResultView result={compare} />}
    </div>
  );
}
