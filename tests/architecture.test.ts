// The rules of the house from DESIGN.md, checked on every run: each side imports
// only what it may, so the seams stay where they were drawn.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOf, repoRoot as root, sourceFiles } from './helpers/source-files';

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

function resolvesInto(file: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.relative(root, path.resolve(root, path.dirname(file), spec));
  return target === dir || target.startsWith(`${dir}${path.sep}`);
}

function violations(dir: string, forbidden: (file: string, spec: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((f) => imports(f).filter((s) => forbidden(f, s)).map((s) => `${f} imports ${s}`));
}

describe('rules of the house', () => {
  it('renderer/ never imports electron/, and its app code never imports Node', () => {
    // Tests next to the renderer's code may start a local server with Node; the app may not.
    const isTest = (f: string) => /\.test\.tsx?$/.test(f);
    expect(
      violations('renderer', (f, s) => resolvesInto(f, s, 'electron') || s === 'electron' || (!isTest(f) && s.startsWith('node:'))),
    ).toEqual([]);
  });

  it("electron/core/ never imports the 'electron' package or renderer/", () => {
    expect(violations('electron/core', (f, s) => s === 'electron' || s.startsWith('electron/') || resolvesInto(f, s, 'renderer'))).toEqual([]);
  });

  it('shared/ imports neither side, nor Node, DOM-only or Electron modules', () => {
    expect(
      violations('shared', (f, s) => resolvesInto(f, s, 'electron') || resolvesInto(f, s, 'renderer') || s === 'electron' || s.startsWith('node:')),
    ).toEqual([]);
  });

  it('only the two transport files touch ipcMain or ipcRenderer (and the transport\'s own test, which fakes ipcMain)', () => {
    // The main side's transport and the preload: every other file goes through the contract,
    // so sender checks and argument validation cannot be bypassed by a handler of its own.
    const users = [...sourceFiles('electron'), ...sourceFiles('renderer'), ...sourceFiles('shared')].filter((f) => /\bipc(Main|Renderer)\b/.test(codeOf(f)));
    expect(users.sort()).toEqual(['electron/main/ipc-transport.test.ts', 'electron/main/ipc-transport.ts', 'electron/main/preload.ts'].map((f) => path.join(...f.split('/'))));
  });

  it('the checker sees imports at all (it would pass vacuously otherwise)', () => {
    expect(imports('electron/core/scope-core.ts')).toContain('./embedded-broker');
  });
});
