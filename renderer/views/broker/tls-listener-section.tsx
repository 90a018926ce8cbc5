// The optional TLS listener: its own port, the user's certificate and key (PEM), and the
// key's write-only passphrase. What went wrong when it last started (a file that cannot
// be read, a wrong passphrase) is shown here, where it can be fixed.
import type { EmbeddedBrokerInfo } from '../../../shared/contract';
import type { SecretEdit } from '../../lib/profile-form';
import { useAppInfoStore } from '../../stores/app-info-store';
import { Field } from '../field';
import { SecretField } from '../secret-field';
import type { BrokerBinding } from './broker-binding';
import { BrokerSection } from './broker-section';
import { NumberField } from './number-field';

type TlsForm = BrokerBinding['form']['tls'];

export function TlsListenerSection({ b, running }: { b: BrokerBinding; running: EmbeddedBrokerInfo | null }) {
  const web = useAppInfoStore((s) => s.info?.shell === 'web');
  const tls = b.form.tls;
  const edit = (change: Partial<TlsForm>, key: string) => b.change((f) => ({ ...f, tls: { ...f.tls, ...change } }), key);
  const problem = running?.tls?.problem ?? null;
  const listening = running?.tls?.port ?? null;
  const where = web ? 'A path on the machine running MQTT Scope' : 'A file path';

  return (
    <BrokerSection title="TLS listener" summary={listening ? `listening on :${listening}` : tls.enabled ? 'on' : 'off'} alarm={problem ? 'not running' : null}>
      <label className="switch">
        <input type="checkbox" role="switch" checked={tls.enabled} onChange={(e) => edit({ enabled: e.target.checked }, 'tls.enabled')} />
        <span className="switch-track" aria-hidden="true" />
        <span>Listen for TLS connections (mqtts://)</span>
      </label>
      {problem && (
        <p className="broker-problem" role="alert">
          {problem}
        </p>
      )}
      {tls.enabled && (
        <div className="editor-grid">
          <Field label="Certificate file" className="span-2" error={b.error('tls.certFile')} hint={`${where} (PEM), with the intermediates after it.`}>
            {(p) => (
              <input {...p} className="mono" value={tls.certFile} spellCheck={false} autoComplete="off" placeholder="/path/to/server.pem" onChange={(e) => edit({ certFile: e.target.value }, 'tls.certFile')} />
            )}
          </Field>
          <NumberField label="TLS port" min={1} max={65535} value={tls.port} onChange={(port) => edit({ port }, 'tls.port')} error={b.error('tls.port')} hint="8883 is the usual one." />
          <Field label="Key file" className="span-2" error={b.error('tls.keyFile')} hint={`${where} (PEM): the certificate’s private key.`}>
            {(p) => (
              <input {...p} className="mono" value={tls.keyFile} spellCheck={false} autoComplete="off" placeholder="/path/to/server-key.pem" onChange={(e) => edit({ keyFile: e.target.value }, 'tls.keyFile')} />
            )}
          </Field>
          <SecretField
            label="Key passphrase"
            noun="key passphrase"
            edit={tls.passphrase}
            stored={tls.passphraseStored}
            onEdit={(next: SecretEdit) => edit({ passphrase: next }, 'tls.passphrase')}
            error={b.error('tls.passphrase')}
            note="Only for an encrypted key. Stored apart, never shown again."
          />
        </div>
      )}
    </BrokerSection>
  );
}
