// The panel under the table: the selected message, or the snapshots. Tabs rather than a
// side panel, so the table keeps the whole width for its topics.
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { useApi } from '../../app/api-context';
import { useRetainedStore, type RetainedBottomTab } from '../../stores/retained-store';
import { RetainedDetailPanel } from './retained-detail';
import { loadSnapshots } from './retained-actions';
import { SnapshotsPanel } from './snapshots-panel';

const tabs: { tab: RetainedBottomTab; label: string }[] = [
  { tab: 'message', label: 'Message' },
  { tab: 'snapshots', label: 'Snapshots' },
];

export function RetainedBottom({ connection }: { connection: ConnectionSummary }) {
  const api = useApi();
  const tab = useRetainedStore((s) => s.bottomTab);
  const setTab = useRetainedStore((s) => s.setBottomTab);
  const count = useRetainedStore((s) => s.snapshots?.list.length ?? null);
  const revision = useRetainedStore((s) => s.feed?.snapshotsRevision ?? null);
  const baseId = useId();
  const listRef = useRef<HTMLDivElement>(null);

  // Another window may save or delete one: the feed's revision says so.
  useEffect(() => {
    void loadSnapshots(api);
  }, [api, revision]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next = tab === 'message' ? 'snapshots' : 'message';
    setTab(next);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${baseId}-${next}`)}`)?.focus();
  };

  return (
    <div className="retained-bottom">
      <div role="tablist" aria-label="Under the table" className="bottom-tabs" ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.tab}
            type="button"
            role="tab"
            id={`${baseId}-${t.tab}`}
            aria-selected={tab === t.tab}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === t.tab ? 0 : -1}
            className={`bottom-tab${tab === t.tab ? ' active' : ''}`}
            onClick={() => setTab(t.tab)}
          >
            {t.label}
            {t.tab === 'snapshots' && count !== null && count > 0 && (
              <span className="tab-count" aria-hidden="true">
                {count}
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-${tab}`} className="bottom-panel">
        {tab === 'message' ? <RetainedDetailPanel connection={connection} /> : <SnapshotsPanel connectionId={connection.id} />}
      </div>
    </div>
  );
}
