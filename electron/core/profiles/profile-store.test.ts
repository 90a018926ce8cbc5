import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserInputError } from '../../../shared/rpc';
import { ProfileStore } from './profile-store';
import { fileOnlyCipher } from './secret-store';

const fixtures = path.resolve(import.meta.dirname, '../../../tests/fixtures/profiles');
const dirs: string[] = [];
const mounts: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-profiles-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const m of mounts.splice(0)) execFileSync('umount', [m]);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const open = (dataDir: string, now?: () => number) => ProfileStore.open({ dataDir, cipher: fileOnlyCipher, now });
const lab = { name: 'Lab', host: 'broker.lab', username: 'ana', password: 'lab-password-1' };
const thrown = (fn: () => unknown): UserInputError => {
  try {
    fn();
  } catch (err) {
    return err as UserInputError;
  }
  throw new Error('expected an error');
};

/** A small tmpfs of our own, when this process may mount (root with CAP_SYS_ADMIN). */
function mountTmpfs(sizeKb: number): string | null {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}
/** Why this process cannot mount a tmpfs (then the kernel-failure tests say so in their titles), or null when it can. */
const mountProblem = ((): string | null => {
  if (process.platform !== 'linux') return 'tmpfs mounts are Linux only';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (with CAP_SYS_ADMIN)';
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe]);
    return null;
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim();
    return `this process may not mount a tmpfs: ${stderr || (err as Error).message}`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();
const canMount = mountProblem === null;
/** A test's title, with the reason it is skipped when it is. */
const titled = (title: string, skipReason: string | null) => (skipReason === null ? title : `${title} (skipped: ${skipReason})`);
const noPermissionBits = process.platform === 'win32' ? 'Windows has no POSIX permission bits' : null;
const isRoot = process.getuid?.() === 0;
/** nobody: root ignores permission bits, so a permission test runs its write as this user. */
const unprivilegedUid = 65534;

/**
 * Runs fn with the permissions of an ordinary user: as root, with the effective uid of
 * nobody (taken back afterwards: root may, and only for this synchronous call); as any
 * other user, as that user.
 */
function asOrdinaryUser<T>(fn: () => T): T {
  if (!isRoot) return fn();
  // Node offers seteuid in processes, not in worker threads: vitest's default pool forks.
  if (!process.seteuid) throw new Error('process.seteuid is not available here (a worker thread?): run the unit tests in forked workers');
  process.seteuid(unprivilegedUid);
  try {
    return fn();
  } finally {
    process.seteuid(0);
  }
}

