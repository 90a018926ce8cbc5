// Connection profiles in <dataDir>/profiles.json, their secrets in the secret store.
// Every change is written atomically, the previous file kept as profiles.json.bak. A
// file that cannot be used is set aside (profiles.json.unreadable-<time>), reported in
// `problem`, and replaced by the backup when that one is good; it is never overwritten.
import fs from 'node:fs';
import path from 'node:path';
import { isPresetId, publicPresets } from '../../../shared/profile-presets';
import {
  generateProfileId,
  ProfileInputSchema,
  type ConnectionProfile,
  type ParsedProfileInput,
  type ProfileView,
  type SecretField,
  type StoredProfile,
} from '../../../shared/profile';
import { UserInputError } from '../../../shared/rpc';
import { osReason, setAside, writeFileAtomic } from './atomic-file';
import { importCandidates, type ImportResult } from './profile-import';
import { readProfilesFile, serializeProfilesFile, type ProfilesFileContent } from './profiles-file';
import { SecretStore, type SecretCipher } from './secret-store';
import { exportFormatName, exportFormatVersion } from './importers/mqtt-scope';
import { parseImportFile } from './importers/detect-import';

export type { ImportResult } from './profile-import';

export interface ProfileStoreOptions {
  dataDir: string;
  cipher: SecretCipher;
  now?: () => number;
}

export interface ProfileExport {
  format: typeof exportFormatName;
  version: typeof exportFormatVersion;
  exportedAt: string;
  /** Stored profiles; with includeSecrets, `password` and `tls.keyPassphrase` as text where set. */
  profiles: (StoredProfile | ConnectionProfile)[];
}

export type SecretChanges = Partial<Record<SecretField, string | null>>;

export class ProfileStore {
  readonly file: string;
  readonly secrets: SecretStore;
  private profiles = new Map<string, StoredProfile>();
  private hiddenPresets = new Set<string>();
  private readonly presets = new Map(publicPresets().map((p) => [p.id, p]));
  private fileProblem: string | null = null;
  /** Why saving is refused: an unusable file that could not be set aside is never overwritten. */
  private blocked: string | null = null;

  private constructor(private readonly options: ProfileStoreOptions) {
    this.file = path.join(options.dataDir, 'profiles.json');
    this.secrets = SecretStore.open(options.dataDir, options.cipher, options.now);
  }

  static open(options: ProfileStoreOptions): ProfileStore {
    const store = new ProfileStore(options);
    store.load();
    return store;
  }

  /** What went wrong reading the files, in words for the UI; null when nothing did. */
  get problem(): string | null {
    const problems = [this.fileProblem, this.secrets.problem].filter((p): p is string => p !== null);
    return problems.length > 0 ? problems.join(' ') : null;
  }

  /** Saved profiles in the order they were created, then the public presets not removed or replaced. */
  list(): ProfileView[] {
    const presets = [...this.presets.values()].filter((p) => !this.profiles.has(p.id) && !this.hiddenPresets.has(p.id));
    return [...this.profiles.values(), ...presets].map((p) => this.view(p));
  }

  get(id: string): ProfileView | null {
    const p = this.stored(id);
    return p ? this.view(p) : null;
  }

  /** The profile with its secrets in clear, to connect with; never send this to the renderer. */
  connectionProfile(id: string): ConnectionProfile {
    const p = this.stored(id);
    if (!p) throw new UserInputError(`No profile with id ${id}; it may have been removed.`, 'profileId');
    return this.withSecrets(p);
  }

