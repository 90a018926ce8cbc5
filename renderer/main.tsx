import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectScopeApi } from './api/connect-scope-api';
import { ApiContext } from './app/api-context';
import { App } from './app/app';
import { FatalError } from './app/fatal-error';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/profiles.css';
import './styles/profile-editor.css';
import './styles/sidebar.css';
import './styles/tree.css';
import './styles/history.css';
import './styles/payload.css';
import './styles/capture-layout.css';
import './styles/packet-log.css';
import './styles/packet-inspector.css';
import './styles/fault-panel.css';
import './styles/timeline.css';
import './styles/flow-detail.css';
import './styles/sequence-diagram.css';
import './styles/retained.css';
import './styles/publish.css';
import './styles/broker-settings.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
root.render(<p className="starting">Connecting to MQTT Scope…</p>);

connectScopeApi().then(
  (api) =>
    root.render(
      <StrictMode>
        <ApiContext.Provider value={api}>
          <App />
        </ApiContext.Provider>
      </StrictMode>,
    ),
  (error: unknown) => root.render(<FatalError error={error} />),
);
