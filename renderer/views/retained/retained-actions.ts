// What the Retained view asks the core, and where each answer goes: pages of the
// index, the selected message, scans, clears (after confirmation), restores, compares.
// A later request wins over an earlier one still on its way.
import type { ScopeApi } from '../../../shared/contract';
import { errorMessage, formErrorsFrom, noErrors, type FormErrors } from '../../lib/form-errors';
import type { RetainedOpKind } from '../../lib/retained-progress';
import { collectTopics } from '../../lib/retained-topics';
import { maxRetainedFileBytes, readTextFile } from '../../lib/text-file';
import type { RowRange } from '../../lib/tree-viewport';
import { useRetainedStore, type ClearRequest } from '../../stores/retained-store';
import { downloadText } from '../download-text';

/**
 * Scans stop well inside the transports' answer time (30 s in web mode), so that a
 * scan of a broker that keeps sending ends with its report ("may be incomplete")
 * rather than with "MQTT Scope did not answer".
 */
export const scanTimeoutMs = 20_000;

const store = () => useRetainedStore.getState();
let pageSerial = 0;

export async function loadPage(api: ScopeApi, connectionId: string, range: RowRange): Promise<void> {
  const serial = ++pageSerial;
  const { filter, search, sort } = store().query;
  try {
    const page = await api.listRetained({ connectionId, filter, search, sort, start: range.start, count: range.count });
    if (serial !== pageSerial || store().connectionId !== connectionId) return;
    store().setPage(page);
    const { detail, selectedTopic } = store();
    const row = page.rows.find((r) => r.topic === selectedTopic);
    // The selected message changed on the broker: show the new bytes.
    if (row && detail.kind === 'loaded' && (row.changedAt !== detail.detail.changedAt || row.qos !== detail.detail.qos)) {
      void loadDetail(api, connectionId, row.topic, true);
    }
  } catch (err) {
    if (serial === pageSerial) store().setPageError(`Could not load the retained messages: ${errorMessage(err)}`);
  }
}

export function selectRetained(api: ScopeApi, connectionId: string, topic: string | null): void {
  // Picking a row means reading it: the panel under the table shows it.
  if (topic !== null) store().setBottomTab('message');
  if (store().selectedTopic === topic) return;
  store().select(topic);
  if (topic === null) store().setDetail({ kind: 'none' });
  else void loadDetail(api, connectionId, topic, false);
}

async function loadDetail(api: ScopeApi, connectionId: string, topic: string, quiet: boolean): Promise<void> {
  if (!quiet) store().setDetail({ kind: 'loading', topic });
  const stillWanted = () => store().selectedTopic === topic && store().connectionId === connectionId;
  try {
    const detail = await api.getRetained({ connectionId, topic });
    if (stillWanted()) store().setDetail(detail ? { kind: 'loaded', topic, detail } : { kind: 'gone', topic });
  } catch (err) {
    if (stillWanted()) store().setDetail({ kind: 'error', topic, message: errorMessage(err) });
  }
}

/** After an operation that may have changed the selected message (or removed it). */
function reloadSelected(api: ScopeApi, connectionId: string): void {
  const { selectedTopic } = store();
  if (selectedTopic !== null && store().connectionId === connectionId) void loadDetail(api, connectionId, selectedTopic, true);
}

async function running<T>(api: ScopeApi, connectionId: string, kind: RetainedOpKind, work: () => Promise<T>): Promise<T> {
  store().setRunning(connectionId, kind);
  try {
    return await work();
  } finally {
    store().setRunning(connectionId, null);
    reloadSelected(api, connectionId);
  }
}

/** Returns the errors to show at the filter field (or beside the Scan button). */
export async function scanRetained(api: ScopeApi, connectionId: string, filter: string): Promise<FormErrors> {
  try {
    const report = await running(api, connectionId, 'scan', () => api.scanRetained({ connectionId, filter, timeoutMs: scanTimeoutMs }));
    store().setScan(connectionId, report);
    return noErrors;
  } catch (err) {
    return formErrorsFrom(err, ['filter']);
  }
}

/** Opens the confirmation of a clear and reads every topic it would clear into it. */
export async function openClear(api: ScopeApi, request: Omit<ClearRequest, 'topics' | 'loadError'>): Promise<void> {
  const pending: ClearRequest = { ...request, topics: null, loadError: null };
  store().setClearRequest(pending);
  const { connectionId, filter, search } = request;
  try {
    const topics = await collectTopics((start, count) => api.listRetained({ connectionId, filter, search, sort: { column: 'topic', descending: false }, start, count }));
    if (store().clearRequest === pending) store().setClearRequest({ ...pending, topics });
  } catch (err) {
    if (store().clearRequest === pending) store().setClearRequest({ ...pending, loadError: errorMessage(err) });
  }
}

