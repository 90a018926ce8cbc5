// Starts the core and serves it to browsers: what `npm run web` runs.
import fs from 'node:fs';
import path from 'node:path';
import { isLoopbackHost, optionsHelp, parseOptions } from '../core/options';
import { ScopeCore } from '../core/scope-core';
import { findRendererDir } from './app-paths';
import { BROKER_OFF_LINE, exposedHostWarning } from './startup-lines';
import { createToken } from './token-guard';
import { startWebHost, type WebHost } from './web-host';

export interface WebModeIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: WebModeIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Resolves once serving (the process then lives until a signal), or with an exit code on failure. */
export async function runWebMode(argv: readonly string[], env: NodeJS.ProcessEnv, moduleDir: string, io: WebModeIo = consoleIo): Promise<number | null> {
  const parsed = parseOptions(argv, env);
  if (!parsed.ok) {
    io.err(parsed.error);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    io.out('Serves MQTT Scope to a browser (web mode), protected by a random token in the address.\n');
    io.out(optionsHelp('npm run web --'));
    return 0;
  }

  const rendererDir = findRendererDir(moduleDir);
  if (!rendererDir || !fs.existsSync(path.join(rendererDir, 'index.html'))) {
    io.err('The renderer is not built (out/renderer/index.html is missing): run `npm run build` first.');
    return 1;
  }

  let core: ScopeCore;
  try {
    core = await ScopeCore.start({
      dataDir: options.dataDir,
      brokerPort: options.brokerPort,
      brokerHost: options.brokerHost,
      brokerOverrides: options.brokerOverrides,
      demo: options.demo,
      shell: 'web',
    });
  } catch (err) {
    io.err(`MQTT Scope could not start: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }

  let host: WebHost;
  try {
    host = await startWebHost({
      sessions: core,
      rendererDir,
      host: options.host,
      port: options.port,
      portFallback: options.portIsDefault,
      token: options.token ?? createToken(),
    });
  } catch (err) {
    await core.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') io.err(`Port ${options.port} is taken: choose another with --port N, or --port 0 for any free port.`);
    else if (code === 'EADDRNOTAVAIL') io.err(`This machine has no address ${options.host}: check --host.`);
    else io.err(`The web host could not start: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }

  if (!isLoopbackHost(options.host)) io.err(exposedHostWarning(options.host, host.port));
  if (options.portIsDefault && host.port !== options.port) io.err(`Port ${options.port} was taken, so web mode uses port ${host.port}.`);
  io.out(`MQTT Scope web mode: ${host.url}`);
  if (options.brokerPort === 0) io.out(BROKER_OFF_LINE);

  onShutdownSignal(async () => {
    await host.close();
    await core.close();
  });
  return null;
}


function onShutdownSignal(shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl+C means "now": do not wait for a broker that will not close.
      process.exit(130);
    }
    stopping = true;
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Shutdown after ${signal} failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
