import { useState } from 'react';
import { ConnectionDetails } from './connection-details';
import { ConnectionList } from './connection-list';
import { NewConnectionForm } from './new-connection-form';

export function Sidebar() {
  const [formOpen, setFormOpen] = useState(false);
  return (
    <aside className="sidebar" aria-label="Connections panel">
      <div className="panel-header">
        <h2>Connections</h2>
        <button type="button" className="small" aria-expanded={formOpen} onClick={() => setFormOpen(!formOpen)}>
          New connection
        </button>
      </div>
      {formOpen && <NewConnectionForm onClose={() => setFormOpen(false)} />}
      <ConnectionList />
      <ConnectionDetails />
    </aside>
  );
}
