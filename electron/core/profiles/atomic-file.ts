// Writing a file so that a crash, a full disk or a read-only folder never leaves it
// half written: a temporary file in the same folder (rename is only atomic within one
// file system), flushed to disk, then renamed over the old one. Errors name the file and
// the operating system's reason in words, and never contain what was being written.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../../../shared/rpc';

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the path is too long',
  ENOENT: 'the folder does not exist',
  EISDIR: 'a folder is in the way',
  EMFILE: 'too many files are open',
  EIO: 'an input/output error occurred',
  EBUSY: 'the file is in use',
};

/** "the disk is full (ENOSPC)": the OS reason in words, for messages the user reads. */
export function osReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code && reasons[code]) return `${reasons[code]} (${code})`;
  if (code) return code;
  return err instanceof Error ? err.message : String(err);
}

export interface AtomicWriteOptions {
  /** File mode of the new file (0o600: readable by the user alone). */
  mode?: number;
  /** Keep the file being replaced as `<file>.bak`. */
  backup?: boolean;
  /** What the file is, for the error message: "Could not save <what> to ...". */
  what: string;
}

export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions): void {
  const dir = path.dirname(file);
  const mode = options.mode ?? 0o644;
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    writeAndSync(temp, data, mode);
    if (options.backup && fs.existsSync(file)) {
      // A copy, not a rename: the real file stays in place until the new one replaces it.
      const bakTemp = `${temp}.bak`;
      try {
        fs.copyFileSync(file, bakTemp);
        fs.chmodSync(bakTemp, mode);
        fs.renameSync(bakTemp, `${file}.bak`);
      } finally {
        fs.rmSync(bakTemp, { force: true });
      }
    }
    fs.renameSync(temp, file);
    syncFolder(dir);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw new UserInputError(`Could not save ${options.what} to ${file}: ${osReason(err)}. The previous version, if any, is unchanged.`, null);
  }
}

function writeAndSync(file: string, data: string | Uint8Array, mode: number): void {
  // 'wx': never follow or reuse something already at the temporary name.
  const fd = fs.openSync(file, 'wx', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // The umask may have removed bits but never adds any; chmod makes the mode exact.
  if (process.platform !== 'win32') fs.chmodSync(file, mode);
}

// The rename is durable only once the folder itself is flushed. Windows cannot open
// a folder for that, and a failure here leaves a complete file either way.
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Moves an unusable file out of the way under a name that says so; returns the new path. */
export function setAside(file: string, now: number): string {
  let aside = `${file}.unreadable-${now}`;
  for (let n = 1; fs.existsSync(aside); n++) aside = `${file}.unreadable-${now}-${n}`;
  fs.renameSync(file, aside);
  return aside;
}
