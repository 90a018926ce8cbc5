// A file input drawn as a button, whose label is its accessible name. The parent shows
// the core's message about a bad file where it fits (FileError), tied to the input.
import type { ChangeEvent } from 'react';

export interface FileButtonProps {
  label: string;
  title: string;
  /** The id of the message about the last file, when there is one. */
  errorId: string | null;
  disabled: boolean;
  onFile(file: File): void;
}

export function FileButton({ label, title, errorId, disabled, onFile }: FileButtonProps) {
  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // The same file may be chosen again (after fixing it, or to restore twice).
    input.value = '';
    if (file) onFile(file);
  };
  return (
    <label className={`file-button${disabled ? ' disabled' : ''}`} title={title}>
      <input type="file" accept=".json,application/json" disabled={disabled} aria-invalid={errorId ? true : undefined} aria-describedby={errorId ?? undefined} onChange={choose} />
      {label}
    </label>
  );
}

export function FileError({ id, message, className }: { id: string; message: string; className?: string }) {
  return (
    <p id={id} className={`field-error${className ? ` ${className}` : ''}`} role="alert">
      {message}
    </p>
  );
}
