// Our own export format, as ProfileStore.exportAll writes it. Profiles keep their ids
// when no profile has them yet, so exporting and importing on another machine keeps the
// same ids (and their secrets, when the export included them).
import type { ProfileInput } from '../../../../shared/profile';
import { UserInputError } from '../../../../shared/rpc';
import { isObject, text, type ImportCandidate, type Json, type ParsedImport } from './import-types';

export const exportFormatName = 'mqtt-scope-profiles';
export const exportFormatVersion = 1;

export function looksLikeMqttScope(data: unknown): boolean {
  return isObject(data) && data.format === exportFormatName;
}

export function parseMqttScope(data: Json): ParsedImport {
  if (data.version !== exportFormatVersion) {
    throw new UserInputError(
      `This MQTT Scope export has format version ${String(data.version)}; this version of MQTT Scope reads version ${exportFormatVersion}. Update MQTT Scope to import it.`,
      'file',
    );
  }
  if (!Array.isArray(data.profiles)) throw new UserInputError('This MQTT Scope export has no list of profiles.', 'file');
  const out: ParsedImport = { format: 'mqtt-scope', candidates: [], skipped: [] };
  for (const p of data.profiles) {
    if (!isObject(p)) {
      out.skipped.push({ name: '(unnamed)', reason: 'Not a profile object.' });
      continue;
    }
    const name = text(p.name) ?? '(unnamed)';
    const candidate: ImportCandidate = { name, id: typeof p.id === 'string' ? p.id : undefined, input: { ...p } as ProfileInput, files: [], notes: [] };
    delete (candidate.input as Json).id;
    out.candidates.push(candidate);
  }
  return out;
}
