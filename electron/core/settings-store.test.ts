import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-settings-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('starts empty and round-trips what it saved', () => {
    const dir = tempDir();
    const store = SettingsStore.forDataDir(dir);
    expect(store.load()).toEqual({});
    store.update({ demo: false });
    expect(SettingsStore.forDataDir(dir).load()).toEqual({ demo: false });
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('sets a corrupted file aside, reports it and keeps its bytes', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"demo": tru');
    const store = SettingsStore.forDataDir(dir);
    expect(store.load()).toEqual({});
    expect(store.problem).toMatch(/was not valid .* moved to .*unreadable-/);
    const aside = fs.readdirSync(dir).find((f) => f.includes('unreadable'))!;
    expect(fs.readFileSync(path.join(dir, aside), 'utf8')).toBe('{"demo": tru');
  });
});
