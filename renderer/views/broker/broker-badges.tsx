// The embedded broker's security at a glance, in the top bar: exposed (alarming when
// nobody has to sign in), sign-in required, the TLS listener, and what it refused.
import type { EmbeddedBrokerInfo } from '../../../shared/contract';
import { brokerBadges, refusalCountText } from '../../lib/broker-status-text';
import { plural } from '../../lib/format-number';

export function BrokerBadges({ broker, onShowRefused }: { broker: EmbeddedBrokerInfo; onShowRefused(): void }) {
  const badges = brokerBadges(broker);
  if (badges.length === 0 && broker.refusals === 0) return null;
  return (
    <ul className="broker-badges" aria-label="Broker security">
      {badges.map((badge) => (
        <li key={badge.id} className={`broker-badge tone-${badge.tone}`} aria-label={badge.label} title={badge.label}>
          {badge.text}
        </li>
      ))}
      {broker.refusals > 0 && (
        <li className="broker-refusals">
          <button type="button" className="broker-badge tone-refused" aria-label={`${plural(broker.refusals, 'refusal', 'refusals')}: show them`} title="Show what the broker refused" onClick={onShowRefused}>
            {refusalCountText(broker.refusals)}
          </button>
        </li>
      )}
    </ul>
  );
}
