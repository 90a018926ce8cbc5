// Passwords and key passphrases, by profile id and field, kept out of profiles.json
// (which users copy, share and attach to bug reports). The encryption is injected:
// Electron passes a cipher built on safeStorage (the OS keychain); web mode and tests
// use fileOnlyCipher, and then the protection is the file mode, 0600.
//
// Entries are decrypted only when asked for, so an entry this process cannot decrypt
// (written by the desktop app, read in web mode) is kept as it is, never rewritten.
// Nothing here logs, and no error message contains a secret.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SecretField } from '../../../shared/profile';
import { UserInputError } from '../../../shared/rpc';
import { osReason, setAside, writeFileAtomic } from './atomic-file';

export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
  /** Whether encrypt() really encrypts; false for fileOnlyCipher. */
  available: boolean;
  /** How secrets are protected, in words for the UI ("the macOS Keychain"). */
  description: string;
}

export const fileOnlyCipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (data) => data.toString('utf8'),
  available: false,
  description: 'not encrypted; secrets.json is readable by your user account only',
};

const EntrySchema = z.object({ encrypted: z.boolean(), data: z.string() });
type Entry = z.infer<typeof EntrySchema>;
const SecretsFileSchema = z.object({
  format: z.literal('mqtt-scope-secrets'),
  version: z.literal(1),
  secrets: z.record(z.string(), z.partialRecord(z.enum(['password', 'keyPassphrase']), EntrySchema)),
});
type SecretsFile = z.infer<typeof SecretsFileSchema>;

const fieldPaths: Record<SecretField, string> = { password: 'password', keyPassphrase: 'tls.keyPassphrase' };
const fieldNames: Record<SecretField, string> = { password: 'password', keyPassphrase: 'key passphrase' };

/** A message about a secret, with the secret itself cut out in case a library quoted it. */
function scrub(message: string, secret: string): string {
  return secret.length > 0 ? message.split(secret).join('***') : message;
}

export class SecretStore {
  /** Set when secrets.json could not be used; the UI shows it. */
  problem: string | null = null;
  private entries: SecretsFile['secrets'] = {};
  /** Why writing is refused: an unusable file that could not be moved aside is never overwritten. */
  private blocked: string | null = null;

  private constructor(
    readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  static open(dataDir: string, cipher: SecretCipher, now: () => number = Date.now): SecretStore {
    const store = new SecretStore(path.join(dataDir, 'secrets.json'), cipher);
    store.load(now);
    return store;
  }

  /** How secrets are protected, for the UI. */
  get protection(): string {
    return this.cipher.description;
  }

  has(profileId: string, field: SecretField): boolean {
    return this.entries[profileId]?.[field] !== undefined;
  }

  /** The secret in clear, or null when none is stored. */
  get(profileId: string, field: SecretField): string | null {
    const entry = this.entries[profileId]?.[field];
    if (!entry) return null;
    const data = Buffer.from(entry.data, 'base64');
    if (!entry.encrypted) return data.toString('utf8');
    if (!this.cipher.available) {
      throw new UserInputError(
        `The saved ${fieldNames[field]} was encrypted by the desktop app's key store, which is not available here (${this.cipher.description}): enter it again.`,
        fieldPaths[field],
      );
    }
    try {
      return this.cipher.decrypt(data);
    } catch (err) {
      throw new UserInputError(`The saved ${fieldNames[field]} could not be decrypted (${(err as Error).message}): enter it again.`, fieldPaths[field]);
    }
  }

  /** Sets (string) or clears (null) secrets of one profile; one write for all of them. */
  update(profileId: string, changes: Partial<Record<SecretField, string | null>>): void {
    const before = this.entries[profileId];
    const next: Partial<Record<SecretField, Entry>> = { ...before };
    let changed = false;
    for (const field of Object.keys(changes) as SecretField[]) {
      const value = changes[field];
      if (value === undefined) continue;
      if (value === null) {
        if (next[field]) changed = true;
        delete next[field];
      } else {
        next[field] = this.seal(profileId, field, value);
        changed = true;
      }
    }
    if (!changed) return;
    this.replace(profileId, Object.keys(next).length > 0 ? next : undefined);
    try {
      this.write();
    } catch (err) {
      this.replace(profileId, before);
      throw err;
    }
  }

  removeProfile(profileId: string): void {
    const before = this.entries[profileId];
    if (!before) return;
    this.replace(profileId, undefined);
    try {
      this.write();
    } catch (err) {
      this.replace(profileId, before);
      throw err;
    }
  }

  /** The raw entries of a profile, to put back if a later step of a save fails. */
  snapshot(profileId: string): Partial<Record<SecretField, Entry>> | undefined {
    return this.entries[profileId];
  }

  restore(profileId: string, entries: Partial<Record<SecretField, Entry>> | undefined): void {
    this.replace(profileId, entries);
    this.write();
  }

  private replace(profileId: string, entries: Partial<Record<SecretField, Entry>> | undefined): void {
    if (entries) this.entries[profileId] = entries;
    else delete this.entries[profileId];
  }

  private seal(profileId: string, field: SecretField, plain: string): Entry {
    if (!this.cipher.available) return { encrypted: false, data: Buffer.from(plain, 'utf8').toString('base64') };
    try {
      return { encrypted: true, data: this.cipher.encrypt(plain).toString('base64') };
    } catch (err) {
      throw new UserInputError(`Could not encrypt the ${fieldNames[field]} of profile ${profileId}: ${scrub((err as Error).message, plain)}`, fieldPaths[field]);
    }
  }

  private write(): void {
    if (this.blocked) throw new UserInputError(this.blocked, null);
    // Entries saved in clear (web mode) are encrypted as soon as a cipher is there.
    if (this.cipher.available) {
      for (const [id, fields] of Object.entries(this.entries)) {
        for (const field of Object.keys(fields) as SecretField[]) {
          const entry = fields[field]!;
          if (!entry.encrypted) fields[field] = this.seal(id, field, Buffer.from(entry.data, 'base64').toString('utf8'));
        }
      }
    }
    const content: SecretsFile = { format: 'mqtt-scope-secrets', version: 1, secrets: this.entries };
    writeFileAtomic(this.file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, what: 'the passwords and passphrases' });
  }

  private load(now: () => number): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      this.problem = `Could not read the saved passwords in ${this.file}: ${osReason(err)}.`;
      this.setAside(now);
      return;
    }
    try {
      this.entries = SecretsFileSchema.parse(JSON.parse(text)).secrets;
    } catch (err) {
      const why = err instanceof SyntaxError ? 'it is not valid JSON' : 'its content is not what MQTT Scope writes';
      this.problem = `The saved passwords in ${this.file} could not be used (${why}).`;
      this.setAside(now);
      return;
    }
    // A file copied from elsewhere may be readable by others; it holds passwords.
    if (process.platform !== 'win32' && (fs.statSync(this.file).mode & 0o077) !== 0) fs.chmodSync(this.file, 0o600);
  }

  private setAside(now: () => number): void {
    try {
      const aside = setAside(this.file, now());
      this.problem += ` It was moved to ${aside}; passwords must be entered again.`;
    } catch (err) {
      this.problem += ` It could not be moved aside either (${osReason(err)}); it is left as it is.`;
      this.blocked = `${this.problem} Passwords cannot be saved until it is moved or repaired.`;
    }
  }
}
