// What the embedded broker refused lately, newest first, as its log wrote it: a limit
// hit, a failed sign-in, a denied publish or subscription, a malformed packet. A line
// that sums up a burst says how many it stands for; the total counts every one.
import type { EmbeddedBrokerInfo } from '../../../shared/contract';
import { refusalKindText, refusedListSummary } from '../../lib/broker-status-text';
import { formatCount } from '../../lib/format-number';
import { formatClock } from '../../lib/format-time';
import { BrokerSection } from './broker-section';

export function RefusedList({ broker }: { broker: EmbeddedBrokerInfo | null }) {
  const events = broker ? [...broker.events].reverse() : [];
  const refusals = broker?.refusals ?? 0;
  return (
    <BrokerSection title="Refused" summary={refusals > 0 ? `${formatCount(refusals)} since start` : 'nothing'} className="refused-section">
      {events.length > 0 && (
        <ol className="refused-list" aria-label="Refused">
          {events.map((e, i) => (
            // Lines have no id; time, kind and place tell them apart well enough for React.
            <li key={`${e.at}-${e.kind}-${i}`} className={`refused-line refused-${e.kind}`}>
              <time className="refused-time mono" dateTime={new Date(e.at).toISOString()}>
                {formatClock(e.at)}
              </time>
              <span className="refused-kind">{refusalKindText(e.kind)}</span>
              <span className="refused-text">{e.text}</span>
              {e.count > 1 && (
                <span className="refused-count" title={`This line stands for ${formatCount(e.count)} refusals`}>
                  ×{formatCount(e.count)}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="field-hint" role="status">
        {refusedListSummary(refusals, events.length)}
      </p>
    </BrokerSection>
  );
}
