// Command-line options shared by both shells (Electron and web mode), so a flag
// means the same thing whichever way the app is started. Parsing never throws:
// a typo on the command line deserves one clear sentence, not a stack trace.
import path from 'node:path';
import os from 'node:os';
export { isLoopbackHost } from '../../shared/host';

export interface ScopeOptions {
  /** Embedded broker port; 0 = no embedded broker. The core takes a free port when 1883 is taken. */
  brokerPort: number;
  brokerHost: string;
  /** Which of the two the command line gave: they win over the broker settings saved in the app. */
  brokerOverrides: ('host' | 'port')[];
  /** true/false from --demo/--no-demo; null = the remembered choice. */
  demo: boolean | null;
  /** Web mode HTTP port; 0 = any free port. */
  port: number;
  /** True when --port was not given: the web host may move to a free port if the default is taken. */
  portIsDefault: boolean;
  /** Web mode bind address. */
  host: string;
  dataDir: string;
  /** Web mode access token; null = generate a random one. */
  token: string | null;
  help: boolean;
}

export type ParseResult = { ok: true; options: ScopeOptions } | { ok: false; error: string };

export const DEFAULT_BROKER_PORT = 1883;
/** A fixed default so a bookmarked web-mode address keeps working across restarts. */
export const DEFAULT_WEB_PORT = 8717;
export const APP_DIR_NAME = 'mqtt-scope';
/** 22 base64url characters carry 132 bits: anything shorter is guessable enough to refuse. */
const MIN_TOKEN_LENGTH = 22;

type Env = Readonly<Record<string, string | undefined>>;

interface OptionSpec {
  name: string;
  value: string | null;
  help: string;
}

const optionSpecs: readonly OptionSpec[] = [
  { name: '--broker-port', value: 'N', help: `embedded broker port (default: the broker settings, else ${DEFAULT_BROKER_PORT}; a free port if taken; 0 = no embedded broker)` },
  { name: '--broker-host', value: 'H', help: 'embedded broker bind address (default: the broker settings, else 127.0.0.1)' },
  { name: '--demo', value: null, help: 'start the demo devices (default: the choice remembered from last time)' },
  { name: '--no-demo', value: null, help: 'do not start the demo devices' },
  { name: '--data-dir', value: 'DIR', help: 'settings folder (env SCOPE_DATA_DIR; default: the user config folder)' },
  { name: '--port', value: 'N', help: `web mode HTTP port (default ${DEFAULT_WEB_PORT}, a free port if taken; 0 = any free port)` },
  { name: '--host', value: 'H', help: 'web mode bind address (default 127.0.0.1; anything else is reachable from the network)' },
  { name: '--token', value: 'T', help: `web mode access token, at least ${MIN_TOKEN_LENGTH} of A-Z a-z 0-9 _ - (default: random)` },
  { name: '--help', value: null, help: 'show this help and exit' },
];

export function optionsHelp(usage: string): string {
  const width = Math.max(...optionSpecs.map((s) => label(s).length));
  const lines = optionSpecs.map((s) => `  ${label(s).padEnd(width)}  ${s.help}`);
  return [`Usage: ${usage} [options]`, '', 'Options:', ...lines, ''].join('\n');
}

function label(spec: OptionSpec): string {
  return spec.value ? `${spec.name} ${spec.value}` : spec.name;
}

/** The per-user settings folder each OS expects (what Electron calls userData). */
export function defaultDataDir(env: Env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(env.USERPROFILE || os.homedir(), 'AppData', 'Roaming');
    return path.win32.join(appData, APP_DIR_NAME);
  }
  const home = env.HOME || os.homedir();
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const config = env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.posix.join(home, '.config');
  return path.posix.join(config, APP_DIR_NAME);
}

export function parseOptions(argv: readonly string[], env: Env, platform: NodeJS.Platform = process.platform): ParseResult {
  const options: ScopeOptions = {
    brokerPort: DEFAULT_BROKER_PORT,
    brokerHost: '127.0.0.1',
    brokerOverrides: [],
    demo: null,
    port: DEFAULT_WEB_PORT,
    portIsDefault: true,
    host: '127.0.0.1',
    dataDir: '',
    token: null,
    help: false,
  };
  let dataDir = env.SCOPE_DATA_DIR || null;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--')) return fail(`Unexpected argument "${arg}".`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const spec = optionSpecs.find((s) => s.name === name);
    if (!spec) return fail(`Unknown option ${name}.`);

    let value: string | null = null;
    if (spec.value === null) {
      if (eq !== -1) return fail(`${name} takes no value.`);
    } else if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return fail(`${name} needs a value (${name} ${spec.value}).`);
      value = next;
      i++;
    }

    switch (name) {
      case '--broker-port': {
        const port = parsePort(value!);
        if (port === null) return fail(`--broker-port must be a whole number from 0 to 65535, not "${value}".`);
        options.brokerPort = port;
        if (!options.brokerOverrides.includes('port')) options.brokerOverrides.push('port');
        break;
      }
      case '--port': {
        const port = parsePort(value!);
        if (port === null) return fail(`--port must be a whole number from 0 to 65535, not "${value}".`);
        options.port = port;
        options.portIsDefault = false;
        break;
      }
      case '--broker-host':
      case '--host': {
        if (!isPlausibleHost(value!)) return fail(`${name} must be a host name or IP address, not "${value}".`);
        if (name === '--host') options.host = value!;
        else {
          options.brokerHost = value!;
          if (!options.brokerOverrides.includes('host')) options.brokerOverrides.push('host');
        }
        break;
      }
      case '--demo':
        options.demo = true;
        break;
      case '--no-demo':
        options.demo = false;
        break;
      case '--data-dir':
        if (value!.trim() === '') return fail('--data-dir needs a folder name.');
        dataDir = value!;
        break;
      case '--token':
        if (value!.length < MIN_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value!)) {
          return fail(`--token must be at least ${MIN_TOKEN_LENGTH} characters of A-Z a-z 0-9 _ - (a short token is easy to guess).`);
        }
        options.token = value!;
        break;
    }
  }

  // Relative folders are resolved now so a later chdir cannot move the settings.
  options.dataDir = dataDir ? path.resolve(dataDir) : defaultDataDir(env, platform);
  return { ok: true, options };
}

function fail(error: string): ParseResult {
  return { ok: false, error: `${error} Run with --help to see the options.` };
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

function isPlausibleHost(text: string): boolean {
  // Names, IPv4 and IPv6 (optionally in brackets); the OS has the final word when binding.
  return /^(\[[0-9A-Fa-f:.%\w]+\]|[0-9A-Fa-f:.%\w-]+)$/.test(text) && text.length <= 253;
}
