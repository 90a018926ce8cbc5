// Where the broker listens. A new address applies at the next start (the app's own
// connection and every device point at the current one); a --broker-host or
// --broker-port on the command line wins over what is saved here, and says so.
import type { BrokerSettingsView } from '../../../shared/broker-settings';
import type { EmbeddedBrokerInfo } from '../../../shared/contract';
import { isLoopbackHost } from '../../../shared/host';
import { Field } from '../field';
import type { BrokerBinding } from './broker-binding';
import { BrokerSection } from './broker-section';
import { NumberField } from './number-field';

interface AddressSectionProps {
  b: BrokerBinding;
  running: EmbeddedBrokerInfo | null;
  overridden: BrokerSettingsView['overriddenByCommandLine'];
  /** Saved, and different from where the broker listens now. */
  restartPending: boolean;
}

export function AddressSection({ b, running, overridden, restartPending }: AddressSectionProps) {
  const { form } = b;
  const exposed = !isLoopbackHost(form.host) && form.host.trim() !== '';
  const now = running?.port ? `${running.host}:${running.port}` : null;
  return (
    <BrokerSection
      title="Address"
      summary={
        now ? (
          <>
            listening on <span className="mono">{now}</span>
          </>
        ) : (
          'not listening'
        )
      }
      alarm={exposed ? (form.requireAuth ? 'reachable from the network' : 'reachable from the network, no sign-in') : null}
      alarmTone={form.requireAuth ? 'warn' : 'bad'}
    >
      <div className="inline-fields">
        <Field label="Bind address" className="grow" error={b.error('host')} hint="127.0.0.1: this machine only. 0.0.0.0: every network interface.">
          {(p) => (
            <input {...p} className="mono" value={form.host} spellCheck={false} autoComplete="off" placeholder="127.0.0.1" onChange={(e) => b.change((f) => ({ ...f, host: e.target.value }), 'host')} />
          )}
        </Field>
        <NumberField label="Port" className="port-field" min={1} max={65535} value={form.port} onChange={(port) => b.change((f) => ({ ...f, port }), 'port')} error={b.error('port')} />
      </div>
      {overridden.length > 0 && <p className="field-hint">{overrideNote(overridden)}</p>}
      {exposed && (
        <p className="broker-warning" role="note">
          Other machines can reach this broker.
          {form.requireAuth ? ' Only the users below can sign in.' : ' With sign-in off, anyone who reaches it may publish and subscribe to anything: turn on Require sign-in below.'}
        </p>
      )}
      {restartPending && (
        <p className="broker-restart" role="status">
          The new address applies when MQTT Scope starts again{now ? `; until then the broker listens on ${now}` : ''}.
        </p>
      )}
    </BrokerSection>
  );
}

function overrideNote(overridden: BrokerSettingsView['overriddenByCommandLine']) {
  const flags = overridden.map((o) => (o === 'host' ? '--broker-host' : '--broker-port'));
  const what = overridden.length === 2 ? 'address and port' : overridden[0] === 'host' ? 'address' : 'port';
  return (
    <>
      The command line sets the {what} this time ({flags.map((f, i) => (
        <span key={f}>
          {i > 0 && ', '}
          <span className="mono">{f}</span>
        </span>
      ))}
      ); what is saved here applies when MQTT Scope starts without {flags.length === 2 ? 'them' : 'it'}.
    </>
  );
}
