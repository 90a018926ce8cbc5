// Which command-line arguments are ours. In development Electron is started as
// `electron [chromium/node switches] <app> [our options]` (Playwright adds --inspect and
// --remote-debugging-port, root needs --no-sandbox): what precedes the app path belongs
// to Electron. A packaged app has no app path: all arguments after the executable are ours.
import path from 'node:path';

export function userArgs(argv: readonly string[], isPackaged: boolean, entryPaths: readonly string[]): string[] {
  // macOS Finder used to add a process serial number (-psn_0_123) to apps it launched.
  if (isPackaged) return argv.slice(1).filter((arg) => !arg.startsWith('-psn_'));
  const entries = new Set(entryPaths.map((entry) => path.resolve(entry)));
  const appIndex = argv.findIndex((arg, i) => i > 0 && !arg.startsWith('-') && entries.has(path.resolve(arg)));
  if (appIndex !== -1) return argv.slice(appIndex + 1);
  const firstPlain = argv.findIndex((arg, i) => i > 0 && !arg.startsWith('-'));
  return firstPlain === -1 ? [] : argv.slice(firstPlain + 1);
}
