// The profile editor's write-only secrets (the password, the TLS key passphrase), bound
// to their form keys.
import type { ReactNode } from 'react';
import { getField, type SecretEdit } from '../../lib/profile-form';
import { SecretField } from '../secret-field';
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
  const warning = b.warning(k);
  const note =
    warning || hint ? (
      <>
        {warning && <span className="field-warning">{warning} </span>}
        {hint}
      </>
    ) : undefined;
  return (
    <SecretField
      label={label}
      noun={noun}
      edit={getField(b.form, k) as SecretEdit}
      stored={Boolean(getField(b.form, storedKey))}
      onEdit={(next) => set(b, k, next)}
      error={b.error(k)}
      note={note}
      className={className}
    />
  );
}
