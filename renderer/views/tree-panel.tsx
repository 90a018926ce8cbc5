import { plural } from '../lib/format-number';
import { useSelectedConnection } from '../hooks/use-selected-connection';
import { TopicTree } from './topic-tree';

export function TreePanel() {
  const connection = useSelectedConnection();
  return (
    <section className="tree-panel" aria-label="Topics">
      <div className="panel-header">
        <h2>Topics</h2>
        {connection && (
          <span className="muted">
            {plural(connection.counters.topics, 'topic', 'topics')} · {plural(connection.counters.messagesReceived, 'msg', 'msgs')}
          </span>
        )}
        <span className="panel-hint muted">←→ collapse/expand · ⇧→ all · Enter select</span>
      </div>
      {connection ? (
        <TopicTree key={connection.id} connectionId={connection.id} />
      ) : (
        <p className="empty">No connection selected.</p>
      )}
    </section>
  );
}
