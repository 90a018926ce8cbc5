// Publish to the shown connection, under the topic tree. The topic follows the tree's
// selection, since the usual move is "answer this device on its own topic". The
// sections (5.0 properties, repeat, request/response, library) start closed so the
// tree keeps its room; closed, each still says what matters inside it.
import { useEffect, useMemo, type FormEvent, type KeyboardEvent } from 'react';
import type { ProtocolVersion } from '../../../shared/contract';
import { useApi } from '../../app/api-context';
import { useSelectedConnection } from '../../hooks/use-selected-connection';
import { buildPublishMessage, liveProblems, publishTarget } from '../../lib/publish-message';
import { propertiesSetCount } from '../../lib/publish-draft';
import { parseRepeat, repeatProgressText, repeatToShow } from '../../lib/publish-repeat';
import { buildRequestSpec, formatRtt } from '../../lib/publish-request';
import { problemsBySection } from '../../lib/publish-sections';
import { selectedTopicOf, useSelectionStore } from '../../stores/selection-store';
import { usePublishStore, type PublishState, type RequestRun } from '../../stores/publish-store';
import { Field } from '../field';
import { QosSelect } from '../qos-select';
import { LibrarySection } from './library-section';
import { PayloadEditor } from './payload-editor';
import { PropertiesSection } from './properties-section';
import { publishNow } from './publish-actions';
import { PublishStatus } from './publish-status';
import { RepeatSection } from './repeat-section';
import { RequestSection } from './request-section';
import { SectionToggle } from './section-toggles';
import { TopicField } from './topic-field';
import { usePublishLibrary } from './use-publish-library';

const versionNames = { 3: '3.1', 4: '3.1.1', 5: '5.0' } as const;

export function PublishPanel() {
  const api = useApi();
  const connection = useSelectedConnection();
  const selectedTopic = useSelectionStore(selectedTopicOf);
  const s = usePublishStore();

  useEffect(() => usePublishStore.getState().showConnection(connection?.id ?? null), [connection?.id]);
  useEffect(() => {
    if (selectedTopic !== null) usePublishStore.getState().follow(selectedTopic);
  }, [selectedTopic]);
  usePublishLibrary(api, connection?.id ?? null, s.sections.library);

  const protocolVersion = connection?.protocolVersion ?? 5;
  const aliasMaximum = connection ? publishTarget(connection).topicAliasMaximum : null;
  const built = useMemo(() => buildPublishMessage(s.draft, { protocolVersion, topicAliasMaximum: aliasMaximum }), [s.draft, protocolVersion, aliasMaximum]);
  // Live problems of every section, then the last attempt's (the core's among them) on top.
  const problems = useMemo(
    () => ({
      ...liveProblems(s.draft, built.problems),
      ...parseRepeat(s.repeatDraft).problems,
      ...liveRequestProblems(s, protocolVersion),
      ...s.attempt,
    }),
    [s, built, protocolVersion],
  );
  const sectionProblems = problemsBySection(Object.keys(problems));
  const repeat = repeatToShow(s.repeats, connection?.id ?? null, s.ownRepeatId);
  const propertiesOff = connection && connection.protocolVersion !== 5 ? `off: MQTT ${versionNames[connection.protocolVersion]} has no properties` : null;
  const anyOpen = (s.sections.properties && !propertiesOff) || s.sections.repeat || s.sections.request || (s.sections.library && connection !== null);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (connection) void publishNow(api, connection);
  };
  // Ctrl/Cmd+Enter publishes from anywhere in the panel, as in most consoles.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <section className="publish-panel" aria-label="Publish" onKeyDown={onKeyDown}>
      <div className="panel-header publish-header">
        <h2>Publish</h2>
        {connection && (
          <span className="tag publish-target" title={`Publishes on ${connection.name} (${connection.url})`}>
            MQTT {versionNames[connection.protocolVersion]}
          </span>
        )}
        <div className="section-toggles">
          <SectionToggle section="properties" off={propertiesOff} problems={sectionProblems.properties} summary={countText(propertiesSetCount(s.draft.properties))} />
          <SectionToggle section="repeat" problems={sectionProblems.repeat} summary={repeat?.state === 'running' ? repeatProgressText(repeat) : null} />
          <SectionToggle
            section="request"
            problems={sectionProblems.request}
            summary={requestSummary(s.requestRun)}
          />
          <SectionToggle section="library" problems={sectionProblems.library} />
        </div>
      </div>
      <div className="publish-body">
        <form className="publish-form" onSubmit={submit} noValidate aria-label="Message">
          <div className="publish-row">
            <TopicField connectionId={connection?.id ?? null} problem={problems.topic} />
            <Field label="QoS" error={problems.qos} className="qos-field">
              {(p) => <QosSelect {...p} value={s.draft.qos} onChange={(qos) => s.edit((d) => ({ ...d, qos }), 'qos')} />}
            </Field>
            <label className="checkbox after-label">
              <input type="checkbox" checked={s.draft.retain} onChange={(e) => s.edit((d) => ({ ...d, retain: e.target.checked }), 'retain')} />
              Retain
            </label>
            <button type="submit" className="primary after-label" disabled={s.busy || !connection} title="Ctrl+Enter (⌘+Enter) publishes from anywhere in this panel">
              Publish
            </button>
          </div>
          <PayloadEditor problem={problems.payload} size={built.size} />
        </form>
        <PublishStatus connected={connection !== null} />
      </div>
      {/* Only the sections scroll: the message and its Publish button stay in view. */}
      {anyOpen && (
        <div className="publish-sections">
          {s.sections.properties && !propertiesOff && <PropertiesSection problems={problems} topicAliasMaximum={aliasMaximum} />}
          {s.sections.repeat && <RepeatSection connection={connection} repeat={repeat} problems={problems} />}
          {s.sections.request && <RequestSection connection={connection} problems={problems} />}
          {s.sections.library && connection && <LibrarySection connection={connection} />}
        </div>
      )}
    </section>
  );
}

function countText(n: number): string | null {
  return n === 0 ? null : `${n} set`;
}

function requestSummary(run: RequestRun): string | null {
  switch (run.kind) {
    case 'idle':
      return null;
    case 'waiting':
      return 'waiting…';
    case 'done':
      return run.outcome.kind === 'reply' ? formatRtt(run.outcome.rttMs) : 'no reply';
  }
}

/** The request's problems worth showing while typing: not those of an empty form. */
function liveRequestProblems(s: PublishState, version: ProtocolVersion): Record<string, string> {
  if (!s.sections.request || s.draft.topic === '') return {};
  const { problems } = buildRequestSpec(s.request, s.draft.topic, version);
  if (s.request.correlation === '') delete problems.correlation;
  return problems;
}
