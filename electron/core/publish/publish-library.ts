// The publish history and the saved payloads, per connection, kept in the data folder
// (publish-library.json, written atomically). A connection is known by its broker URL,
// so its library survives a restart; the embedded broker's is under 'embedded'.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PublishMessageSchema, type PublishLibrary, type PublishMessage, type PublishTemplate } from '../../../shared/publish-contract';
import { UserInputError } from '../../../shared/rpc';
import { setAside, writeFileAtomic } from '../profiles/atomic-file';

export const publishHistoryLimit = 100;
/** History keeps payloads up to this size; a larger one is listed with its size and without its bytes (saving it by name keeps it whole). */
export const historyPayloadLimit = 64 * 1024;

const TemplateSchema = z.object({
  name: z.string().nullable(),
  message: PublishMessageSchema,
  payloadOmitted: z.number().int().nullable(),
  at: z.number(),
});
const LibraryFileSchema = z.object({
  version: z.literal(1),
  connections: z.record(z.string(), z.object({ history: z.array(TemplateSchema), saved: z.array(TemplateSchema) })),
});
type LibraryFile = z.infer<typeof LibraryFileSchema>;

export class PublishLibraryStore {
  private data: LibraryFile = { version: 1, connections: {} };
  problem: string | null = null;
  revision = 0;

  private constructor(private readonly file: string) {}

  static open(dataDir: string): PublishLibraryStore {
    const store = new PublishLibraryStore(path.join(dataDir, 'publish-library.json'));
    store.load();
    return store;
  }

  private load(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = `Could not read ${this.file}: ${(err as Error).message}`;
      return;
    }
    try {
      this.data = LibraryFileSchema.parse(JSON.parse(text));
    } catch (err) {
      const aside = setAside(this.file, Date.now());
      this.problem = `${this.file} was not valid (${err instanceof SyntaxError ? err.message : 'unexpected content'}); it was moved to ${aside} and an empty library is used.`;
    }
  }

  library(key: string): PublishLibrary {
    const entry = this.data.connections[key];
    return { key, history: entry?.history ?? [], historyLimit: publishHistoryLimit, saved: entry?.saved ?? [], problem: this.problem };
  }

  recordPublish(key: string, message: PublishMessage, size: number, at: number): void {
    const entry = this.entry(key);
    const kept: PublishTemplate =
      size > historyPayloadLimit ? { name: null, message: { ...message, payload: '' }, payloadOmitted: size, at } : { name: null, message, payloadOmitted: null, at };
    // The same message again moves to the top instead of filling the history with copies.
    const same = JSON.stringify(kept.message);
    entry.history = [kept, ...entry.history.filter((t) => JSON.stringify(t.message) !== same)].slice(0, publishHistoryLimit);
    this.write();
  }

  save(key: string, name: string, message: PublishMessage, at: number): PublishLibrary {
    const trimmed = name.trim();
    if (!trimmed) throw new UserInputError('Give the saved message a name.', 'name');
    const entry = this.entry(key);
    entry.saved = [...entry.saved.filter((t) => t.name !== trimmed), { name: trimmed, message, payloadOmitted: null, at }].sort((a, b) =>
      (a.name ?? '').localeCompare(b.name ?? ''),
    );
    this.write();
    return this.library(key);
  }

  deleteSaved(key: string, name: string): PublishLibrary {
    const entry = this.entry(key);
    if (!entry.saved.some((t) => t.name === name)) throw new UserInputError(`No saved message is called ${name}.`, 'name');
    entry.saved = entry.saved.filter((t) => t.name !== name);
    this.write();
    return this.library(key);
  }

  clearHistory(key: string): PublishLibrary {
    this.entry(key).history = [];
    this.write();
    return this.library(key);
  }

  private entry(key: string): LibraryFile['connections'][string] {
    this.data.connections[key] ??= { history: [], saved: [] };
    return this.data.connections[key];
  }

  private write(): void {
    writeFileAtomic(this.file, `${JSON.stringify(this.data)}\n`, { what: 'the publish history and saved messages', mode: 0o600 });
    this.revision++;
  }
}
