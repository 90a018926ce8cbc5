// The Topics view: what the app showed before the capture views existed.
import { HistoryPanel } from './history-panel';
import { PayloadPanel } from './payload-panel';
import { PublishPanel } from './publish/publish-panel';
import { TreePanel } from './tree-panel';

export function TopicsView() {
  return (
    <div className="topics-view">
      <div className="centre">
        <TreePanel />
        <PublishPanel />
      </div>
      <div className="inspector">
        <HistoryPanel />
        <PayloadPanel />
      </div>
    </div>
  );
}
