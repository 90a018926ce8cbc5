import { useEffect } from 'react';
import { MainArea } from '../views/main-area';
import { Sidebar } from '../views/sidebar';
import { TopBar } from '../views/top-bar';
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
        <MainArea />
      </div>
    </div>
  );
}
