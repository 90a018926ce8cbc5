// Turns what an importer read into profiles ready to save: each gets an id (its own
// when free), its embedded certificates a file path, and is validated like any profile
// the user saves. What fails validation is skipped with the reason; what could not be
// carried over is listed in `notes`.
import path from 'node:path';
import { generateProfileId, PROFILE_ID_PATTERN, ProfileInputSchema, type ParsedProfileInput, type ProfileView } from '../../../shared/profile';
import type { EmbeddedFile, ImportFormat, ImportNote, ParsedImport } from './importers/import-types';

export interface ImportResult {
  format: ImportFormat;
  imported: ProfileView[];
  skipped: { name: string; reason: string }[];
  /** Settings that could not be carried over, or were converted, per profile and field. */
  notes: ImportNote[];
}

const slotPrefix: Record<EmbeddedFile['slot'], string> = { caFile: 'ca', certFile: 'cert', keyFile: 'key' };

export interface ImportPlan {
  entries: { id: string; input: ParsedProfileInput }[];
  files: { path: string; data: Buffer }[];
  result: ImportResult;
}

export function importCandidates(parsed: ParsedImport, taken: (id: string) => boolean, certificateDir: (id: string) => string): ImportPlan {
  const plan: ImportPlan = { entries: [], files: [], result: { format: parsed.format, imported: [], skipped: [...parsed.skipped], notes: [] } };
  const chosen = new Set<string>();
  for (const candidate of parsed.candidates) {
    const own = candidate.id;
    const id = own && PROFILE_ID_PATTERN.test(own) && !taken(own) && !chosen.has(own) ? own : generateProfileId();
    const tls = { ...candidate.input.tls };
    const files = candidate.files.map((f) => {
      const file = path.join(certificateDir(id), `${slotPrefix[f.slot]}-${f.fileName}`);
      tls[f.slot] = file;
      return { path: file, data: f.data };
    });
    const result = ProfileInputSchema.safeParse({ ...candidate.input, id, tls });
    if (!result.success) {
      const reasons = result.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'profile'}: ${i.message}`);
      const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : '';
      plan.result.skipped.push({ name: candidate.name, reason: `${reasons.join('; ')}${more}` });
      continue;
    }
    chosen.add(id);
    plan.entries.push({ id, input: result.data });
    plan.files.push(...files);
    plan.result.notes.push(...candidate.notes);
    for (const f of candidate.files) {
      const file = tls[f.slot]!;
      plan.result.notes.push({ name: candidate.name, field: `tls.${f.slot}`, message: `A certificate embedded in the file was saved as ${file} (readable by your user account only).` });
    }
  }
  return plan;
}
