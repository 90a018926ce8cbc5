// Retained snapshots kept in the data folder, one file each (retained-snapshots/<id>.json),
// in the same format as a backup, so a snapshot can also be downloaded and restored.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RetainedSnapshotInfo } from '../../../shared/retained-contract';
import { parseRetainedFile, type RetainedFile } from '../../../shared/retained-file';
import { UserInputError } from '../../../shared/rpc';
import { decodeBase64 } from '../../../shared/publish-payload';
import { osReason, writeFileAtomic } from '../profiles/atomic-file';

export class SnapshotStore {
  private readonly infos = new Map<string, RetainedSnapshotInfo>();
  problem: string | null = null;
  revision = 0;

  constructor(private readonly dir: string) {
    this.load();
  }

  private load(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir).filter((n) => /^[a-z0-9-]+\.json$/.test(n));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = `Could not read the snapshots in ${this.dir}: ${osReason(err)}`;
      return;
    }
    const unreadable: string[] = [];
    for (const name of names) {
      const id = name.slice(0, -'.json'.length);
      const parsed = parseRetainedFile(fs.readFileSync(path.join(this.dir, name), 'utf8'));
      if (parsed.ok) this.infos.set(id, infoOf(id, parsed.file));
      else unreadable.push(`${name} (${parsed.problem})`);
    }
    if (unreadable.length) this.problem = `Some snapshots could not be read and are not listed: ${unreadable.join('; ')}`;
  }

  list(): RetainedSnapshotInfo[] {
    return [...this.infos.values()].sort((a, b) => b.savedAt - a.savedAt);
  }

  save(file: RetainedFile, text: string): RetainedSnapshotInfo {
    const id = `${new Date(file.savedAt).toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
    writeFileAtomic(path.join(this.dir, `${id}.json`), text, { what: 'the snapshot', mode: 0o600 });
    const info = infoOf(id, file);
    this.infos.set(id, info);
    this.revision++;
    return info;
  }

  text(id: string): string {
    if (!this.infos.has(id)) throw new UserInputError(`No snapshot ${id}; it may have been deleted.`, 'id');
    try {
      return fs.readFileSync(path.join(this.dir, `${id}.json`), 'utf8');
    } catch (err) {
      throw new UserInputError(`Could not read snapshot ${id}: ${osReason(err)}`, 'id');
    }
  }

  delete(id: string): void {
    if (!this.infos.has(id)) throw new UserInputError(`No snapshot ${id}; it may have been deleted.`, 'id');
    try {
      fs.rmSync(path.join(this.dir, `${id}.json`));
    } catch (err) {
      throw new UserInputError(`Could not delete snapshot ${id}: ${osReason(err)}`, 'id');
    }
    this.infos.delete(id);
    this.revision++;
  }
}

function infoOf(id: string, file: RetainedFile): RetainedSnapshotInfo {
  return {
    id,
    name: file.name ?? id,
    filter: file.filter,
    broker: file.broker,
    count: file.messages.length,
    bytes: file.messages.reduce((sum, m) => sum + decodeBase64(m.payloadBase64).length, 0),
    savedAt: Date.parse(file.savedAt),
  };
}
