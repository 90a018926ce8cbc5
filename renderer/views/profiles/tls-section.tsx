// TLS for mqtts:// and wss://. Files are paths read by the core when it connects (in web
// mode the browser cannot hand over a real path, so they are typed).
import { secretProtectionText, tlsSummary } from '../../lib/profile-form-notes';
import { useAppInfoStore } from '../../stores/app-info-store';
import { CheckControl, TextControl, type EditorBinding } from './editor-controls';
import { EditorSection } from './editor-section';
import { SecretControl } from './secret-control';

interface TlsSectionProps {
  b: EditorBinding;
  open: boolean;
  problems: number;
  onToggle(): void;
  secretProtection: string | null;
}

export function TlsSection({ b, open, problems, onToggle, secretProtection }: TlsSectionProps) {
  const web = useAppInfoStore((s) => s.info?.shell === 'web');
  const where = web ? 'A path on the machine running the MQTT Scope server' : 'A file path';
  const verifying = b.form.tls.rejectUnauthorized;
  return (
    <EditorSection
      title="TLS"
      summary={tlsSummary(b.form)}
      alarm={verifying ? null : 'certificate not verified'}
      problems={problems}
      open={open}
      onToggle={onToggle}
    >
      <CheckControl b={b} k="tls.rejectUnauthorized" label="Verify server certificate" asSwitch hint="Checks the certificate chain and that it names this host." />
      <div className="editor-grid">
        <TextControl
          b={b}
          k="tls.caFile"
          label="CA certificate file"
          mono
          className="span-3"
          placeholder="/path/to/ca.pem"
          hint={`${where} (PEM or DER). Trusted in addition to the system's authorities, not instead of them.`}
        />
      </div>
      <div className="editor-grid">
        <TextControl b={b} k="tls.certFile" label="Client certificate file" mono placeholder="/path/to/client.pem" hint="For brokers that ask for a client certificate." />
        <TextControl b={b} k="tls.keyFile" label="Client key file" mono placeholder="/path/to/client-key.pem" />
        <SecretControl
          b={b}
          k="tls.keyPassphrase"
          storedKey="tls.keyPassphraseStored"
          label="Key passphrase"
          noun="key passphrase"
          hint={secretProtection ? secretProtectionText(secretProtection) : undefined}
        />
      </div>
      <div className="editor-grid">
        <TextControl b={b} k="tls.servername" label="TLS server name (SNI)" mono placeholder={b.form.host || 'the host name'} hint="When the certificate names another host than the one dialled." />
        <TextControl b={b} k="tls.alpn" label="ALPN protocols" mono placeholder="e.g. mqtt, x-amzn-mqtt-ca" hint="Comma-separated, in order of preference." />
      </div>
    </EditorSection>
  );
}
