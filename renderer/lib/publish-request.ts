// Request and response: the reply topic, correlation and matching the user chose,
// checked and turned into sendRequest's fields, and the outcome in words.
import type { ProtocolVersion } from '../../shared/contract';
import type { ReplyMatch, RequestOutcome } from '../../shared/publish-contract';
import { topicNameProblem } from '../../shared/topic';
import { formatCount } from './format-number';
import { wholeNumber } from './number-text';
import { lengthProblem } from './text-checks';
import type { FieldProblems } from './publish-message';

export type ReplyMode = ReplyMatch['kind'];

export interface RequestDraft {
  /** null: follows the topic as `<topic>/reply` until the user edits it. */
  replyTopic: string | null;
  /** Empty until the section first shows: then a random one, which the user may edit. */
  correlation: string;
  /** null: the default for the connection's MQTT version. */
  mode: ReplyMode | null;
  responseTopicKey: string;
  correlationKey: string;
  timeoutMs: string;
}

export const defaultRequestDraft: RequestDraft = {
  replyTopic: null,
  correlation: '',
  mode: null,
  responseTopicKey: 'replyTo',
  correlationKey: 'correlationId',
  timeoutMs: '5000',
};

export function defaultReplyTopic(topic: string): string {
  return topic === '' ? '' : `${topic.replace(/\/+$/, '')}/reply`;
}

export function replyTopicOf(d: RequestDraft, topic: string): string {
  return d.replyTopic ?? defaultReplyTopic(topic);
}

/** 5.0 has properties made for this; 3.x can only carry them inside the payload. */
export function replyModeOf(d: RequestDraft, version: ProtocolVersion): ReplyMode {
  if (version !== 5) return 'json-fields';
  return d.mode ?? 'properties';
}

/** 16 random hex digits: unique enough to tell this request's reply from any other. */
export function newCorrelation(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return [...random(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface RequestSpec {
  responseTopic: string;
  correlation: string;
  match: ReplyMatch;
  timeoutMs: number;
}

/** Problems keyed as the core names them: responseTopic, correlation, match.*, timeoutMs. */
export function buildRequestSpec(d: RequestDraft, topic: string, version: ProtocolVersion): { spec: RequestSpec | null; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const responseTopic = replyTopicOf(d, topic);
  const topicProblem = topicNameProblem(responseTopic);
  if (topicProblem) problems.responseTopic = `Reply topic: ${topicProblem}`;
  else if (responseTopic === topic) problems.responseTopic = 'The reply topic is the request topic itself: the request would be taken for its own reply.';
  const correlationProblem = d.correlation === '' ? 'The correlation is empty; it is what tells this request’s reply from others.' : lengthProblem(d.correlation, 65_535, 'The correlation');
  if (correlationProblem) problems.correlation = correlationProblem;
  const mode = replyModeOf(d, version);
  let match: ReplyMatch = { kind: 'properties' };
  if (mode === 'json-fields') {
    const keyProblem = (key: string, what: string) => (key.trim() === '' ? `Name the JSON field that carries the ${what}.` : lengthProblem(key.trim(), 200, 'The field name'));
    const topicKey = keyProblem(d.responseTopicKey, 'reply topic');
    if (topicKey) problems['match.responseTopicKey'] = topicKey;
    const correlationKey = keyProblem(d.correlationKey, 'correlation');
    if (correlationKey) problems['match.correlationKey'] = correlationKey;
    match = { kind: 'json-fields', responseTopicKey: d.responseTopicKey.trim(), correlationKey: d.correlationKey.trim() };
  }
  const timeoutMs = wholeNumber(d.timeoutMs, 100, 600_000);
  if (timeoutMs === null) problems.timeoutMs = 'The timeout is a whole number of milliseconds from 100 to 600,000 (10 minutes).';
  const ok = Object.keys(problems).length === 0 && timeoutMs !== null;
  return { spec: ok ? { responseTopic, correlation: d.correlation, match, timeoutMs } : null, problems };
}

/** Round-trip times: a tenth of a millisecond below 100 ms, whole milliseconds above. */
export function formatRtt(ms: number): string {
  return ms < 100 ? `${(Math.round(ms * 10) / 10).toFixed(1)} ms` : `${formatCount(Math.round(ms))} ms`;
}

export function outcomeText(o: RequestOutcome, timeoutMs: number): string {
  return o.kind === 'reply' ? `Reply in ${formatRtt(o.rttMs)}` : `No reply within ${formatCount(timeoutMs)} ms`;
}
