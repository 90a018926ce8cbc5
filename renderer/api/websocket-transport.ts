// The browser side of web mode: the contract over one WebSocket, with request ids,
// a timeout per request, reconnection with backoff, and view state replayed onto the
// fresh session a reconnection brings.
import { answerTimeoutMs } from '../../shared/request-timeouts';
import { eventNames, requestNames, type EventName, type RequestName, type ScopeApi, type ScopeEvents } from '../../shared/contract';
import { RpcError, unwrapResult, type RpcResult } from '../../shared/rpc';
import { ViewStateLog } from './view-state-replay';

/** The part of the DOM WebSocket this client uses; tests pass the `ws` package's. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface WebSocketApiOptions {
  url: string;
  /** Said in the error when the very first connection fails. */
  describeFailure?: string;
  requestTimeoutMs?: number;
  createSocket?: (url: string) => SocketLike;
}

const OPEN = 1;
const DEFAULT_TIMEOUT_MS = 30_000;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

interface Pending {
  name: RequestName;
  arg: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Still waiting for an open socket: the message has not left yet. */
  queued: string | null;
}

/** Resolves once connected; rejects if the first connection fails (wrong token, server gone). */
export function createWebSocketApi(options: WebSocketApiOptions): Promise<ScopeApi> {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const viewState = new ViewStateLog();
  let socket: SocketLike | null = null;
  let nextId = 1;
  let everOpened = false;
  let retryDelay = RECONNECT_MIN_MS;

  const settle = (id: number, error: Error): void => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.reject(error);
  };

  const receive = (data: unknown): void => {
    let message: { id?: unknown; result?: RpcResult<unknown>; event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (typeof message.id === 'number' && message.result) {
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      clearTimeout(entry.timer);
      try {
        entry.resolve(unwrapResult(message.result));
      } catch (err) {
        entry.reject(err as Error);
      }
      return;
    }
    if (typeof message.event === 'string') {
      for (const handler of listeners.get(message.event as EventName) ?? []) {
        try {
          handler(message.payload);
        } catch (err) {
          console.error(`A handler for the ${message.event} event failed:`, err);
        }
      }
    }
  };

  const request = (name: RequestName, arg: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const text = JSON.stringify({ id, name, arg });
      const limit = answerTimeoutMs(name, arg, timeoutMs);
      const timer = setTimeout(() => settle(id, new RpcError(`MQTT Scope did not answer ${name} within ${limit / 1000} s.`, null)), limit);
      const open = socket !== null && socket.readyState === OPEN;
      pending.set(id, { name, arg, resolve, reject, timer, queued: open ? null : text });
      if (open) {
        // Recorded when sent, not when called: a queued request is delivered by the flush, not the replay.
        viewState.record(name, arg);
        socket!.send(text);
      }
    });

  const methods: Record<string, unknown> = {};
  for (const name of requestNames) methods[name] = (arg?: unknown) => request(name, arg);
  methods.on = <E extends EventName>(event: E, handler: (payload: ScopeEvents[E]) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const wrapped = handler as (payload: unknown) => void;
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  };
  const api = methods as unknown as ScopeApi;

  return new Promise<ScopeApi>((resolveApi, rejectApi) => {
    const connect = (): void => {
      const ws = createSocket(options.url);
      socket = ws;
      ws.onopen = () => {
        retryDelay = RECONNECT_MIN_MS;
        if (everOpened) {
          // Fire and forget: their answers carry ids nobody waits for and are dropped.
          for (const { name, arg } of viewState.replay()) ws.send(JSON.stringify({ id: nextId++, name, arg }));
        }
        for (const entry of pending.values()) {
          if (entry.queued !== null) {
            viewState.record(entry.name, entry.arg);
            ws.send(entry.queued);
            entry.queued = null;
          }
        }
        if (!everOpened) {
          everOpened = true;
          resolveApi(api);
        }
      };
      ws.onmessage = (event) => receive(event.data);
      ws.onerror = () => {
        // The close event follows and does the work; browsers give no detail here anyway.
      };
      ws.onclose = () => {
        if (socket !== ws) return;
        socket = null;
        if (!everOpened) {
          for (const id of [...pending.keys()]) settle(id, new RpcError('Not connected to MQTT Scope.', null));
          rejectApi(new RpcError(options.describeFailure ?? `Could not connect to ${options.url}.`, null));
          return;
        }
        // Sent but unanswered: the outcome is unknown, so say so rather than resend (publish!).
        for (const [id, entry] of pending) {
          if (entry.queued === null) settle(id, new RpcError(`The connection to MQTT Scope was lost before ${entry.name} was answered.`, null));
        }
        setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, RECONNECT_MAX_MS);
      };
    };
    connect();
  });
}
