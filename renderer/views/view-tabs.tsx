// The main area's view switcher, a WAI-ARIA tablist: arrows move between the tabs,
// and the one focused is shown (automatic activation: switching is instant).
import { useRef, type KeyboardEvent } from 'react';
import { useCaptureUiStore, type MainView } from '../stores/capture-ui-store';

export const mainViews: { view: MainView; label: string; hint: string }[] = [
  { view: 'topics', label: 'Topics', hint: 'Topic tree, history, payloads' },
  { view: 'packets', label: 'Packets', hint: 'Every packet of every link, with the inspector' },
  { view: 'timeline', label: 'Timeline', hint: 'QoS handshakes as sequence diagrams; faults and scenarios' },
  { view: 'retained', label: 'Retained', hint: 'What the broker holds as retained messages: scan, clear, restore, snapshots' },
  { view: 'charts', label: 'Charts', hint: 'Numbers from topics and JSON paths over time, live' },
  { view: 'broker-stats', label: 'Broker statistics', hint: 'What the broker says about itself in $SYS topics, with the rates charted' },
];

export const tabId = (view: MainView) => `view-tab-${view}`;
export const panelId = (view: MainView) => `view-panel-${view}`;

export function ViewTabs() {
  const view = useCaptureUiStore((s) => s.view);
  const setView = useCaptureUiStore((s) => s.setView);
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = mainViews.findIndex((v) => v.view === view);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % mainViews.length : e.key === 'ArrowLeft' ? (i + mainViews.length - 1) % mainViews.length : e.key === 'Home' ? 0 : e.key === 'End' ? mainViews.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    setView(mainViews[next].view);
    listRef.current?.querySelector<HTMLElement>(`#${tabId(mainViews[next].view)}`)?.focus();
  };

  return (
    <div role="tablist" aria-label="Views" className="view-tabs" ref={listRef} onKeyDown={onKeyDown}>
      {mainViews.map((v) => (
        <button
          key={v.view}
          type="button"
          role="tab"
          id={tabId(v.view)}
          aria-selected={view === v.view}
          aria-controls={panelId(v.view)}
          tabIndex={view === v.view ? 0 : -1}
          title={v.hint}
          className={`view-tab${view === v.view ? ' active' : ''}`}
          onClick={() => setView(v.view)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
