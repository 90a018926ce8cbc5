// Electron's security checklist as rules over the code, so a change that would undo an
// item fails here, on every machine, before the Electron smoke test (CI only) sees it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOf, isTestFile, sourceFiles } from './helpers/source-files';

const appFiles = [...sourceFiles('electron'), ...sourceFiles('renderer'), ...sourceFiles('shared')].filter((f) => !isTestFile(f));
const p = (posix: string): string => path.join(...posix.split('/'));

function filesMatching(pattern: RegExp): string[] {
  return appFiles.filter((f) => pattern.test(codeOf(f))).sort();
}

describe('Electron hardening rules', () => {
  it('no code turns a security preference off, or on what should stay off', () => {
    const insecure =
      /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|allowRunningInsecureContent\s*:\s*true|experimentalFeatures\s*:\s*true|webviewTag\s*:\s*true|enableBlinkFeatures|allowpopups|disablewebsecurity|no-sandbox/i;
    expect(filesMatching(insecure)).toEqual([]);
  });

  it('windows are made in one place, with the preferences window-preferences.test.ts checks', () => {
    expect(filesMatching(/new\s+BrowserWindow\s*\(|new\s+(BaseWindow|WebContentsView|BrowserView)\s*\(/)).toEqual([p('electron/main/main-window.ts')]);
    expect(codeOf(p('electron/main/main-window.ts'))).toMatch(/webPreferences:\s*mainWindowWebPreferences\(/);
  });

  it('the window loads the app origin only: no file:// and no other URL', () => {
    expect(filesMatching(/\.loadFile\s*\(|['"`]file:\/\//)).toEqual([]);
    const loads = appFiles.flatMap((f) => [...codeOf(f).matchAll(/\.loadURL\(([^)]*)\)/g)].map((m) => `${f}: ${m[1]}`));
    expect(loads).toEqual([`${p('electron/main/main-window.ts')}: APP_ENTRY_URL`]);
  });

  it('shell.openExternal is reached only through the allowlist', () => {
    const callers = filesMatching(/\bopenExternal\s*\(/);
    expect(callers).toEqual([p('electron/main/app-menu.ts'), p('electron/main/web-contents-guards.ts')]);
    for (const file of callers) expect(codeOf(file), file).toMatch(/isAllowedExternalUrl\(/);
  });

  it('the preload exposes one object, window.scope, and never ipcRenderer itself', () => {
    expect(filesMatching(/\bcontextBridge\b/)).toEqual([p('electron/main/preload.ts')]);
    const preload = codeOf(p('electron/main/preload.ts'));
    expect([...preload.matchAll(/exposeInMainWorld\(([^)]*)\)/g)].map((m) => m[1])).toEqual(["'scope', bridge"]);
    // Assignments into the bridge are functions that call ipcRenderer, never ipcRenderer or its methods.
    expect(preload).not.toMatch(/bridge(\.\w+|\[[^\]]+\])\s*=\s*ipcRenderer\b/);
  });

  it('permissions, navigation, new windows and webviews are guarded for every contents and session', () => {
    const main = codeOf(p('electron/main/main.ts'));
    expect(main).toMatch(/app\.on\('web-contents-created',[^\n]*guardWebContents\(contents\)/);
    expect(main).toMatch(/app\.on\('session-created',[^\n]*guardSession\(/);
    expect(main).toMatch(/app\.enableSandbox\(\)/);
  });
});
