// Who may connect: the Require sign-in switch and the users with their topic patterns.
// The app's own clients (its connection, the demo devices) sign in by themselves.
import { useId } from 'react';
import { plural } from '../../lib/format-number';
import type { BrokerBinding } from './broker-binding';
import { BrokerSection } from './broker-section';
import { UsersTable } from './users-table';

export function SignInSection({ b }: { b: BrokerBinding }) {
  const id = useId();
  const { form } = b;
  const error = b.error('requireAuth');
  const summary = `${form.requireAuth ? 'required' : 'off: any client may connect and do anything'} · ${plural(form.users.length, 'user', 'users')}`;
  return (
    <BrokerSection title="Sign-in" summary={summary}>
      <div className="check-field">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={form.requireAuth}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-message`}
            onChange={(e) => b.change((f) => ({ ...f, requireAuth: e.target.checked }), 'requireAuth')}
          />
          <span className="switch-track" aria-hidden="true" />
          <span>Require sign-in</span>
        </label>
        <p id={`${id}-message`} className={error ? 'field-error' : 'field-hint'}>
          {error ??
            (form.requireAuth
              ? 'Every client needs a username and password from this list, and may publish and subscribe only within its patterns. Clients connected without a valid sign-in are disconnected when you save.'
              : 'Off: users and their patterns apply once this is on.')}
        </p>
      </div>
      <UsersTable b={b} />
    </BrokerSection>
  );
}
