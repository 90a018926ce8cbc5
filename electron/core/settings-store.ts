// The app's settings in the data directory: read once, written atomically (a
// temporary file, then rename) so a crash never leaves half a file. A file that
// cannot be read is set aside under another name and reported, never overwritten.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { HistoryLimitsSchema } from '../../shared/contract';

const SettingsSchema = z.object({
  demo: z.boolean().optional(),
  // Settings written before the app-wide budget existed lack maxTotalBytes: the default fills it.
  historyLimits: HistoryLimitsSchema.partial({ maxTotalBytes: true }).optional(),
  captureLimits: z.object({ maxPackets: z.number().int().min(100), maxFlows: z.number().int().min(100) }).optional(),
  captureEnabled: z.boolean().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export class SettingsStore {
  private settings: Settings = {};
  /** Set when the file on disk could not be used; the UI and log report it. */
  problem: string | null = null;

  constructor(private readonly file: string) {}

  static forDataDir(dataDir: string): SettingsStore {
    return new SettingsStore(path.join(dataDir, 'settings.json'));
  }

  load(): Settings {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return this.settings;
      this.problem = `Could not read ${this.file}: ${(err as Error).message}`;
      return this.settings;
    }
    try {
      this.settings = SettingsSchema.parse(JSON.parse(text));
    } catch (err) {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      fs.renameSync(this.file, aside);
      this.problem = `${this.file} was not valid (${err instanceof SyntaxError ? err.message : 'unexpected content'}); it was moved to ${aside} and defaults are used.`;
    }
    return this.settings;
  }

  get(): Settings {
    return this.settings;
  }

  update(change: Partial<Settings>): void {
    this.settings = { ...this.settings, ...change };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(this.settings, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }
}