describe('ProfileStore: saving', () => {
  it('saves a new profile, with its password in the secret store and never in profiles.json', () => {
    const dir = tempDir();
    const store = open(dir);
    const view = store.save(lab);
    expect(view.id).toMatch(/^p-[0-9a-f]{16}$/);
    expect(view.password).toEqual({ set: true });
    expect(view.tls.keyPassphrase).toEqual({ set: false });
    expect(JSON.stringify(view)).not.toContain('lab-password-1');
    expect(JSON.stringify(store.list())).not.toContain('lab-password-1');
    const file = fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8');
    expect(file).not.toContain('lab-password-1');
    expect(JSON.parse(file)).toMatchObject({ format: 'mqtt-scope-profiles', version: 1, profiles: [{ id: view.id, name: 'Lab', username: 'ana' }] });
    expect(store.connectionProfile(view.id).password).toBe('lab-password-1');

    const reopened = open(dir);
    expect(reopened.problem).toBeNull();
    expect(reopened.get(view.id)).toEqual(view);
  });

  it('keeps an omitted secret, clears it with null or a blank, replaces it with text', () => {
    const store = open(tempDir());
    const { id } = store.save(lab);
    const { password: _omitted, ...rest } = lab;
    store.save({ ...rest, id, name: 'Lab 2' });
    expect(store.connectionProfile(id)).toMatchObject({ name: 'Lab 2', password: 'lab-password-1' });
    store.save({ ...rest, id, password: 'changed' });
    expect(store.connectionProfile(id).password).toBe('changed');
    store.save({ ...rest, id, password: '' });
    expect(store.get(id)?.password).toEqual({ set: false });
    // The renderer may send a view back as it got it, with its edits: { set } keeps the secret.
    const view = store.save({ ...rest, id, password: 'again' });
    store.save({ ...view, name: 'Edited view' });
    expect(store.connectionProfile(id)).toMatchObject({ name: 'Edited view', password: 'again' });
    store.save({ ...rest, id, tls: { keyPassphrase: 'kp' } });
    store.save({ ...rest, id, tls: { keyPassphrase: null } });
    expect(store.get(id)?.tls.keyPassphrase).toEqual({ set: false });
  });

  it('rejects a wrong field with its path, and an id that does not exist', () => {
    const store = open(tempDir());
    const bad = thrown(() => store.save({ ...lab, subscriptions: [{ filter: 'a/#/b' }] }));
    expect(bad).toBeInstanceOf(UserInputError);
    expect(bad.field).toBe('subscriptions.0.filter');
    const missing = thrown(() => store.save({ ...lab, id: 'p-gone' }));
    expect([missing.field, missing.message]).toEqual(['id', 'No profile with id p-gone; it may have been removed.']);
  });

  it('keeps the previous version as profiles.json.bak, and leaves no temporary files', () => {
    const dir = tempDir();
    const store = open(dir);
    const { id } = store.save(lab);
    const first = fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8');
    store.save({ id, name: 'Renamed', host: 'broker.lab' });
    expect(fs.readFileSync(path.join(dir, 'profiles.json.bak'), 'utf8')).toBe(first);
    expect(fs.readdirSync(dir).sort()).toEqual(['profiles.json', 'profiles.json.bak', 'secrets.json']);
  });

  it('removes a profile with its secrets and its imported certificates', () => {
    const dir = tempDir();
    const store = open(dir);
    const { id } = store.save(lab);
    fs.mkdirSync(store.certificateDir(id), { recursive: true });
    fs.writeFileSync(path.join(store.certificateDir(id), 'ca-x.pem'), 'x');
    store.remove(id);
    expect(store.get(id)).toBeNull();
    expect(fs.existsSync(store.certificateDir(id))).toBe(false);
    expect(open(dir).secrets.has(id, 'password')).toBe(false);
    expect(thrown(() => store.remove(id)).field).toBe('id');
  });

  it('keeps imported certificates that another profile was pointed at', () => {
    const store = open(tempDir());
    const { id } = store.save(lab);
    const ca = path.join(store.certificateDir(id), 'ca-x.pem');
    fs.mkdirSync(path.dirname(ca), { recursive: true });
    fs.writeFileSync(ca, 'x');
    store.save({ name: 'Copy', host: 'broker.lab', protocol: 'mqtts', tls: { caFile: ca } });
    store.remove(id);
    expect(fs.existsSync(ca)).toBe(true);
  });
});

describe('ProfileStore: public presets', () => {
  it('lists the presets after the saved profiles; an edited preset replaces it, a removed one stays removed', () => {
    const dir = tempDir();
    const store = open(dir);
    const saved = store.save(lab);
    const list = store.list();
    expect(list[0].id).toBe(saved.id);
    expect(list.slice(1).every((p) => p.preset === 'public')).toBe(true);
    const hive = list.find((p) => p.host === 'broker.hivemq.com' && p.protocol === 'mqtt')!;

    const { password: _p, tls: _t, ...hiveInput } = hive;
    store.save({ ...hiveInput, name: 'HiveMQ (mine)', subscriptions: [{ filter: 'scope/#' }] });
    expect(store.list().filter((p) => p.id === hive.id)).toMatchObject([{ name: 'HiveMQ (mine)', preset: 'public' }]);

    const emqx = list.find((p) => p.host === 'broker.emqx.io')!;
    store.remove(emqx.id);
    store.remove(hive.id);
    const after = open(dir).list().map((p) => p.id);
    expect(after).not.toContain(emqx.id);
    expect(after).not.toContain(hive.id);
    expect(after.length).toBe(list.length - 2);
  });
});

