import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userArgs } from './electron-argv';

const main = path.resolve('out/main/main.cjs');
const root = path.resolve('.');

describe('userArgs', () => {
  it('takes what follows the app path, leaving Electron its switches', () => {
    expect(userArgs(['electron', '--no-sandbox', '.', '--demo'], false, [main, root])).toEqual(['--demo']);
    expect(userArgs(['electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/main.cjs', '--data-dir', '/tmp/x'], false, [main, root])).toEqual([
      '--data-dir',
      '/tmp/x',
    ]);
  });

  it('does not mistake an option value for the app path', () => {
    expect(userArgs(['electron', main, '--data-dir', '.'], false, [main, root])).toEqual(['--data-dir', '.']);
  });

  it('falls back to the first plain argument when the app path is spelled differently', () => {
    expect(userArgs(['electron', 'some/app', '--demo'], false, [main])).toEqual(['--demo']);
    expect(userArgs(['electron'], false, [main])).toEqual([]);
  });

  it('gives a packaged app everything after the executable', () => {
    expect(userArgs(['/Applications/MQTT Scope', '--no-demo', '-psn_0_1234'], true, [])).toEqual(['--no-demo']);
  });
});
