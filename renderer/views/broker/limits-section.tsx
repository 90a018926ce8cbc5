// The broker's limits. Each says what a client meets when it crosses it, since that is
// what someone debugging a device sees first: a DISCONNECT with a reason code.
import { MQTT_MAX_PACKET_BYTES } from '../../../shared/broker-settings';
import { packetBytes, packetSizeUnits, type PacketSizeUnit } from '../../lib/broker-form';
import { formatBytes, formatCount } from '../../lib/format-number';
import type { BrokerBinding } from './broker-binding';
import { BrokerSection } from './broker-section';
import { NumberField } from './number-field';

type LimitsForm = BrokerBinding['form']['limits'];

export function LimitsSection({ b }: { b: BrokerBinding }) {
  const limits = b.form.limits;
  const edit = (change: Partial<LimitsForm>, key: string) => b.change((f) => ({ ...f, limits: { ...f.limits, ...change } }), key);
  const bytes = packetBytes(limits);
  const sizeNote = Number.isFinite(bytes) && limits.packetSizeUnit !== 'bytes' ? `${formatCount(bytes)} bytes. ` : '';
  const summary = Number.isFinite(bytes) ? `packets up to ${formatBytes(bytes)} · ${limits.maxInflight} in flight · ${limits.maxConnections} connections` : undefined;

  return (
    <BrokerSection title="Limits" summary={summary}>
      <div className="editor-grid">
        <NumberField
          label="Maximum packet size"
          min={1}
          max={MQTT_MAX_PACKET_BYTES}
          value={limits.maxPacketSize}
          onChange={(maxPacketSize) => edit({ maxPacketSize }, 'limits.maxPacketBytes')}
          error={b.error('limits.maxPacketBytes')}
          hint={`${sizeNote}Told to 5.0 clients in CONNACK; a bigger packet closes the connection (5.0: DISCONNECT 0x95).`}
          after={
            <select aria-label="Packet size unit" value={limits.packetSizeUnit} onChange={(e) => edit({ packetSizeUnit: e.target.value as PacketSizeUnit }, 'limits.maxPacketBytes')}>
              {Object.keys(packetSizeUnits).map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          }
        />
        <NumberField
          label="In-flight messages per client"
          min={1}
          max={65535}
          value={limits.maxInflight}
          onChange={(maxInflight) => edit({ maxInflight }, 'limits.maxInflight')}
          error={b.error('limits.maxInflight')}
          hint="QoS 2 messages a client may have unreleased; sent as Receive Maximum. More: DISCONNECT 0x93."
        />
        <NumberField
          label="Maximum connections"
          min={10}
          max={100000}
          value={limits.maxConnections}
          onChange={(maxConnections) => edit({ maxConnections }, 'limits.maxConnections')}
          error={b.error('limits.maxConnections')}
          hint="Past it, new connections are refused (the app’s own included)."
        />
      </div>
    </BrokerSection>
  );
}