describe('ProfileStore: damaged files', () => {
  it('sets a corrupted profiles.json aside, reports it, and starts empty without touching its bytes', () => {
    const dir = tempDir();
    const corrupted = fs.readFileSync(path.join(fixtures, 'profiles-corrupted.json'));
    fs.writeFileSync(path.join(dir, 'profiles.json'), corrupted);
    const store = open(dir, () => 1700000000000);
    expect(store.problem).toMatch(/profiles\.json could not be used \(it is not valid JSON: .*\)\. It was moved to .*profiles\.json\.unreadable-1700000000000\. The profile list starts empty\./);
    expect(store.list().every((p) => p.preset === 'public')).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'profiles.json.unreadable-1700000000000'))).toEqual(corrupted);
    store.save(lab);
    expect(fs.readFileSync(path.join(dir, 'profiles.json.unreadable-1700000000000'))).toEqual(corrupted);
  });

  it('falls back to a valid profiles.json.bak and says so', () => {
    const dir = tempDir();
    const store = open(dir);
    const { id } = store.save(lab);
    store.save({ id, name: 'Second version', host: 'broker.lab' });
    fs.writeFileSync(path.join(dir, 'profiles.json'), '\0\0\0 garbage after a crash');
    const reopened = open(dir);
    expect(reopened.problem).toMatch(/not valid JSON.*moved to .*unreadable-.*The backup .*profiles\.json\.bak \(1 profile\) was loaded instead/);
    expect(reopened.get(id)).toMatchObject({ name: 'Lab', password: { set: true } });
  });

  it('does not use a file with one invalid profile, and names it', () => {
    const dir = tempDir();
    const content = { format: 'mqtt-scope-profiles', version: 1, profiles: [{ id: 'p-1', name: 'Good', host: 'a' }, { id: 'p-2', name: 'Bad', host: 'b', port: 0 }] };
    fs.writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify(content));
    expect(open(dir).problem).toMatch(/profile 2 \('Bad'\) is not valid: port: The port must be a whole number from 1 to 65535/);
  });

  it('does not overwrite a file from a newer version', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ format: 'mqtt-scope-profiles', version: 2, profiles: [] }));
    const store = open(dir);
    expect(store.problem).toMatch(/format version 2, written by a newer MQTT Scope/);
    store.save(lab);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('profiles.json.unreadable-'))).toBe(true);
  });
});

