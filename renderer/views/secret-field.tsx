// A write-only secret (a password, a key passphrase). The renderer never has a saved
// secret: it shows that one is set, and offers to change or clear it. A new one is typed
// here and sent once, on Save.
import { useId, useState, type ReactNode } from 'react';
import type { SecretEdit } from '../lib/profile-form';
import { Field } from './field';

export interface SecretFieldProps {
  label: string;
  /** What it is called in sentences ("password"). */
  noun: string;
  edit: SecretEdit;
  /** Whether a secret is saved ('keep' is offered only then). */
  stored: boolean;
  onEdit(next: SecretEdit): void;
  error?: string;
  /** Shown under the control when there is no error. */
  note?: ReactNode;
  className?: string;
}

export function SecretField({ label, noun, edit, stored, onEdit, error, note, className }: SecretFieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);

  if (edit.kind !== 'set') {
    const messageId = `${id}-message`;
    return (
      <div className={`field${className ? ` ${className}` : ''}`} role="group" aria-labelledby={`${id}-label`} aria-describedby={messageId}>
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="secret-state">
          {edit.kind === 'keep' ? (
            <>
              <span className="secret-set">
                <span className="status-dot status-ok" aria-hidden="true" /> set
              </span>
              <button type="button" className="small" aria-label={`Change the ${noun}`} onClick={() => onEdit({ kind: 'set', value: '' })}>
                Change
              </button>
              <button type="button" className="small danger" aria-label={`Clear the ${noun}`} onClick={() => onEdit({ kind: 'clear' })}>
                Clear
              </button>
            </>
          ) : (
            <>
              <span className="secret-cleared">cleared when you save</span>
              <button type="button" className="small" aria-label={`Keep the saved ${noun}`} onClick={() => onEdit({ kind: 'keep' })}>
                Undo
              </button>
            </>
          )}
        </div>
        <p id={messageId} className={error ? 'field-error' : 'field-hint'}>
          {error ?? note}
        </p>
      </div>
    );
  }

  return (
    <Field label={label} error={error} hint={note} className={className}>
      {(p) => (
        <div className="secret-input">
          <input
            {...p}
            type={shown ? 'text' : 'password'}
            value={edit.value}
            autoComplete="new-password"
            spellCheck={false}
            placeholder={stored ? `new ${noun}` : 'optional'}
            onChange={(e) => onEdit({ kind: 'set', value: e.target.value })}
          />
          <button type="button" className="small" aria-pressed={shown} aria-label={`Show the ${noun}`} title={shown ? 'Hide' : 'Show'} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
          {stored && (
            <button type="button" className="small" aria-label={`Keep the saved ${noun}`} onClick={() => onEdit({ kind: 'keep' })}>
              Keep saved
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
