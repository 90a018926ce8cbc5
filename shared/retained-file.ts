// The retained-messages file: a backup taken before a clear and a snapshot to
// compare against later are the same format, so either restores or compares.
// Payloads are base64, so a restore puts back the exact bytes.
import { z } from 'zod';
import { PublishPropertiesSchema, type PublishProperties } from './publish-contract';
import { topicFilterProblem } from './topic';

export const retainedFileFormat = 'mqtt-scope-retained';

const RetainedFileMessageSchema = z.object({
  topic: z.string().min(1).max(65535),
  qos: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  payloadBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'payloadBase64 is not base64'),
  /** 5.0 properties stored with the message; restored on 5.0 connections. */
  properties: PublishPropertiesSchema.optional(),
});
export type RetainedFileMessage = z.infer<typeof RetainedFileMessageSchema>;

const RetainedFileSchema = z.object({
  format: z.literal(retainedFileFormat),
  version: z.literal(1),
  /** ISO time of the save. */
  savedAt: z.string(),
  /** The broker URL (without password) it was taken from. */
  broker: z.string(),
  /** The filter the set was taken under (a compare scans this filter). */
  filter: z.string(),
  name: z.string().optional(),
  messages: z.array(RetainedFileMessageSchema),
});
export type RetainedFile = z.infer<typeof RetainedFileSchema>;

export type RetainedFileParse = { ok: true; file: RetainedFile } | { ok: false; problem: string };

export function parseRetainedFile(text: string): RetainedFileParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `The file is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== retainedFileFormat) {
    return { ok: false, problem: `This is not a retained-messages file of MQTT Scope (its "format" is not "${retainedFileFormat}").` };
  }
  const parsed = RetainedFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `The file does not have the expected shape: ${issue.message} at ${issue.path.join('.') || 'the top level'}.` };
  }
  const filterProblem = topicFilterProblem(parsed.data.filter);
  if (filterProblem) return { ok: false, problem: `The file's filter is not valid: ${filterProblem}` };
  const seen = new Set<string>();
  for (const m of parsed.data.messages) {
    if (seen.has(m.topic)) return { ok: false, problem: `The topic ${m.topic} appears twice in the file; a broker keeps one retained message per topic.` };
    seen.add(m.topic);
  }
  return { ok: true, file: parsed.data };
}

export function serializeRetainedFile(file: Omit<RetainedFile, 'format' | 'version'>): string {
  return `${JSON.stringify({ format: retainedFileFormat, version: 1, ...file }, null, 2)}\n`;
}

export type { PublishProperties };