  /** Creates (no id) or updates a profile; throws UserInputError at the first wrong field. */
  save(input: unknown): ProfileView {
    const parsed = ProfileInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserInputError(issue.message, issue.path.map(String).join('.') || null);
    }
    const id = parsed.data.id ?? generateProfileId();
    if (parsed.data.id !== undefined && !this.stored(id)) throw new UserInputError(`No profile with id ${id}; it may have been removed.`, 'id');
    const { stored, secrets } = splitSecrets(id, parsed.data);
    this.commit([{ stored, secrets }]);
    return this.view(stored);
  }

  remove(id: string): void {
    const saved = this.profiles.get(id);
    const preset = isPresetId(id) && !this.hiddenPresets.has(id);
    if (!saved && !preset) throw new UserInputError(`No profile with id ${id}; it may have been removed.`, 'id');
    const wasHidden = this.hiddenPresets.has(id);
    this.profiles.delete(id);
    // A removed preset stays removed, even when it had been edited (saved under its id).
    if (isPresetId(id)) this.hiddenPresets.add(id);
    try {
      this.writeProfiles();
    } catch (err) {
      if (saved) this.profiles.set(id, saved);
      if (!wasHidden) this.hiddenPresets.delete(id);
      throw err;
    }
    this.removeCertificates(id);
    try {
      this.secrets.removeProfile(id);
    } catch (err) {
      throw new UserInputError(`The profile was removed, but its saved secrets could not be erased: ${(err as Error).message}`, null);
    }
  }

  exportAll({ includeSecrets }: { includeSecrets: boolean }): ProfileExport {
    const profiles = [...this.profiles.values()].map((p) => (includeSecrets ? this.withSecrets(p) : p));
    return { format: exportFormatName, version: exportFormatVersion, exportedAt: new Date().toISOString(), profiles };
  }

  /** Imports our export, MQTTX's JSON export or MQTT Explorer's settings.json (found by content). */
  importFile(fileText: string): ImportResult {
    const parsed = parseImportFile(fileText);
    // A preset's id is free until the user saved that preset: an exported edit of it replaces it here too.
    const taken = (id: string) => this.profiles.has(id);
    const { entries, result, files } = importCandidates(parsed, taken, (id) => this.certificateDir(id));
    if (entries.length === 0) return result;
    try {
      for (const f of files) writeFileAtomic(f.path, f.data, { mode: 0o600, what: 'an imported certificate' });
      this.commit(entries.map(({ id, input }) => splitSecrets(id, input)));
    } catch (err) {
      for (const { id } of entries) fs.rmSync(this.certificateDir(id), { recursive: true, force: true });
      throw err;
    }
    result.imported = entries.map(({ id }) => this.view(this.profiles.get(id)!));
    return result;
  }

  /** Where certificates embedded in an imported file are written for profile `id`. */
  certificateDir(id: string): string {
    return path.join(this.options.dataDir, 'certificates', id);
  }

  // The files an import wrote for this profile, unless another profile was pointed at them;
  // best effort: the profile is already gone, and a stray file in our folder harms nothing.
  private removeCertificates(id: string): void {
    const dir = this.certificateDir(id);
    const inUse = [...this.profiles.values()].some((p) => [p.tls.caFile, p.tls.certFile, p.tls.keyFile].some((f) => f?.startsWith(dir + path.sep)));
    if (inUse) return;
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // see above
    }
  }

  // Secrets first: if profiles.json then fails, the secrets are put back as they were.
  private commit(changes: { stored: StoredProfile; secrets: SecretChanges }[]): void {
    const before = changes.map(({ stored }) => ({ id: stored.id, profile: this.profiles.get(stored.id), secrets: this.secrets.snapshot(stored.id) }));
    const hiddenBefore = new Set(this.hiddenPresets);
    for (const { stored, secrets } of changes) this.secrets.update(stored.id, secrets);
    for (const { stored } of changes) {
      this.profiles.set(stored.id, stored);
      this.hiddenPresets.delete(stored.id);
    }
    try {
      this.writeProfiles();
    } catch (err) {
      this.hiddenPresets = hiddenBefore;
      for (const b of before) {
        if (b.profile) this.profiles.set(b.id, b.profile);
        else this.profiles.delete(b.id);
        try {
          this.secrets.restore(b.id, b.secrets);
        } catch {
          // The error below already says the save failed; a secret that stays changed is harmless.
        }
      }
      throw err;
    }
  }

  private stored(id: string): StoredProfile | undefined {
    return this.profiles.get(id) ?? (this.hiddenPresets.has(id) ? undefined : this.presets.get(id));
  }

  private view(p: StoredProfile): ProfileView {
    return {
      ...p,
      password: { set: this.secrets.has(p.id, 'password') },
      tls: { ...p.tls, keyPassphrase: { set: this.secrets.has(p.id, 'keyPassphrase') } },
    };
  }

  private withSecrets(p: StoredProfile): ConnectionProfile {
    const named = (err: unknown) => new UserInputError(`Profile '${p.name}': ${(err as Error).message}`, (err as UserInputError).field ?? null);
    try {
      return { ...p, password: this.secrets.get(p.id, 'password'), tls: { ...p.tls, keyPassphrase: this.secrets.get(p.id, 'keyPassphrase') } };
    } catch (err) {
      throw named(err);
    }
  }

  private writeProfiles(): void {
    if (this.blocked) throw new UserInputError(this.blocked, null);
    const content: ProfilesFileContent = { profiles: [...this.profiles.values()], hiddenPresets: [...this.hiddenPresets] };
    writeFileAtomic(this.file, serializeProfilesFile(content), { mode: 0o600, backup: true, what: 'the connection profiles' });
  }

  private load(): void {
    const read = readProfilesFile(this.file);
    if (read.kind === 'missing') return;
    if (read.kind === 'ok') return this.apply(read.content);
    this.fileProblem = `${this.file} could not be used (${read.why}).`;
    try {
      this.fileProblem += ` It was moved to ${setAside(this.file, (this.options.now ?? Date.now)())}.`;
    } catch (err) {
      this.fileProblem += ` It could not be moved aside (${osReason(err)}), so profiles cannot be saved until it is moved or repaired.`;
      this.blocked = this.fileProblem;
    }
    const backup = readProfilesFile(`${this.file}.bak`);
    if (backup.kind === 'ok') {
      this.apply(backup.content);
      const n = backup.content.profiles.length;
      this.fileProblem += ` The backup ${this.file}.bak (${n} profile${n === 1 ? '' : 's'}) was loaded instead; changes since that backup are missing.`;
    } else {
      this.fileProblem += ' The profile list starts empty.';
    }
  }

  private apply(content: ProfilesFileContent): void {
    this.profiles = new Map(content.profiles.map((p) => [p.id, p]));
    this.hiddenPresets = new Set(content.hiddenPresets);
  }
}

/** The profile as profiles.json holds it, and what to do with its secrets. */
function splitSecrets(id: string, input: ParsedProfileInput): { stored: StoredProfile; secrets: SecretChanges } {
  const { password, tls, ...rest } = input;
  const { keyPassphrase, ...storedTls } = tls;
  // '' means a blank form field: no secret, the same as null.
  const change = (v: string | null | undefined) => (v === undefined ? undefined : v === '' ? null : v);
  return { stored: { ...rest, id, tls: storedTls }, secrets: { password: change(password), keyPassphrase: change(keyPassphrase) } };
}
