// The one entry point for the views: they get a ScopeApi and never learn whether it
// runs over Electron IPC (the preload's window.scope) or web mode's WebSocket.
import type { ScopeApi } from '../../shared/contract';
import { createElectronApi, findPreloadBridge } from './electron-transport';
import { createWebSocketApi } from './websocket-transport';

/** Web mode's WebSocket path (electron/web/web-host.ts). */
const WEBSOCKET_PATH = '/ws';

export function connectScopeApi(): Promise<ScopeApi> {
  const bridge = findPreloadBridge();
  if (bridge) return Promise.resolve(createElectronApi(bridge));

  // The page was loaded with ?token=...; the host also set a cookie, which the
  // WebSocket sends by itself, so a page opened without the query still works.
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return createWebSocketApi({
    url: `${scheme}//${location.host}${WEBSOCKET_PATH}${query}`,
    describeFailure: `Could not connect to MQTT Scope at ${location.host}. Open the address it printed when it started (with ?token=...), and check that it is still running.`,
  });
}
