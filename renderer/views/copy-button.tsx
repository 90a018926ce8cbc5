import { useEffect, useState } from 'react';
import { errorMessage } from '../lib/form-errors';

/** partial: the text is the cut shown on screen, and the confirmation says so. */
export function CopyButton({ text, partial }: { text: string; partial: boolean }) {
  const [result, setResult] = useState<string | null>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 2500);
    return () => clearTimeout(timer);
  }, [result]);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setResult(partial ? 'Copied the part shown' : 'Copied'),
      (err: unknown) => setResult(`Copy failed: ${errorMessage(err)}`),
    );
  };
  return (
    <>
      <span className="copy-result" role="status">
        {result}
      </span>
      <button type="button" className="small" onClick={copy}>
        Copy
      </button>
    </>
  );
}
