import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserInputError } from '../../../shared/rpc';
import { fileOnlyCipher, SecretStore, type SecretCipher } from './secret-store';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-secrets-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A real cipher (AES-GCM with a key of its own), standing in for safeStorage. */
function aesCipher(key = randomBytes(32)): SecretCipher {
  return {
    available: true,
    description: 'test AES key',
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('SecretStore', () => {
  it('keeps secrets by profile and field, in a file readable by the user alone', () => {
    const dir = tempDir();
    const store = SecretStore.open(dir, fileOnlyCipher);
    store.update('p-1', { password: 'hunter2', keyPassphrase: 'kp-1' });
    store.update('p-2', { password: 'other' });
    const file = path.join(dir, 'secrets.json');
    if (process.platform !== 'win32') expect(mode(file)).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['secrets.json']);

    const again = SecretStore.open(dir, fileOnlyCipher);
    expect(again.problem).toBeNull();
    expect(again.get('p-1', 'password')).toBe('hunter2');
    expect(again.get('p-1', 'keyPassphrase')).toBe('kp-1');
    expect(again.has('p-2', 'keyPassphrase')).toBe(false);
    expect(again.get('p-3', 'password')).toBeNull();
  });

  it('clears with null, keeps what is not mentioned, forgets a removed profile', () => {
    const dir = tempDir();
    const store = SecretStore.open(dir, fileOnlyCipher);
    store.update('p-1', { password: 'a', keyPassphrase: 'b' });
    store.update('p-1', { password: null });
    expect([store.has('p-1', 'password'), store.get('p-1', 'keyPassphrase')]).toEqual([false, 'b']);
    store.removeProfile('p-1');
    expect(SecretStore.open(dir, fileOnlyCipher).has('p-1', 'keyPassphrase')).toBe(false);
  });

  it('tightens a secrets.json that others could read', () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    SecretStore.open(dir, fileOnlyCipher).update('p-1', { password: 'x' });
    fs.chmodSync(path.join(dir, 'secrets.json'), 0o644);
    SecretStore.open(dir, fileOnlyCipher);
    expect(mode(path.join(dir, 'secrets.json'))).toBe(0o600);
  });

  it('stores only ciphertext when a cipher is available, and upgrades entries saved in clear', () => {
    const dir = tempDir();
    SecretStore.open(dir, fileOnlyCipher).update('p-web', { password: 'typed-in-web-mode' });
    const cipher = aesCipher();
    const store = SecretStore.open(dir, cipher);
    store.update('p-app', { password: 'typed-in-the-app' });
    const raw = fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8');
    for (const secret of ['typed-in-web-mode', 'typed-in-the-app']) {
      expect(raw).not.toContain(secret);
      expect(raw).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(SecretStore.open(dir, cipher).get('p-web', 'password')).toBe('typed-in-web-mode');
  });

  it("keeps entries it cannot decrypt, and says so only when one is asked for", () => {
    const dir = tempDir();
    SecretStore.open(dir, aesCipher()).update('p-1', { password: 'from-the-app' });
    const web = SecretStore.open(dir, fileOnlyCipher);
    expect(web.has('p-1', 'password')).toBe(true);
    expect(() => web.get('p-1', 'password')).toThrow(/encrypted by the desktop app's key store.*enter it again/);
    web.update('p-2', { password: 'web' });
    const before = JSON.parse(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).secrets['p-1'];
    expect(before.password.encrypted).toBe(true);

    const otherKey = SecretStore.open(dir, aesCipher());
    const err = (() => {
      try {
        otherKey.get('p-1', 'password');
      } catch (e) {
        return e as UserInputError;
      }
    })();
    expect(err).toBeInstanceOf(UserInputError);
    expect(err?.field).toBe('password');
    expect(err?.message).toMatch(/could not be decrypted/);
  });

  it('never puts a secret in an error message, even when the cipher quotes it', () => {
    const dir = tempDir();
    const leaky: SecretCipher = {
      ...aesCipher(),
      encrypt: (plain) => {
        throw new Error(`keychain refused to store "${plain}"`);
      },
    };
    const store = SecretStore.open(dir, leaky);
    expect(() => store.update('p-1', { keyPassphrase: 'correct horse battery' })).toThrow(UserInputError);
    try {
      store.update('p-1', { keyPassphrase: 'correct horse battery' });
    } catch (err) {
      expect((err as Error).message).not.toContain('correct horse battery');
      expect((err as UserInputError).field).toBe('tls.keyPassphrase');
    }
    expect(fs.existsSync(path.join(dir, 'secrets.json'))).toBe(false);
  });

  it('names the path and the reason when it cannot write, without the secret, and keeps the old value', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const store = SecretStore.open(path.join(blocker, 'data'), fileOnlyCipher);
    let message = '';
    try {
      store.update('p-1', { password: 'do-not-print-me' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(path.join(blocker, 'data', 'secrets.json'));
    expect(message).toMatch(/not a folder \(ENOTDIR\)/);
    expect(message).not.toContain('do-not-print-me');
    expect(store.has('p-1', 'password')).toBe(false);
  });

  it('sets a corrupted secrets.json aside and starts empty', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'secrets.json'), '{"format":"mqtt-scope-secrets","version":1,"secr');
    const store = SecretStore.open(dir, fileOnlyCipher, () => 1700000000000);
    expect(store.problem).toMatch(/not valid JSON.*moved to .*secrets\.json\.unreadable-1700000000000.*entered again/);
    expect(fs.readdirSync(dir)).toEqual(['secrets.json.unreadable-1700000000000']);
    store.update('p-1', { password: 'new' });
    expect(fs.readdirSync(dir).sort()).toEqual(['secrets.json', 'secrets.json.unreadable-1700000000000']);
  });
});
