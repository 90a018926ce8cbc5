// Fetches the two messages of a comparison and diffs their payloads, older first.
import { decodeBase64 } from '../../shared/base64';
import type { MessageDetail, ScopeApi } from '../../shared/contract';
import { diffPayloads, type PayloadDiff } from '../../shared/payload-diff';

export interface LoadedDiff {
  before: MessageDetail;
  after: MessageDetail;
  diff: PayloadDiff;
  /** The core sends the head of a very large payload: then only that much was compared. */
  comparedBytes: { before: number; after: number };
}

export async function loadDiff(api: ScopeApi, connectionId: string, topic: string, seqs: [number, number]): Promise<LoadedDiff> {
  const [older, newer] = [Math.min(...seqs), Math.max(...seqs)];
  const [before, after] = await Promise.all([api.getMessage({ connectionId, topic, seq: older }), api.getMessage({ connectionId, topic, seq: newer })]);
  const gone = !before ? older : !after ? newer : null;
  if (gone !== null || !before || !after) throw new Error(`Message #${gone} is no longer kept in the history (the limits evicted it).`);
  const beforeBytes = decodeBase64(before.payloadBase64);
  const afterBytes = decodeBase64(after.payloadBase64);
  return { before, after, diff: diffPayloads(beforeBytes, afterBytes), comparedBytes: { before: beforeBytes.length, after: afterBytes.length } };
}

/** A JSON value in one line, cut to a readable length. */
export function shortJson(value: unknown, max = 120): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