/** One topic: nothing to read, the row is the set. */
export function openDelete(connectionId: string, topic: string): void {
  store().setClearRequest({ connectionId, scope: topic, filter: topic, search: '', single: true, topics: [topic], loadError: null });
}

/** Scans the clear's filter from the dialog, then reads its topics again. */
export async function scanForClear(api: ScopeApi, request: ClearRequest): Promise<string | null> {
  const errors = await scanRetained(api, request.connectionId, request.filter);
  const problem = errors.fields.filter ?? errors.general;
  if (problem) return problem;
  if (store().clearRequest === request) await openClear(api, request);
  return null;
}

/** Downloads the messages about to be cleared as a file a restore takes back. */
export async function saveBackup(api: ScopeApi, request: ClearRequest, topics: string[]): Promise<{ fileName: string; count: number }> {
  const { text, fileName, count } = await api.exportRetained({ connectionId: request.connectionId, topics, filter: request.filter });
  downloadText(fileName, text);
  return { fileName, count };
}

export async function runClear(api: ScopeApi, request: ClearRequest, topics: string[]): Promise<void> {
  const { connectionId, scope } = request;
  store().setClearRequest(null);
  store().setClearResult(null);
  try {
    const report = await running(api, connectionId, 'clear', () => api.clearRetained({ connectionId, topics }));
    store().setClearResult({ connectionId, scope, outcome: { ok: true, value: report } });
  } catch (err) {
    store().setClearResult({ connectionId, scope, outcome: { ok: false, message: errorMessage(err) } });
  }
}

export async function restoreFromFile(api: ScopeApi, connectionId: string, file: File): Promise<void> {
  store().setRestore(null, null);
  try {
    const text = await fileText(file);
    const report = await running(api, connectionId, 'restore', () => api.restoreRetained({ connectionId, text }));
    store().setRestore({ connectionId, fileName: file.name, report }, null);
  } catch (err) {
    store().setRestore(null, `${file.name}: ${errorMessage(err)}`);
  }
}

export type CompareSource = { kind: 'snapshot'; id: string; name: string } | { kind: 'file'; file: File };

export async function compareWith(api: ScopeApi, connectionId: string, source: CompareSource): Promise<void> {
  store().setCompare(null, null);
  const errorAt = source.kind === 'file' ? 'file' : source.id;
  try {
    const against = source.kind === 'snapshot' ? ({ kind: 'snapshot', id: source.id } as const) : ({ kind: 'file', text: await fileText(source.file) } as const);
    const diff = await running(api, connectionId, 'compare', () => api.compareRetained({ connectionId, against }));
    const label = source.kind === 'snapshot' ? `snapshot “${source.name}”` : `file ${source.file.name}`;
    store().setCompare({ connectionId, against: label, diff }, null);
  } catch (err) {
    const message = errorMessage(err);
    store().setCompare(null, { source: errorAt, message: source.kind === 'file' ? `${source.file.name}: ${message}` : message });
  }
}

/** The file's text, or an error with the problem (shown, like the core's, with the file's name). */
async function fileText(file: File): Promise<string> {
  const read = await readTextFile(file, maxRetainedFileBytes);
  if (!read.ok) throw new Error(read.problem);
  return read.text;
}

export async function loadSnapshots(api: ScopeApi): Promise<void> {
  try {
    const { snapshots, problem } = await api.listRetainedSnapshots();
    store().setSnapshots({ list: snapshots, problem }, null);
  } catch (err) {
    store().setSnapshots(null, `Could not list the snapshots: ${errorMessage(err)}`);
  }
}

/** Returns the errors to show at the name field (or under the form). */
export async function saveSnapshot(api: ScopeApi, connectionId: string, filter: string, name: string): Promise<FormErrors> {
  try {
    await api.saveRetainedSnapshot({ connectionId, filter, name });
    await loadSnapshots(api);
    return noErrors;
  } catch (err) {
    return formErrorsFrom(err, ['name']);
  }
}

export async function downloadSnapshot(api: ScopeApi, id: string): Promise<string> {
  const { text, fileName } = await api.getRetainedSnapshot({ id });
  downloadText(fileName, text);
  return fileName;
}

export async function deleteSnapshot(api: ScopeApi, id: string): Promise<void> {
  await api.deleteRetainedSnapshot({ id });
  await loadSnapshots(api);
}
