// What the publish panel's buttons do: check the form here first (nothing is sent
// while a field has a problem), then ask the core, and put its answer or its error
// (at the field it names) into the publish store.
import type { ConnectionSummary, ScopeApi } from '../../../shared/contract';
import type { PublishMessage } from '../../../shared/publish-contract';
import { openFlowInTimeline } from '../../app/capture-actions';
import { errorMessage, formErrorsFrom } from '../../lib/form-errors';
import { draftFromMessage } from '../../lib/publish-draft';
import { buildPublishMessage, publishFieldNames, publishTarget } from '../../lib/publish-message';
import { parseRepeat } from '../../lib/publish-repeat';
import { buildRequestSpec } from '../../lib/publish-request';
import { lengthProblem } from '../../lib/text-checks';
import { usePublishStore } from '../../stores/publish-store';

/** The message of the form, or null after putting its problems at their fields. */
function messageOf(connection: ConnectionSummary, extraProblems: Record<string, string> = {}): PublishMessage | null {
  const s = usePublishStore.getState();
  const built = buildPublishMessage(s.draft, publishTarget(connection));
  const problems = { ...built.problems, ...extraProblems };
  if (built.message === null || Object.keys(problems).length > 0) {
    s.setAttempt(problems);
    return null;
  }
  return built.message;
}

function reportFailure(err: unknown): void {
  const s = usePublishStore.getState();
  const { fields, general } = formErrorsFrom(err, publishFieldNames(s.draft.properties.userProperties.length));
  s.setAttempt(fields, general);
}

async function run(work: () => Promise<void>): Promise<void> {
  const s = usePublishStore.getState();
  if (s.busy) return;
  s.setBusy(true);
  try {
    await work();
  } catch (err) {
    reportFailure(err);
  } finally {
    usePublishStore.getState().setBusy(false);
  }
}

export function publishNow(api: ScopeApi, connection: ConnectionSummary): Promise<void> {
  // The status speaks of the latest attempt only: a refused one must not leave "Published to…" standing.
  usePublishStore.getState().setPublished(null);
  const message = messageOf(connection);
  if (!message) return Promise.resolve();
  usePublishStore.getState().setAttempt({});
  return run(async () => {
    const result = await api.publish({ connectionId: connection.id, ...message });
    usePublishStore.getState().setPublished({ topic: message.topic, size: result.size, flowId: result.flowId });
  });
}

export function startRepeat(api: ScopeApi, connection: ConnectionSummary): Promise<void> {
  const repeat = parseRepeat(usePublishStore.getState().repeatDraft);
  const message = messageOf(connection, repeat.problems);
  if (!message || !repeat.value) return Promise.resolve();
  usePublishStore.getState().setAttempt({});
  return run(async () => {
    const { repeatId } = await api.startRepeat({ connectionId: connection.id, ...message, ...repeat.value! });
    usePublishStore.getState().setOwnRepeat(repeatId);
  });
}

export async function stopRepeat(api: ScopeApi, repeatId: string): Promise<void> {
  try {
    await api.stopRepeat({ repeatId });
  } catch (err) {
    usePublishStore.getState().setAttempt({}, `Could not stop the repeat: ${errorMessage(err)}`);
  }
}

export async function sendRequest(api: ScopeApi, connection: ConnectionSummary): Promise<void> {
  const s = usePublishStore.getState();
  if (s.requestRun.kind === 'waiting') return;
  const request = buildRequestSpec(s.request, s.draft.topic, connection.protocolVersion);
  const message = messageOf(connection, request.problems);
  if (!message || !request.spec) return;
  const spec = request.spec;
  s.setAttempt({});
  // Not `busy`: publishing on while a request waits for its reply is fine.
  s.setRequestRun({ kind: 'waiting', replyTopic: spec.responseTopic, timeoutMs: spec.timeoutMs });
  try {
    const outcome = await api.sendRequest({ connectionId: connection.id, ...message, ...spec });
    usePublishStore.getState().setRequestRun({ kind: 'done', outcome, timeoutMs: spec.timeoutMs });
    usePublishStore.getState().setPublished({ topic: message.topic, size: outcome.request.size, flowId: outcome.request.flowId });
  } catch (err) {
    usePublishStore.getState().setRequestRun({ kind: 'idle' });
    reportFailure(err);
  }
}

/** null when the Timeline shows the flow; otherwise why it cannot. */
export async function showHandshake(api: ScopeApi, flowId: number): Promise<string | null> {
  try {
    const flow = await api.getFlow({ id: flowId });
    if (!flow) return `Flow #${flowId} is no longer kept: the capture buffer evicted it.`;
    openFlowInTimeline(api, flow);
    return null;
  } catch (err) {
    return `Could not load flow #${flowId}: ${errorMessage(err)}`;
  }
}

export async function loadLibrary(api: ScopeApi, connectionId: string): Promise<void> {
  try {
    const library = await api.getPublishLibrary({ connectionId });
    usePublishStore.getState().setLibrary(connectionId, library);
  } catch (err) {
    usePublishStore.getState().setLibraryError(`Could not load the publish library: ${errorMessage(err)}`);
  }
}

/** Saves the form under a name; false when nothing was saved (the problems are shown). */
export async function saveAs(api: ScopeApi, connection: ConnectionSummary, name: string): Promise<boolean> {
  // savePublish takes names up to 200 characters.
  const problem = name.trim() === '' ? 'Give the saved message a name.' : lengthProblem(name.trim(), 200, 'The name');
  const nameProblem: Record<string, string> = problem ? { name: problem } : {};
  const message = messageOf(connection, nameProblem);
  if (!message) return false;
  try {
    const library = await api.savePublish({ connectionId: connection.id, name: name.trim(), message });
    usePublishStore.getState().setLibrary(connection.id, library);
    usePublishStore.getState().setAttempt({});
    return true;
  } catch (err) {
    reportFailure(err);
    return false;
  }
}

export async function deleteSaved(api: ScopeApi, connectionId: string, name: string): Promise<void> {
  try {
    usePublishStore.getState().setLibrary(connectionId, await api.deleteSavedPublish({ connectionId, name }));
  } catch (err) {
    usePublishStore.getState().setLibraryError(`Could not delete ${name}: ${errorMessage(err)}`);
  }
}

export async function clearHistory(api: ScopeApi, connectionId: string): Promise<void> {
  try {
    usePublishStore.getState().setLibrary(connectionId, await api.clearPublishHistory({ connectionId }));
  } catch (err) {
    usePublishStore.getState().setLibraryError(`Could not clear the history: ${errorMessage(err)}`);
  }
}

/** Puts a message of the library into the form. */
export function loadIntoForm(message: PublishMessage, payloadOmitted: number | null): void {
  const s = usePublishStore.getState();
  s.edit(() => draftFromMessage(message, payloadOmitted));
  s.setAttempt({});
  s.setPublished(null);
}
