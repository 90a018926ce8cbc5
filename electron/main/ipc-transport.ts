// The contract over Electron IPC. Requests arrive on one channel, are accepted only
// from the main frame of one of our windows showing our origin, and are validated by
// dispatchRequest; events go back on one channel. One core session per document.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatchRequest, type RpcResult } from '../../shared/rpc';
import type { EventPush, ScopeSession } from '../core/scope-core';
import { isAppUrl } from './app-origin';
import { EVENT_CHANNEL, REQUEST_CHANNEL, SESSION_CHANNEL } from './ipc-channels';

export interface SessionSource {
  openSession(push: EventPush): ScopeSession;
}

export interface IpcTransport {
  /** Accept IPC from this window's contents (its main frame) from now on. */
  trust(contents: WebContents): void;
  dispose(): void;
}

const REFUSED: RpcResult<never> = { ok: false, error: { message: 'Refused: this frame may not use MQTT Scope.', field: null } };

export function bindIpcTransport(core: SessionSource): IpcTransport {
  // Keyed by id: WebContents ids are unique for the app's lifetime, object identity is an implementation detail.
  const trusted = new Set<number>();
  const sessions = new Map<number, ScopeSession>();

  const isTrustedSender = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    // senderFrame is null when the frame navigated away or was destroyed meanwhile.
    return trusted.has(event.sender.id) && frame !== null && frame.parent === null && isAppUrl(frame.url);
  };

  const closeSession = (id: number): void => {
    sessions.get(id)?.close();
    sessions.delete(id);
  };

  const openSession = (contents: WebContents): ScopeSession => {
    closeSession(contents.id);
    const session = core.openSession((event, payload) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    });
    sessions.set(contents.id, session);
    return session;
  };

  ipcMain.on(SESSION_CHANNEL, (event) => {
    if (isTrustedSender(event)) openSession(event.sender);
  });

  ipcMain.handle(REQUEST_CHANNEL, (event, name: unknown, arg: unknown) => {
    if (!isTrustedSender(event)) {
      console.warn(`MQTT Scope refused an IPC request from ${event.senderFrame?.url ?? 'a vanished frame'}.`);
      return REFUSED;
    }
    const session = sessions.get(event.sender.id) ?? openSession(event.sender);
    return dispatchRequest(session.handlers, name, arg);
  });

  return {
    trust(contents) {
      const id = contents.id;
      trusted.add(id);
      contents.once('destroyed', () => {
        trusted.delete(id);
        closeSession(id);
      });
      contents.on('render-process-gone', () => closeSession(id));
    },
    dispose() {
      ipcMain.removeHandler(REQUEST_CHANNEL);
      ipcMain.removeAllListeners(SESSION_CHANNEL);
      for (const id of [...sessions.keys()]) closeSession(id);
      trusted.clear();
    },
  };
}
