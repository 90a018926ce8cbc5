// A write-only secret (the password, the TLS key passphrase). The renderer never has a
// saved secret: it shows that one is set, and offers to change or clear it. A new one
// is typed here and sent once, on Save.
import { useId, useState, type ReactNode } from 'react';
import { getField, type SecretEdit } from '../../lib/profile-form';
import { Field } from '../field';
import { set, type EditorBinding } from './editor-controls';

interface SecretControlProps {
  b: EditorBinding;
  k: 'password' | 'tls.keyPassphrase';
  /** The form key that says whether a secret is saved. */
  storedKey: 'passwordStored' | 'tls.keyPassphraseStored';
  label: string;
  /** What it is called in sentences ("password"). */
  noun: string;
  hint?: ReactNode;
  className?: string;
}

export function SecretControl({ b, k, storedKey, label, noun, hint, className }: SecretControlProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const edit = getField(b.form, k) as SecretEdit;
  const stored = Boolean(getField(b.form, storedKey));
  const error = b.error(k);
  const warning = b.warning(k);
  const note =
    warning || hint ? (
      <>
        {warning && <span className="field-warning">{warning} </span>}
        {hint}
      </>
    ) : undefined;
  const setEdit = (next: SecretEdit) => set(b, k, next);

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
              <button type="button" className="small" aria-label={`Change the ${noun}`} onClick={() => setEdit({ kind: 'set', value: '' })}>
                Change
              </button>
              <button type="button" className="small danger" aria-label={`Clear the ${noun}`} onClick={() => setEdit({ kind: 'clear' })}>
                Clear
              </button>
            </>
          ) : (
            <>
              <span className="secret-cleared">cleared when you save</span>
              <button type="button" className="small" aria-label={`Keep the saved ${noun}`} onClick={() => setEdit({ kind: 'keep' })}>
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
            onChange={(e) => setEdit({ kind: 'set', value: e.target.value })}
          />
          <button type="button" className="small" aria-pressed={shown} aria-label={`Show the ${noun}`} title={shown ? 'Hide' : 'Show'} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
          {stored && (
            <button type="button" className="small" aria-label={`Keep the saved ${noun}`} onClick={() => setEdit({ kind: 'keep' })}>
              Keep saved
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
