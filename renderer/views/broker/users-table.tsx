// The users who may sign in, one row each: name, a write-only password, and the MQTT
// filters each may publish to and subscribe within. Each input shows its own problem
// under it, tied to it by aria-describedby.
import { useId, type ReactNode } from 'react';
import { hasStoredPassword, newUserRow, type BrokerUserRow } from '../../lib/broker-form';
import type { BrokerBinding } from './broker-binding';

export function UsersTable({ b }: { b: BrokerBinding }) {
  const hintId = useId();
  const users = b.form.users;
  const usersError = b.error('users');
  const add = () => b.change((f) => ({ ...f, users: [...f.users, newUserRow()] }), 'users');

  return (
    <div className="broker-users">
      {users.length > 0 && (
        <table aria-label="Users" aria-describedby={hintId}>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Password</th>
              <th scope="col">May publish to</th>
              <th scope="col">May subscribe within</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((row, i) => (
              <UserRow key={row.key} b={b} row={row} index={i} />
            ))}
          </tbody>
        </table>
      )}
      {users.length === 0 && <p className="broker-users-empty muted">No users yet.</p>}
      {usersError && (
        <p className="field-error" role="alert">
          {usersError}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="small" onClick={add}>
          Add user
        </button>
      </div>
      <p id={hintId} className="field-hint">
        Patterns are MQTT filters, one per line: <span className="mono">+</span> and <span className="mono">#</span> work as in subscriptions, and{' '}
        <span className="mono">%u</span> stands for the username (<span className="mono">devices/%u/#</span> lets each user publish only under its own name). A user
        without patterns may do nothing. A subscription is granted when one pattern covers all it can match.
      </p>
    </div>
  );
}

function UserRow({ b, row, index }: { b: BrokerBinding; row: BrokerUserRow; index: number }) {
  const n = index + 1;
  const key = (field: string) => `users.${index}.${field}`;
  const edit = (change: Partial<BrokerUserRow>, field: string) =>
    b.change((f) => ({ ...f, users: f.users.map((u) => (u.key === row.key ? { ...u, ...change } : u)) }), key(field));
  const remove = () => b.change((f) => ({ ...f, users: f.users.filter((u) => u.key !== row.key) }), 'users');
  const stored = hasStoredPassword(b.form, row);

  return (
    <tr>
      <Cell error={b.error(key('username'))} warning={b.warning(key('username'))}>
        {(p) => (
          <input {...p} className="mono" aria-label={`User ${n} username`} value={row.username} spellCheck={false} autoComplete="off" onChange={(e) => edit({ username: e.target.value }, 'username')} />
        )}
      </Cell>
      <Cell error={b.error(key('password'))}>
        {(p) => (
          <input
            {...p}
            type="password"
            aria-label={`User ${n} password`}
            value={row.password}
            autoComplete="new-password"
            // The saved password is never sent to the window: an empty field keeps it.
            placeholder={stored ? 'unchanged' : 'required'}
            onChange={(e) => edit({ password: e.target.value }, 'password')}
          />
        )}
      </Cell>
      {(['publish', 'subscribe'] as const).map((list) => (
        <Cell key={list} error={b.error(key(list))}>
          {(p) => (
            <textarea
              {...p}
              className="mono"
              aria-label={`User ${n} ${list} patterns`}
              rows={lineCount(row[list])}
              value={row[list]}
              spellCheck={false}
              placeholder="none allowed"
              onChange={(e) => edit({ [list]: e.target.value }, list)}
            />
          )}
        </Cell>
      ))}
      <td className="broker-user-remove">
        <button type="button" className="icon-button" aria-label={`Remove user ${n}${row.username ? ` (${row.username})` : ''}`} title="Remove" onClick={remove}>
          ×
        </button>
      </td>
    </tr>
  );
}

interface CellControlProps {
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

function Cell({ error, warning, children }: { error: string | undefined; warning?: string; children: (p: CellControlProps) => ReactNode }) {
  const id = useId();
  const message = error ?? warning;
  return (
    <td>
      {children({ 'aria-invalid': error ? true : undefined, 'aria-describedby': message ? id : undefined })}
      {message && (
        <p id={id} className={error ? 'field-error' : 'field-warning'}>
          {message}
        </p>
      )}
    </td>
  );
}

/** The text area grows with its list (2 to 6 lines), so short lists stay compact. */
function lineCount(text: string): number {
  return Math.min(6, Math.max(2, text.split('\n').length));
}
