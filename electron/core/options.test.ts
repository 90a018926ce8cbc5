import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BROKER_PORT, DEFAULT_WEB_PORT, defaultDataDir, isLoopbackHost, optionsHelp, parseOptions, type ScopeOptions } from './options';

const env = { HOME: '/home/ada' };

function parsed(argv: string[], environment: Record<string, string> = env): ScopeOptions {
  const result = parseOptions(argv, environment, 'linux');
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.options;
}

function error(argv: string[]): string {
  const result = parseOptions(argv, env, 'linux');
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseOptions', () => {
  it('has defaults that start the embedded broker and a loopback-only web host', () => {
    expect(parsed([])).toEqual({
      brokerPort: DEFAULT_BROKER_PORT,
      brokerHost: '127.0.0.1',
      brokerOverrides: [],
      demo: null,
      port: DEFAULT_WEB_PORT,
      portIsDefault: true,
      host: '127.0.0.1',
      dataDir: '/home/ada/.config/mqtt-scope',
      token: null,
      help: false,
    });
  });

  it('reads values given as separate arguments or with =', () => {
    const options = parsed(['--broker-port', '0', '--port=9000', '--host', '0.0.0.0', '--broker-host=::1', '--data-dir', '/tmp/x']);
    expect(options).toMatchObject({ brokerPort: 0, port: 9000, portIsDefault: false, host: '0.0.0.0', brokerHost: '::1', dataDir: '/tmp/x' });
  });

  it('notes which broker flags were given, so they win over the saved broker settings', () => {
    expect(parsed(['--broker-port', '1884']).brokerOverrides).toEqual(['port']);
    expect(parsed(['--broker-host', '0.0.0.0', '--broker-port=1', '--broker-host', '::']).brokerOverrides).toEqual(['host', 'port']);
  });

  it('keeps --port 0 as "any free port" and marks it explicit', () => {
    expect(parsed(['--port', '0'])).toMatchObject({ port: 0, portIsDefault: false });
  });

  it('maps --demo and --no-demo, the last one winning', () => {
    expect(parsed(['--demo']).demo).toBe(true);
    expect(parsed(['--no-demo']).demo).toBe(false);
    expect(parsed(['--no-demo', '--demo']).demo).toBe(true);
  });

  it('takes the data folder from SCOPE_DATA_DIR unless --data-dir overrides it, resolving relative paths', () => {
    expect(parsed([], { ...env, SCOPE_DATA_DIR: '/srv/scope' }).dataDir).toBe('/srv/scope');
    expect(parsed(['--data-dir', '/a'], { ...env, SCOPE_DATA_DIR: '/srv/scope' }).dataDir).toBe('/a');
    expect(parsed(['--data-dir', 'rel']).dataDir).toBe(path.resolve('rel'));
  });

  it('accepts a long URL-safe token and refuses short or odd ones', () => {
    const token = 'A'.repeat(22);
    expect(parsed(['--token', token]).token).toBe(token);
    expect(error(['--token', 'secret'])).toMatch(/--token must be at least 22/);
    expect(error(['--token', `${'a'.repeat(22)}/`])).toMatch(/--token/);
  });

  it('recognises --help and -h', () => {
    expect(parsed(['--help']).help).toBe(true);
    expect(parsed(['-h']).help).toBe(true);
  });

  it('explains unknown options, missing values and bad values in one sentence', () => {
    expect(error(['--brokerport', '1'])).toBe('Unknown option --brokerport. Run with --help to see the options.');
    expect(error(['--port'])).toMatch(/^--port needs a value/);
    expect(error(['--port', '--demo'])).toMatch(/^--port needs a value/);
    expect(error(['--port', '70000'])).toMatch(/^--port must be a whole number from 0 to 65535, not "70000"/);
    expect(error(['--broker-port', '-1'])).toMatch(/^--broker-port/);
    expect(error(['--broker-port', '1.5'])).toMatch(/^--broker-port/);
    expect(error(['--host', 'a b'])).toMatch(/^--host must be a host name/);
    expect(error(['--demo=yes'])).toMatch(/^--demo takes no value/);
    expect(error(['stray'])).toMatch(/^Unexpected argument "stray"/);
    expect(error(['--data-dir', ''])).toMatch(/^--data-dir needs a folder/);
  });
});

describe('defaultDataDir', () => {
  it('follows each OS convention', () => {
    expect(defaultDataDir({ HOME: '/home/ada' }, 'linux')).toBe('/home/ada/.config/mqtt-scope');
    expect(defaultDataDir({ HOME: '/home/ada', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/mqtt-scope');
    expect(defaultDataDir({ HOME: '/home/ada', XDG_CONFIG_HOME: 'relative' }, 'linux')).toBe('/home/ada/.config/mqtt-scope');
    expect(defaultDataDir({ HOME: '/Users/ada' }, 'darwin')).toBe('/Users/ada/Library/Application Support/mqtt-scope');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\ada\\AppData\\Roaming\\mqtt-scope');
  });
});

describe('optionsHelp', () => {
  it('lists every option on its own line', () => {
    const help = optionsHelp('mqtt-scope');
    for (const name of ['--broker-port', '--broker-host', '--demo', '--no-demo', '--data-dir', '--port', '--host', '--token', '--help']) {
      expect(help.split('\n').filter((line) => line.trimStart().startsWith(`${name} `))).toHaveLength(1);
    }
  });
});

describe('isLoopbackHost', () => {
  it('tells loopback from network addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.2', 'example.com']) expect(isLoopbackHost(host)).toBe(false);
  });
});
