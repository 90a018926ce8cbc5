// Reading profiles.json: either its profiles, or why it cannot be used (the store then
// sets it aside and says so). A file with one bad profile is unusable as a whole: using
// the rest would drop that profile at the next save, without a word.
import fs from 'node:fs';
import { z } from 'zod';
import { StoredProfileSchema, type StoredProfile } from '../../../shared/profile';
import { osReason } from './atomic-file';
import { exportFormatName, exportFormatVersion } from './importers/mqtt-scope';

const EnvelopeSchema = z.object({
  format: z.literal(exportFormatName),
  version: z.number(),
  profiles: z.array(z.unknown()),
  /** Presets the user removed from the list. */
  hiddenPresets: z.array(z.string()).default([]),
});

export interface ProfilesFileContent {
  profiles: StoredProfile[];
  hiddenPresets: string[];
}

export type ProfilesFileRead = { kind: 'missing' } | { kind: 'ok'; content: ProfilesFileContent } | { kind: 'unusable'; why: string; unreadable: boolean };

export function readProfilesFile(file: string): ProfilesFileRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unusable', why: `it could not be read: ${osReason(err)}`, unreadable: true };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { kind: 'unusable', why: `it is not valid JSON: ${(err as Error).message}`, unreadable: false };
  }
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success) return { kind: 'unusable', why: 'it is not an MQTT Scope profile list', unreadable: false };
  const { version, profiles, hiddenPresets } = envelope.data;
  if (version !== exportFormatVersion) {
    return { kind: 'unusable', why: `it has format version ${version}, written by a newer MQTT Scope; this one reads version ${exportFormatVersion}`, unreadable: false };
  }
  const parsed: StoredProfile[] = [];
  const ids = new Set<string>();
  for (const [i, raw] of profiles.entries()) {
    const result = StoredProfileSchema.safeParse(raw);
    const label = `profile ${i + 1}${typeof (raw as { name?: unknown })?.name === 'string' ? ` ('${(raw as { name: string }).name}')` : ''}`;
    if (!result.success) {
      const issue = result.error.issues[0];
      return { kind: 'unusable', why: `${label} is not valid: ${issue.path.join('.') || 'profile'}: ${issue.message}`, unreadable: false };
    }
    if (ids.has(result.data.id)) return { kind: 'unusable', why: `${label} repeats the id ${result.data.id}`, unreadable: false };
    ids.add(result.data.id);
    parsed.push(result.data);
  }
  return { kind: 'ok', content: { profiles: parsed, hiddenPresets } };
}

export function serializeProfilesFile(content: ProfilesFileContent): string {
  return `${JSON.stringify({ format: exportFormatName, version: exportFormatVersion, profiles: content.profiles, hiddenPresets: content.hiddenPresets }, null, 2)}\n`;
}
