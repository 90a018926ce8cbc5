// The editor's "Connection behaviour" (keep alive, clean session/start, session expiry,
// timeouts) and "MQTT 5.0 properties" (the CONNECT properties) sections.
import { advancedSummary, propertiesSummary } from '../../lib/profile-form-notes';
import { CheckControl, NumberControl, SelectControl, triStateOptions, type EditorBinding } from './editor-controls';
import { EditorSection } from './editor-section';
import { KeyValueList } from './key-value-list';

interface SectionProps {
  b: EditorBinding;
  open: boolean;
  problems: number;
  onToggle(): void;
}

export function BehaviourSection({ b, open, problems, onToggle }: SectionProps) {
  const v5 = b.form.protocolVersion === 5;
  return (
    <EditorSection title="Connection behaviour" summary={advancedSummary(b.form)} problems={problems} open={open} onToggle={onToggle}>
      <div className="editor-grid">
        <NumberControl b={b} k="keepalive" label="Keep alive (s)" min={0} max={65535} placeholder="60" hint="0 = no PINGREQ; the broker may set its own (5.0)." />
        <NumberControl b={b} k="connectTimeout" label="Connect timeout (ms)" min={100} max={600000} placeholder="10000" />
        <NumberControl b={b} k="reconnectPeriod" label="Reconnect period (ms)" min={0} max={3600000} placeholder="1000" hint="First retry after a lost connection, then backing off; 0 = off." />
      </div>
      {v5 ? (
        <div className="editor-grid">
          <CheckControl b={b} k="clean" label="Clean start" hint="Off: resume the session the broker kept for this client id." />
          <NumberControl
            b={b}
            k="sessionExpiryInterval"
            label="Session expiry interval (s)"
            min={0}
            max={4294967295}
            placeholder="not sent (0)"
            hint="How long the broker keeps the session after the connection closes; 4294967295 = never expires."
          />
        </div>
      ) : (
        <CheckControl b={b} k="clean" label="Clean session" hint="Off: the broker keeps the subscriptions and queued QoS 1/2 messages of this client id between connections." />
      )}
    </EditorSection>
  );
}

export function PropertiesSection({ b, open, problems, onToggle }: SectionProps) {
  if (b.form.protocolVersion !== 5) {
    return <p className="editor-section-off muted">MQTT 5.0 properties: choose MQTT version 5.0 to send them.</p>;
  }
  return (
    <EditorSection title="MQTT 5.0 properties" summary={propertiesSummary(b.form)} problems={problems} open={open} onToggle={onToggle}>
      <div className="editor-grid">
        <NumberControl b={b} k="properties.receiveMaximum" label="Receive Maximum" min={1} max={65535} placeholder="65535" hint="QoS 1/2 messages the broker may send before we acknowledge." />
        <NumberControl b={b} k="properties.maximumPacketSize" label="Maximum Packet Size (bytes)" min={1} max={4294967295} placeholder="no limit" />
        <NumberControl b={b} k="properties.topicAliasMaximum" label="Topic Alias Maximum" min={0} max={65535} placeholder="0" hint="Aliases the broker may use towards us." />
      </div>
      <div className="editor-grid">
        <SelectControl b={b} k="properties.requestResponseInformation" label="Request Response Information" options={triStateOptions} />
        <SelectControl b={b} k="properties.requestProblemInformation" label="Request Problem Information" options={triStateOptions} hint="no: the broker leaves out reason strings." />
      </div>
      <KeyValueList b={b} k="properties.userProperties" legend="User properties" />
    </EditorSection>
  );
}
