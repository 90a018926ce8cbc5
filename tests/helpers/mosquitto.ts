// A private mosquitto for one test file: its own temp dir, config, password file and
// log, on a free loopback port. Only the Debian binaries are assumed (mosquitto,
// mosquitto_passwd, mosquitto_pub, mosquitto_sub); nothing from a system config.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { canConnect, freePort } from './free-port';
import { waitFor } from './wait-for';

const execFileAsync = promisify(execFile);

export interface MosquittoUser {
  user: string;
  password: string;
}

export interface MosquittoOptions {
  /** With users: allow_anonymous false and a password file holding them. Without: anonymous allowed. */
  passwordUsers?: MosquittoUser[];
  /** The listener's max_qos (mosquitto 2.0+): subscriptions above it are granted at it. */
  maxQos?: 0 | 1 | 2;
  /** More config lines, appended as they are. */
  extraConfig?: string[];
  /** A fixed port (to restart a broker where it was); default: a free one. */
  port?: number;
  /** What mosquitto logs; default every packet ('all'). Benchmarks log errors only: a line per packet would be the bottleneck. */
  logTypes?: string[];
  /**
   * Persistence on, its database in this folder (the caller's: it outlives the broker, so a
   * broker started again on it restores the sessions). mosquitto writes the database as a
   * snapshot; it is told to write one after every change, so a kill loses as little as it can.
   */
  persistenceDir?: string;
}

export interface MosquittoBroker {
  port: number;
  url: string;
  logFile: string;
  /** The log as written so far (log_type all: every packet mosquitto sends and receives). */
  log(): string;
  /**
   * Waits (bounded) until the log has a line matching the pattern; `from` is a
   * character offset (log().length taken earlier) to look only at what came after it.
   */
  waitForLog(pattern: RegExp, what: string, options?: { timeoutMs?: number; from?: number }): Promise<string>;
  /** Writes the persistence database now (SIGUSR1) and waits until the log says it did (the default log types say it). */
  saveDatabase(): Promise<void>;
  /** SIGKILL, as a crash or a power cut would: no clean shutdown, no last save. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function brokerBinary(): string {
  return fs.existsSync('/usr/sbin/mosquitto') ? '/usr/sbin/mosquitto' : 'mosquitto';
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<MosquittoBroker> {
  // A free port can be taken between the probe and mosquitto's bind: try a few.
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      lastError = err;
      if (!/Address already in use/i.test((err as Error).message)) throw err;
    }
  }
  throw lastError;
}

async function startOnce(options: MosquittoOptions): Promise<MosquittoBroker> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-mosquitto-'));
  const port = options.port ?? (await freePort());
  const confFile = path.join(dir, 'mosquitto.conf');
  const logFile = path.join(dir, 'mosquitto.log');
  const users = options.passwordUsers ?? [];
  const persistence = options.persistenceDir
    ? ['persistence true', `persistence_location ${options.persistenceDir}/`, 'autosave_on_changes true', 'autosave_interval 1']
    : ['persistence false'];
  const lines = [`listener ${port} 127.0.0.1`, ...persistence, `log_dest file ${logFile}`, ...(options.logTypes ?? ['all']).map((t) => `log_type ${t}`), 'connection_messages true'];
  if (users.length > 0) {
    const passwordFile = path.join(dir, 'passwords');
    for (let i = 0; i < users.length; i++) {
      const args = i === 0 ? ['-b', '-c', passwordFile, users[i].user, users[i].password] : ['-b', passwordFile, users[i].user, users[i].password];
      await execFileAsync('mosquitto_passwd', args, { timeout: 10_000 });
    }
    lines.push('allow_anonymous false', `password_file ${passwordFile}`);
  } else {
    lines.push('allow_anonymous true');
  }
  if (options.maxQos !== undefined) lines.push(`max_qos ${options.maxQos}`);
  // As root mosquitto drops to the 'mosquitto' user, which cannot write our temp dir.
  if (process.getuid?.() === 0) lines.push('user root');
  lines.push(...(options.extraConfig ?? []));
  fs.writeFileSync(confFile, `${lines.join('\n')}\n`);

  const child = spawn(brokerBinary(), ['-c', confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.once('error', (err) => {
      stderr += `\n${err.message}`;
      exited = { code: -1, signal: null };
      resolve();
    });
  });
  const readLog = () => {
    try {
      return fs.readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const termed = await Promise.race([exitPromise.then(() => true), delay(5000).then(() => false)]);
      if (!termed) {
        child.kill('SIGKILL');
        await Promise.race([exitPromise, delay(5000)]);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitFor(
      async () => {
        if (exited) throw new Error(`mosquitto exited (${JSON.stringify(exited)}): ${stderr.trim()} ${readLog().trim()}`);
        return canConnect(port, '127.0.0.1', 500);
      },
      { what: `mosquitto to accept connections on 127.0.0.1:${port}`, timeoutMs: 10_000, intervalMs: 50 },
    );
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    logFile,
    log: readLog,
    waitForLog: (pattern, what, { timeoutMs = 10_000, from = 0 } = {}) =>
      waitFor(
        () =>
          readLog()
            .slice(from)
            .split('\n')
            .find((line) => pattern.test(line)),
        { what: `mosquitto log: ${what}`, timeoutMs },
      ),
    saveDatabase: async () => {
      const from = readLog().length;
      child.kill('SIGUSR1');
      await waitFor(() => readLog().slice(from).includes('Saving in-memory database'), { what: 'mosquitto log: the database saved after SIGUSR1', timeoutMs: 10_000 });
    },
    kill: async () => {
      if (exited) return;
      child.kill('SIGKILL');
      await Promise.race([exitPromise, delay(5000)]);
    },
    stop,
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs mosquitto_pub with these arguments (bounded); rejects with its stderr when it fails. */
export async function mosquittoPub(args: string[], timeoutMs = 10_000): Promise<void> {
  try {
    await execFileAsync('mosquitto_pub', args, { timeout: timeoutMs });
  } catch (err) {
    const e = err as Error & { stderr?: string; code?: unknown };
    throw new Error(`mosquitto_pub ${args.join(' ')} failed (${String(e.code)}): ${e.stderr ?? e.message}`);
  }
}

export interface SubResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** stdout split into lines (without their newline), as raw bytes. */
  messages: Buffer[];
}

