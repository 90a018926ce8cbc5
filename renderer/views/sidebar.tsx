import { useState } from 'react';
import { ConnectionDetails } from './connection-details';
import { ConnectionList } from './connection-list';
import { NewConnectionForm } from './new-connection-form';
import { ProfilesPanel } from './profiles/profiles-panel';

export function Sidebar() {
  const [formOpen, setFormOpen] = useState(false);
  return (
    <aside className="sidebar" aria-label="Connections panel">
      <ProfilesPanel />
      <section className="connections-panel" aria-labelledby="connections-heading">
        <div className="panel-header">
          <h2 id="connections-heading">Connections</h2>
          <button type="button" className="small" aria-expanded={formOpen} onClick={() => setFormOpen(!formOpen)} title="A one-off connection from a URL; save it as a profile later if you like">
            New connection
          </button>
        </div>
        {formOpen && <NewConnectionForm onClose={() => setFormOpen(false)} />}
        <ConnectionList />
        <ConnectionDetails />
      </section>
    </aside>
  );
}
