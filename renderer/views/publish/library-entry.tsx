// One message of the library: a button that loads it into the form, with what it
// would send (topic, QoS, format, size, properties) and the start of its payload.
import type { PublishTemplate } from '../../../shared/publish-contract';
import { templateText, templateTime } from '../../lib/publish-library-text';
import { loadIntoForm } from './publish-actions';

export function LibraryEntry({ template: t, now }: { template: PublishTemplate; now: number }) {
  const text = templateText(t);
  return (
    <button type="button" className="library-entry" onClick={() => loadIntoForm(t.message, t.payloadOmitted)}>
      <span className="library-entry-line">
        {t.name !== null && <span className="library-entry-name">{t.name}</span>}
        <span className="mono library-entry-topic">{t.message.topic}</span>
        <span className="library-entry-time muted">{templateTime(t.at, now)}</span>
      </span>
      <span className="library-entry-line muted">
        <span className="library-entry-facts">{text.facts}</span>
        <span className={`mono library-entry-preview${text.omitted ? ' omitted' : ''}`}>{text.preview}</span>
      </span>
    </button>
  );
}