export interface RunningSub {
  /** The message lines printed so far. */
  current(): Buffer[];
  /**
   * Waits (bounded) until at least n lines are out. mosquitto_sub flushes after each
   * message but not after its -d debug lines, so "subscribed" cannot be read from -d
   * through a pipe: wait for the broker's log, or for a retained marker message.
   */
  waitForMessages(n: number, timeoutMs?: number): Promise<Buffer[]>;
  /** Resolves when mosquitto_sub exits (use -C and -W so it does). */
  done: Promise<SubResult>;
  kill(): Promise<void>;
}

export function startMosquittoSub(args: string[]): RunningSub {
  const child: ChildProcess = spawn('mosquitto_sub', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  let exited = false;
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<SubResult>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      exited = true;
      const stdout = Buffer.concat(chunks);
      resolve({ code, signal, stdout, stderr, messages: lines(stdout) });
    };
    child.once('close', finish);
    child.once('error', (err) => {
      stderr += err.message;
      finish(-1, null);
    });
  });
  const current = () => lines(Buffer.concat(chunks));
  return {
    current,
    waitForMessages: (n, timeoutMs = 10_000) =>
      waitFor(
        () => {
          const got = current();
          if (got.length >= n) return got;
          if (exited) throw new Error(`mosquitto_sub exited with ${got.length} of ${n} lines: ${stderr.trim()}`);
          return null;
        },
        { what: `${n} line(s) from mosquitto_sub ${args.join(' ')}`, timeoutMs },
      ),
    done,
    kill: async () => {
      if (!exited) {
        child.kill('SIGKILL');
        await Promise.race([done, delay(5000)]);
      }
    },
  };
}

/** Complete lines only: a line is a message once its newline is out. */
function lines(stdout: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (;;) {
    const end = stdout.indexOf(0x0a, start);
    if (end === -1) break;
    out.push(Buffer.from(stdout.subarray(start, end)));
    start = end + 1;
  }
  return out;
}
