// A collapsible part of the profile editor. Closed, it still says what it holds (its
// summary) and how many problems wait inside, so the short form hides nothing that matters.
import { useId, type ReactNode } from 'react';

interface EditorSectionProps {
  title: string;
  summary: string;
  /** Problems shown inside (the section opens itself on Save when there are any). */
  problems: number;
  /** Said in the header even when closed (e.g. "server certificate not verified"). */
  alarm?: string | null;
  open: boolean;
  onToggle(): void;
  children: ReactNode;
}

export function EditorSection({ title, summary, problems, alarm, open, onToggle, children }: EditorSectionProps) {
  const id = useId();
  return (
    <div className={`editor-section${open ? ' open' : ''}`}>
      <h3 className="editor-section-heading">
        <button type="button" className="editor-section-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={onToggle}>
          <span className="disclosure" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="editor-section-title">{title}</span>
          <span className="editor-section-summary">{summary}</span>
          {alarm && <span className="editor-section-alarm">{alarm}</span>}
          {problems > 0 && <span className="editor-section-problems">{problems === 1 ? '1 problem' : `${problems} problems`}</span>}
        </button>
      </h3>
      {open && (
        <div id={`${id}-body`} role="group" aria-label={title} className="editor-section-body">
          {children}
        </div>
      )}
    </div>
  );
}
