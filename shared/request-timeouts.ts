// How long a transport waits for an answer. Most requests answer at once; some wait on
// the network by design (a request waiting for its reply, a scan waiting for the broker
// to go quiet, a clear of many topics with its check), and a fixed limit would report
// them as failed while the core is still at work.
import type { RequestName } from './contract';

const checkScanMs = 40_000;
/** Clears and restores show their progress meanwhile; this only catches a core that never answers. */
const bulkMs = 30 * 60_000;

export function answerTimeoutMs(name: RequestName, arg: unknown, baseMs: number): number {
  const a = (arg ?? {}) as { timeoutMs?: number };
  switch (name) {
    case 'sendRequest':
      return baseMs + (a.timeoutMs ?? 0);
    case 'scanRetained':
      return baseMs + (a.timeoutMs ?? 30_000) + 10_000;
    case 'compareRetained':
      return baseMs + checkScanMs;
    case 'clearRetained':
    case 'restoreRetained':
      return baseMs + bulkMs;
    default:
      return baseMs;
  }
}
