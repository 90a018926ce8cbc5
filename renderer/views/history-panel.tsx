// The selected topic's history: how much is kept, what the limits evicted, and the list.
import { useState } from 'react';
import { formatBytes, formatCount, plural } from '../lib/format-number';
import { useAppInfoStore } from '../stores/app-info-store';
import { useHistoryStore } from '../stores/history-store';
import { HistoryLimitsForm } from './history-limits-form';
import { HistoryList } from './history-list';
import { ChartTopicButton } from './chart/chart-topic-button';
import { CompareActions, ComparePickNote } from './diff/compare-actions';
import { DiffDialog } from './diff/diff-dialog';

export function HistoryPanel() {
  const connectionId = useHistoryStore((s) => s.connectionId);
  const topic = useHistoryStore((s) => s.topic);
  const received = useHistoryStore((s) => s.received);
  const kept = useHistoryStore((s) => s.kept);
  const evicted = useHistoryStore((s) => s.evicted);
  const deltaLimits = useHistoryStore((s) => s.limits);
  const appLimits = useAppInfoStore((s) => s.info?.historyLimits ?? null);
  const limits = deltaLimits ?? appLimits;
  const [limitsOpen, setLimitsOpen] = useState(false);

  return (
    <section className="history-panel" aria-label="History">
      <div className="panel-header">
        <h2>History</h2>
        {topic !== null && (
          <span className="mono history-topic" title={topic}>
            {topic}
          </span>
        )}
      </div>
      {topic !== null && (
        <div className="history-summary">
          <span>
            {received ? `${plural(kept.count, 'message', 'messages')} kept (${formatBytes(kept.bytes)})` : 'Loading history…'}
          </span>
          <button type="button" className="link-button" aria-expanded={limitsOpen} onClick={() => setLimitsOpen(!limitsOpen)}>
            Limits…
          </button>
        </div>
      )}
      {topic !== null && (
        <div className="history-actions">
          <CompareActions />
          <ChartTopicButton />
        </div>
      )}
      <ComparePickNote />
      <DiffDialog />
      {topic !== null && evicted.count > 0 && limits && (
        <div className="evicted-notice" role="note">
          <span>
            {formatCount(evicted.count)} older {evicted.count === 1 ? 'message' : 'messages'} evicted ({formatBytes(evicted.bytes)}) — limit{' '}
            {formatCount(limits.maxMessagesPerTopic)} messages / {formatBytes(limits.maxBytesPerTopic)} per topic, {formatBytes(limits.maxTotalBytes)} for all topics
          </span>
          <button type="button" className="small" onClick={() => setLimitsOpen(true)}>
            Change limits
          </button>
        </div>
      )}
      {limitsOpen && limits && <HistoryLimitsForm limits={limits} onClose={() => setLimitsOpen(false)} />}
      {topic === null ? (
        <p className="empty">Select a topic in the tree to see its messages.</p>
      ) : received && kept.count === 0 && evicted.count === 0 ? (
        <p className="empty">No messages on exactly this topic; its sub-topics have their own history.</p>
      ) : (
        <HistoryList key={`${connectionId}\u0000${topic}`} />
      )}
    </section>
  );
}
