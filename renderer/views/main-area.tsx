// The main area beside the sidebar: the view tabs and the view they select. Only the
// shown view is mounted, so a hidden packet log or timeline asks the core for nothing.
import { useCaptureUiStore } from '../stores/capture-ui-store';
import { BrokerStatsView } from './broker-stats/broker-stats-view';
import { ChartView } from './chart/chart-view';
import { PacketsView } from './packets-view';
import { RetainedView } from './retained/retained-view';
import { TimelineView } from './timeline-view';
import { TopicsView } from './topics-view';
import { panelId, tabId, ViewTabs } from './view-tabs';

export function MainArea() {
  const view = useCaptureUiStore((s) => s.view);
  return (
    <main className="main-area">
      <ViewTabs />
      <div role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} className="view-panel">
        {view === 'topics' && <TopicsView />}
        {view === 'packets' && <PacketsView />}
        {view === 'timeline' && <TimelineView />}
        {view === 'retained' && <RetainedView />}
        {view === 'charts' && <ChartView />}
        {view === 'broker-stats' && <BrokerStatsView />}
      </div>
    </main>
  );
}
