// The connection status in words: the top bar and the connection list say the same thing.
import type { ConnectionStatus } from '../../shared/contract';

export type StatusTone = 'ok' | 'busy' | 'bad' | 'off';

/** Seconds until the next try, rounded up so the countdown never shows 0 while waiting. */
export function secondsUntil(epochMs: number, now: number): number {
  return Math.max(0, Math.ceil((epochMs - now) / 1000));
}

export function statusText(status: ConnectionStatus, now: number): string {
  switch (status.kind) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'reconnecting':
      return `Reconnecting (attempt ${status.attempt}, next try in ${secondsUntil(status.nextRetryAt, now)} s)`;
    case 'failed':
      return `Failed: ${status.reason}`;
    case 'disconnected':
      return 'Disconnected';
  }
}

export function statusTone(status: ConnectionStatus): StatusTone {
  switch (status.kind) {
    case 'connected':
      return 'ok';
    case 'connecting':
    case 'reconnecting':
      return 'busy';
    case 'failed':
      return 'bad';
    case 'disconnected':
      return 'off';
  }
}

/** Whether the text changes by itself over time (the reconnect countdown). */
export function statusTicks(status: ConnectionStatus): boolean {
  return status.kind === 'reconnecting';
}
