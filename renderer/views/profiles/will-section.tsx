// The last will: what the broker publishes for us when we vanish without a DISCONNECT.
import { willSummary } from '../../lib/profile-form-notes';
import { CheckControl, NumberControl, SelectControl, TextAreaControl, TextControl, type EditorBinding } from './editor-controls';
import { EditorSection } from './editor-section';
import { KeyValueList } from './key-value-list';

const qosOptions = [
  [0, '0 · at most once'],
  [1, '1 · at least once'],
  [2, '2 · exactly once'],
] as const;
const encodingOptions = [
  ['utf8', 'text (UTF-8)'],
  ['base64', 'bytes (base64)'],
] as const;
const formatOptions = [
  ['unset', 'not sent'],
  ['bytes', '0 · unspecified bytes'],
  ['utf8', '1 · UTF-8 text'],
] as const;

export function WillSection({ b, open, problems, onToggle }: { b: EditorBinding; open: boolean; problems: number; onToggle(): void }) {
  const w = b.form.will;
  const v5 = b.form.protocolVersion === 5;
  return (
    <EditorSection title="Last will" summary={willSummary(b.form)} problems={problems} open={open} onToggle={onToggle}>
      <CheckControl b={b} k="will.enabled" label="Send a will message" hint="The broker publishes it if this connection drops without a DISCONNECT." />
      {w.enabled && (
        <>
          <div className="editor-grid">
            <TextControl b={b} k="will.topic" label="Will topic" mono className="span-2" placeholder="devices/42/status" />
            <SelectControl b={b} k="will.qos" label="Will QoS" options={qosOptions} />
          </div>
          <TextAreaControl b={b} k="will.payload" label="Will payload" rows={2} />
          <div className="editor-grid">
            <SelectControl b={b} k="will.encoding" label="Payload encoding" options={encodingOptions} />
            <CheckControl b={b} k="will.retain" label="Retain the will" className="after-label" />
          </div>
          {v5 && (
            <>
              <div className="editor-grid">
                <NumberControl b={b} k="will.willDelayInterval" label="Will delay (s)" min={0} max={4294967295} placeholder="0" hint="A reconnect within the delay cancels the will." />
                <NumberControl b={b} k="will.messageExpiryInterval" label="Message expiry (s)" min={0} max={4294967295} placeholder="never" />
                <SelectControl b={b} k="will.payloadFormat" label="Payload format indicator" options={formatOptions} />
              </div>
              <div className="editor-grid">
                <TextControl b={b} k="will.contentType" label="Content type" placeholder="application/json" />
                <TextControl b={b} k="will.responseTopic" label="Response topic" mono />
                <TextControl b={b} k="will.correlationData" label="Correlation data (base64)" mono />
              </div>
              <KeyValueList b={b} k="will.userProperties" legend="Will user properties" />
            </>
          )}
        </>
      )}
    </EditorSection>
  );
}
