// A text diff by lines: removed lines in red with their line before, added in green
// with their line after, unchanged lines between them for context.
import type { TextLine } from '../../../shared/payload-diff';

const sign = { same: ' ', added: '+', removed: '−' } as const;

export function TextDiffView({ lines }: { lines: readonly TextLine[] }) {
  return (
    <ol className="text-diff mono" aria-label="Changed lines">
      {lines.map((l, i) => (
        <li key={i} className={`diff-${l.kind}`} aria-label={l.kind === 'same' ? undefined : `${l.kind}: ${l.text}`}>
          <span className="diff-line-no">{l.beforeLine ?? ''}</span>
          <span className="diff-line-no">{l.afterLine ?? ''}</span>
          <span className="diff-sign" aria-hidden="true">
            {sign[l.kind]}
          </span>
          <span className="diff-line-text">{l.text}</span>
        </li>
      ))}
    </ol>
  );
}
