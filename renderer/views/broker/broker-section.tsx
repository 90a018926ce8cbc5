// One part of the broker settings (Address, Sign-in, …): a titled region with a one-line
// summary beside its title, so a glance down the dialog tells the whole configuration.
import { useId, type ReactNode } from 'react';

interface BrokerSectionProps {
  title: string;
  summary?: ReactNode;
  /** Said beside the title in a warning style ("reachable from the network"). */
  alarm?: string | null;
  /** bad: something is open or broken; warn: worth knowing. */
  alarmTone?: 'bad' | 'warn';
  className?: string;
  children: ReactNode;
}

export function BrokerSection({ title, summary, alarm, alarmTone = 'bad', className, children }: BrokerSectionProps) {
  const id = useId();
  return (
    <section className={`broker-section${className ? ` ${className}` : ''}`} aria-labelledby={`${id}-title`}>
      <header className="broker-section-header">
        <h3 id={`${id}-title`}>{title}</h3>
        {summary && <span className="broker-section-summary">{summary}</span>}
        {alarm && <span className={`editor-section-alarm broker-alarm-${alarmTone}`}>{alarm}</span>}
      </header>
      <div className="broker-section-body">{children}</div>
    </section>
  );
}
