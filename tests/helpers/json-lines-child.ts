// A load generator or test client in a Node child process of its own (so it shares no
// event loop with the app under test): it gets its settings as one JSON argument and
// reports as JSON lines on stdout, which are kept here in order.
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { waitFor } from './wait-for';

export interface ChildEvent {
  event: string;
  [key: string]: unknown;
}

export interface JsonLinesChild {
  readonly events: ChildEvent[];
  /** Its stderr so far (for failure messages). */
  stderr(): string;
  /** Waits (bounded) for the first event matching the predicate; the error says so if the child exited. */
  waitForEvent(predicate: (e: ChildEvent) => boolean, what: string, timeoutMs?: number): Promise<ChildEvent>;
  /** Writes one line to its stdin. */
  send(line: string): void;
  kill(): Promise<void>;
}

export function startJsonLinesChild(script: string, settings: unknown): JsonLinesChild {
  const child: ChildProcess = spawn(process.execPath, [script, JSON.stringify(settings)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const events: ChildEvent[] = [];
  let stderr = '';
  let exit: string | null = null;
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (stderr += d));
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as ChildEvent);
    } catch {
      events.push({ event: 'unparsed', line });
    }
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = `exited with ${code ?? signal}`;
      resolve();
    });
  });
  return {
    events,
    stderr: () => stderr,
    waitForEvent: (predicate, what, timeoutMs = 30_000) =>
      waitFor(
        () => {
          const found = events.find(predicate);
          if (found) return found;
          if (exit) throw new Error(`${script} ${exit} before ${what}: ${stderr.trim().slice(-1000)}`);
          return null;
        },
        { what, timeoutMs, intervalMs: 50 },
      ),
    send: (line) => {
      if (!exit) child.stdin!.write(`${line}\n`);
    },
    kill: async () => {
      if (exit) return;
      child.kill('SIGKILL');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}
