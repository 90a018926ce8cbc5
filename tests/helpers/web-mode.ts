// Starts web mode (the built out/web/cli.mjs) as a user would, on free ports with its
// own data directory, and hands back the URL it printed with its token.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface WebMode {
  url: string;
  origin: string;
  dataDir: string;
  token: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startWebMode(args: string[], { timeoutMs = 20_000, dataDir: givenDataDir }: { timeoutMs?: number; dataDir?: string } = {}): Promise<WebMode> {
  const cli = path.join(root, 'out', 'web', 'cli.mjs');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does).`);
  // A data dir the caller passes outlives this instance (to test what is remembered).
  const dataDir = givenDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'scope-web-'));
  const child: ChildProcess = spawn(process.execPath, [cli, '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const m = /MQTT Scope web mode: (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code} before printing its URL:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    dataDir,
    token: parsed.searchParams.get('token') ?? '',
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (!givenDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