describe('ProfileStore: saving where it cannot', () => {
  it('names the path and the reason when the data folder is under a file (ENOTDIR)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'not-a-folder'), '');
    const store = open(path.join(dir, 'not-a-folder', 'data'));
    const err = thrown(() => store.save(lab));
    expect(err).toBeInstanceOf(UserInputError);
    expect(err.message).toContain(path.join(dir, 'not-a-folder', 'data'));
    expect(err.message).toMatch(/a part of the path is not a folder \(ENOTDIR\)/);
    expect(err.message).not.toContain('lab-password-1');
    expect(store.list().some((p) => p.name === 'Lab')).toBe(false);
  });

  // Real failures from the kernel: a tmpfs of 256 KiB filled up, then remounted read-only.
  it.skipIf(!canMount)(titled('on a full disk (ENOSPC) fails clearly and leaves the previous file intact', mountProblem), () => {
    const dir = mountTmpfs(256)!;
    const store = open(dir);
    const { id } = store.save({ name: 'Before', host: 'broker.lab' });
    store.save({ id, name: 'Before (2)', host: 'broker.lab' });
    const previous = fs.readFileSync(path.join(dir, 'profiles.json'));
    const previousBak = fs.readFileSync(path.join(dir, 'profiles.json.bak'));
    const filler = fs.openSync(path.join(dir, 'filler'), 'w');
    try {
      for (;;) fs.writeSync(filler, Buffer.alloc(4096));
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(filler);
    }
    const err = thrown(() => store.save({ id, name: 'After', host: 'broker.lab', subscriptions: Array.from({ length: 50 }, (_, i) => ({ filter: `t/${i}` })) }));
    expect(err.message).toBe(`Could not save the connection profiles to ${path.join(dir, 'profiles.json')}: the disk is full (ENOSPC). The previous version, if any, is unchanged.`);
    expect(fs.readFileSync(path.join(dir, 'profiles.json'))).toEqual(previous);
    expect(fs.readFileSync(path.join(dir, 'profiles.json.bak'))).toEqual(previousBak);
    expect(fs.readdirSync(dir).sort()).toEqual(['filler', 'profiles.json', 'profiles.json.bak']);
    expect(store.get(id)?.name).toBe('Before (2)');
  });

  it.skipIf(!canMount)(titled('on a read-only file system (EROFS) fails clearly and leaves the previous file intact', mountProblem), () => {
    const dir = mountTmpfs(256)!;
    const store = open(dir);
    const { id } = store.save(lab);
    const previous = fs.readFileSync(path.join(dir, 'profiles.json'));
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const err = thrown(() => store.save({ id, name: 'After', host: 'broker.lab', password: 'new-password' }));
    expect(err.message).toMatch(/the file system is read-only \(EROFS\)/);
    expect(err.message).not.toContain('new-password');
    expect(fs.readFileSync(path.join(dir, 'profiles.json'))).toEqual(previous);
    expect(store.connectionProfile(id)).toMatchObject({ name: 'Lab', password: 'lab-password-1' });
  });

  // Root ignores permission bits: as root the save runs as nobody, who owns the folder and may read it but not write it.
  it.skipIf(noPermissionBits !== null)(titled('in a read-only folder (chmod 0500) fails clearly and leaves the previous file intact', noPermissionBits), () => {
    const dir = tempDir();
    const store = open(dir);
    const { id } = store.save(lab);
    const previous = fs.readFileSync(path.join(dir, 'profiles.json'));
    if (isRoot) fs.chownSync(dir, unprivilegedUid, unprivilegedUid);
    fs.chmodSync(dir, 0o500);
    try {
      const err = asOrdinaryUser(() => thrown(() => store.save({ id, name: 'After', host: 'broker.lab' })));
      expect(err.message).toMatch(/permission denied \(EACCES\)/);
      expect(fs.readFileSync(path.join(dir, 'profiles.json'))).toEqual(previous);
      expect(fs.readdirSync(dir).sort()).toEqual(['profiles.json', 'secrets.json']);
      expect(store.get(id)?.name).toBe('Lab');
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });
});

describe('ProfileStore: export', () => {
  it('exports in our format, without secrets unless asked', () => {
    const store = open(tempDir());
    const { id } = store.save({ ...lab, tls: { keyPassphrase: 'kp-secret' } });
    const plain = store.exportAll({ includeSecrets: false });
    expect(plain).toMatchObject({ format: 'mqtt-scope-profiles', version: 1, profiles: [{ id, name: 'Lab' }] });
    expect(JSON.stringify(plain)).not.toMatch(/lab-password-1|kp-secret|"password"|keyPassphrase/);
    const full = store.exportAll({ includeSecrets: true });
    expect(full.profiles[0]).toMatchObject({ password: 'lab-password-1', tls: { keyPassphrase: 'kp-secret' } });
  });

  it('round-trips through import into another data folder: ids, settings and secrets', () => {
    const a = open(tempDir());
    a.save({ ...lab, protocol: 'wss', will: { topic: 'lab/status', payload: 'bye' }, subscriptions: [{ filter: 'lab/#', qos: 1 }] });
    const exported = a.exportAll({ includeSecrets: true });
    const b = open(tempDir());
    const result = b.importFile(JSON.stringify(exported));
    expect(result).toMatchObject({ format: 'mqtt-scope', skipped: [], notes: [] });
    const { id } = exported.profiles[0];
    expect(b.connectionProfile(id)).toEqual(a.connectionProfile(id));
    // Importing again does not overwrite: the copy gets a new id.
    const again = b.importFile(JSON.stringify(exported));
    expect(again.imported[0].id).not.toBe(id);
  });
});
