import { useEffect } from 'react';
import { HistoryPanel } from '../views/history-panel';
import { PayloadPanel } from '../views/payload-panel';
import { PublishBox } from '../views/publish-box';
import { Sidebar } from '../views/sidebar';
import { TopBar } from '../views/top-bar';
import { TreePanel } from '../views/tree-panel';
import { useApi } from './api-context';
import { bindEvents, loadInitialState } from './bind-events';

export function App() {
  const api = useApi();
  useEffect(() => {
    const unbind = bindEvents(api);
    void loadInitialState(api);
    return unbind;
  }, [api]);

  return (
    <div className="app">
      <TopBar />
      <div className="workspace">
        <Sidebar />
        <main className="centre">
          <TreePanel />
          <PublishBox />
        </main>
        <div className="inspector">
          <HistoryPanel />
          <PayloadPanel />
        </div>
      </div>
    </div>
  );
}
