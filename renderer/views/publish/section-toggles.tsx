// The buttons that open the panel's sections. Closed, each still says what matters
// inside: properties set, a repeat running, problems waiting; Properties says why it
// is off on an MQTT 3.x connection instead of just greying out.
import type { ReactNode } from 'react';
import type { PublishSection } from '../../lib/publish-sections';
import { usePublishStore } from '../../stores/publish-store';

export const sectionIds: Record<PublishSection, string> = {
  properties: 'publish-section-properties',
  repeat: 'publish-section-repeat',
  request: 'publish-section-request',
  library: 'publish-section-library',
};

export const sectionTitles: Record<PublishSection, string> = {
  properties: 'Properties',
  repeat: 'Repeat',
  request: 'Request/response',
  library: 'Library',
};

interface SectionToggleProps {
  section: PublishSection;
  /** A few words after the title ("2 set", "sent 4 of 10"). */
  summary?: ReactNode;
  problems: number;
  /** Why the section cannot open; the button then says it and stays shut. */
  off?: string | null;
}

export function SectionToggle({ section, summary, problems, off }: SectionToggleProps) {
  const open = usePublishStore((s) => s.sections[section]) && !off;
  const toggle = usePublishStore((s) => s.toggleSection);
  return (
    <button
      type="button"
      className={`section-toggle${open ? ' open' : ''}`}
      aria-expanded={open}
      aria-controls={sectionIds[section]}
      disabled={Boolean(off)}
      title={off ?? undefined}
      onClick={() => toggle(section)}
    >
      <span className="disclosure" aria-hidden="true">
        {open ? '▾' : '▸'}
      </span>
      <span className="section-toggle-title">{sectionTitles[section]}</span>
      {off ? <span className="section-toggle-off">{off}</span> : summary ? <span className="section-toggle-summary">{summary}</span> : null}
      {problems > 0 && <span className="section-toggle-problems">{problems === 1 ? '1 problem' : `${problems} problems`}</span>}
    </button>
  );
}

/** An open section: a labelled group the toggle controls. */
export function PublishSectionBox({ section, heading, children }: { section: PublishSection; heading: string; children: ReactNode }) {
  return (
    <div id={sectionIds[section]} role="group" aria-label={heading} className={`publish-section publish-section-${section}`}>
      <h3 className="publish-section-heading">{heading}</h3>
      {children}
    </div>
  );
}
