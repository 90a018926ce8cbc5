// The part of the profile editor that is always open: name, address, version, client id
// and credentials. Most profiles need nothing else.
import type { ProtocolVersion } from '../../../shared/contract';
import type { BrokerProtocol } from '../../../shared/broker-url';
import { generateClientId, MQTT31_MAX_CLIENT_ID } from '../../../shared/profile';
import { isWebSocketProtocol, withProtocol } from '../../lib/profile-form';
import { secretProtectionText } from '../../lib/profile-form-notes';
import { Field } from '../field';
import { NumberControl, SelectControl, TextControl, type EditorBinding } from './editor-controls';
import { SecretControl } from './secret-control';

const protocolOptions: [BrokerProtocol, string][] = [
  ['mqtt', 'mqtt:// (TCP)'],
  ['mqtts', 'mqtts:// (TLS)'],
  ['ws', 'ws:// (WebSocket)'],
  ['wss', 'wss:// (WebSocket, TLS)'],
];
const versionOptions: [ProtocolVersion, string][] = [
  [3, '3.1'],
  [4, '3.1.1'],
  [5, '5.0'],
];

export function EditorBasics({ b, secretProtection }: { b: EditorBinding; secretProtection: string | null }) {
  const f = b.form;
  return (
    <>
      <TextControl b={b} k="name" label="Name" placeholder="e.g. Plant 5 gateway" />
      <div className="inline-fields">
        <SelectControl
          b={b}
          k="protocol"
          label="Protocol"
          className="protocol-field"
          options={protocolOptions}
          onSelect={(protocol) => b.change((form) => withProtocol(form, protocol), 'protocol', 'path', 'port')}
        />
        <TextControl b={b} k="host" label="Host" className="grow" mono placeholder="broker.example.com or 192.168.1.20" />
        <NumberControl b={b} k="port" label="Port" className="port-field" min={1} max={65535} />
        {isWebSocketProtocol(f.protocol) && <TextControl b={b} k="path" label="WebSocket path" className="path-field" mono placeholder="/mqtt" />}
      </div>
      <div className="inline-fields">
        <SelectControl b={b} k="protocolVersion" label="MQTT version" className="version-field" options={versionOptions} />
        <Field
          label="Client ID"
          error={b.error('clientId')}
          hint={f.protocolVersion === 3 ? `MQTT 3.1 brokers may refuse ids longer than ${MQTT31_MAX_CLIENT_ID} characters.` : 'Kept stable, so a persistent session finds its way back.'}
          className="grow"
        >
          {(p) => (
            <div className="input-with-button">
              <input
                {...p}
                className="mono"
                value={f.clientId}
                spellCheck={false}
                autoComplete="off"
                placeholder="generated when saved"
                onChange={(e) => b.change((form) => ({ ...form, clientId: e.target.value }), 'clientId')}
              />
              <button type="button" className="small" title="Generate a new random client id" onClick={() => b.change((form) => ({ ...form, clientId: generateClientId() }), 'clientId')}>
                Generate
              </button>
            </div>
          )}
        </Field>
      </div>
      <div className="inline-fields">
        <TextControl b={b} k="username" label="Username" className="grow" placeholder="optional" />
        <SecretControl
          b={b}
          k="password"
          storedKey="passwordStored"
          label="Password"
          noun="password"
          className="grow"
          hint={secretProtection ? secretProtectionText(secretProtection) : undefined}
        />
      </div>
    </>
  );
}
