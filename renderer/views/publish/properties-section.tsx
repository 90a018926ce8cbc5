// The MQTT 5.0 PUBLISH properties (§3.3.2.3). Only on 5.0 connections: the toggle says
// why it is off on 3.x, and what is filled in here is not sent there.
import type { ReactNode } from 'react';
import type { CorrelationEncoding, PropertiesDraft } from '../../lib/publish-draft';
import { formatCount } from '../../lib/format-number';
import type { FieldProblems } from '../../lib/publish-message';
import { usePublishStore } from '../../stores/publish-store';
import { Field } from '../field';
import { SegmentedChoice, type Choice } from './segmented-choice';
import { PublishSectionBox } from './section-toggles';
import { UserProperties } from './user-properties';

const encodings: readonly Choice<CorrelationEncoding>[] = [
  { value: 'text', label: 'Text' },
  { value: 'hex', label: 'Hex' },
];

export function PropertiesSection({ problems, topicAliasMaximum }: { problems: FieldProblems; topicAliasMaximum: number | null }) {
  const p = usePublishStore((s) => s.draft.properties);
  const edit = usePublishStore((s) => s.edit);
  const set = (change: Partial<PropertiesDraft>, field: string) => edit((d) => ({ ...d, properties: { ...d.properties, ...change } }), field, 'properties');
  const text = (k: 'contentType' | 'responseTopic', field: string, label: string, placeholder: string, mono = false): ReactNode => (
    <Field label={label} error={problems[field]}>
      {(f) => <input {...f} className={mono ? 'mono' : undefined} value={p[k]} placeholder={placeholder} spellCheck={false} autoComplete="off" onChange={(e) => set({ [k]: e.target.value }, field)} />}
    </Field>
  );
  const aliasHint =
    topicAliasMaximum === null
      ? 'Broker’s maximum not known yet'
      : topicAliasMaximum === 0
        ? 'This broker allows none (maximum 0)'
        : `This broker allows 1 to ${formatCount(topicAliasMaximum)}`;
  const utf8Problem = problems['properties.payloadFormatIndicator'];

  return (
    <PublishSectionBox section="properties" heading="MQTT 5.0 properties">
      {problems.properties && (
        <p className="form-error" role="alert">
          {problems.properties}
        </p>
      )}
      <div className="publish-grid">
        {text('contentType', 'properties.contentType', 'Content type', 'application/json')}
        <Field label="Message expiry (s)" error={problems['properties.messageExpiryInterval']}>
          {(f) => (
            <input {...f} type="number" inputMode="numeric" min={0} max={4294967295} step={1} placeholder="never" value={p.messageExpiry} onChange={(e) => set({ messageExpiry: e.target.value }, 'properties.messageExpiryInterval')} />
          )}
        </Field>
        <Field label="Topic alias" error={problems['properties.topicAlias']} hint={aliasHint}>
          {(f) => (
            <input {...f} type="number" inputMode="numeric" min={1} max={65535} step={1} placeholder="none" value={p.topicAlias} onChange={(e) => set({ topicAlias: e.target.value }, 'properties.topicAlias')} />
          )}
        </Field>
        {text('responseTopic', 'properties.responseTopic', 'Response topic', 'devices/thermostat-1/reply', true)}
        <div className="field span-2">
          <div className="field-label-row">
            <label htmlFor="publish-correlation-data">Correlation data</label>
            <SegmentedChoice label="Correlation data as" value={p.correlationEncoding} choices={encodings} onChange={(v) => set({ correlationEncoding: v }, 'properties.correlationData')} />
          </div>
          <input
            id="publish-correlation-data"
            className="mono"
            value={p.correlation}
            placeholder={p.correlationEncoding === 'hex' ? '01 02 0a ff' : 'request-42'}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problems['properties.correlationData'] ? true : undefined}
            aria-describedby={problems['properties.correlationData'] ? 'publish-correlation-data-message' : undefined}
            title={p.correlationEncoding === 'hex' ? 'Bytes as hex digits' : 'Sent as its UTF-8 bytes'}
            onChange={(e) => set({ correlation: e.target.value }, 'properties.correlationData')}
          />
          {problems['properties.correlationData'] && (
            <p id="publish-correlation-data-message" className="field-error">
              {problems['properties.correlationData']}
            </p>
          )}
        </div>
      </div>
      <div className="check-field utf8-field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={p.payloadIsUtf8}
            aria-invalid={utf8Problem ? true : undefined}
            aria-describedby="publish-utf8-message"
            onChange={(e) => set({ payloadIsUtf8: e.target.checked }, 'properties.payloadFormatIndicator')}
          />
          <span>Payload is UTF-8</span>
        </label>
        <p id="publish-utf8-message" className={utf8Problem ? 'field-error' : 'field-hint'}>
          {utf8Problem ?? 'Payload Format Indicator 1; unchecked, it is left out (unspecified bytes).'}
        </p>
      </div>
      <UserProperties problems={problems} />
    </PublishSectionBox>
  );
}
