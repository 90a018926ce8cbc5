// The Electron side: window.scope comes from the preload (electron/main/preload.ts) and
// answers each request with the RpcResult envelope; unwrapping it here turns failures
// into RpcError with `field`, exactly as the WebSocket transport does.
import { eventNames, requestNames, type EventName, type RequestName, type ScopeApi, type ScopeEvents } from '../../shared/contract';
import { unwrapResult, type RpcResult } from '../../shared/rpc';

/** What the preload exposes. Declared here too because renderer/ never imports electron/. */
export type PreloadBridge = { [K in RequestName]: (arg?: unknown) => Promise<RpcResult<unknown>> } & {
  on(event: EventName, handler: (payload: unknown) => void): () => void;
};

export function findPreloadBridge(): PreloadBridge | null {
  const candidate = (globalThis as { scope?: unknown }).scope;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const bridge = candidate as Record<string, unknown>;
  const complete = typeof bridge.on === 'function' && requestNames.every((name) => typeof bridge[name] === 'function');
  return complete ? (candidate as PreloadBridge) : null;
}

export function createElectronApi(bridge: PreloadBridge): ScopeApi {
  const api: Record<string, unknown> = {};
  for (const name of requestNames) {
    api[name] = async (arg?: unknown) => unwrapResult(await bridge[name](arg));
  }
  api.on = <E extends EventName>(event: E, handler: (payload: ScopeEvents[E]) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return bridge.on(event, handler as (payload: unknown) => void);
  };
  return api as unknown as ScopeApi;
}
