// The contract over Electron IPC. Requests arrive on one channel, are accepted only
// from the main frame of one of our windows showing our origin (ipc-sender.ts), and are
// validated by dispatchRequest; events go back on one channel. One core session per document.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatchRequest, type RpcResult } from '../../shared/rpc';
import type { EventPush, ScopeSession } from '../core/scope-core';
import { isAppUrl } from './app-origin';
import { EVENT_CHANNEL, REQUEST_CHANNEL, SESSION_CHANNEL } from './ipc-channels';
import { isTrustedSender, type IpcSender } from './ipc-sender';

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

  const fromTrustedSender = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => isTrustedSender(describeSender(event), trusted);

  const closeSession = (id: number): void => {
    sessions.get(id)?.close();
    sessions.delete(id);
  };

  const openSession = (contents: WebContents): ScopeSession => {
    closeSession(contents.id);
    const session = core.openSession((event, payload) => {
      // Only to our own document: should the window ever show another origin (a main-process
      // loadURL, a bug), that page must not receive the session's data.
      if (!contents.isDestroyed() && isAppUrl(contents.mainFrame.url)) contents.send(EVENT_CHANNEL, event, payload);
    });
    sessions.set(contents.id, session);
    return session;
  };

  ipcMain.on(SESSION_CHANNEL, (event) => {
    if (fromTrustedSender(event)) openSession(event.sender);
  });

  ipcMain.handle(REQUEST_CHANNEL, (event, name: unknown, arg: unknown) => {
    if (!fromTrustedSender(event)) {
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

function describeSender(event: IpcMainEvent | IpcMainInvokeEvent): IpcSender {
  // senderFrame is null when the frame navigated away or was destroyed meanwhile.
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  // The same frame as the window's main frame, not merely a frame without a parent
  // (a fenced frame's root has no parent either).
  const frameIsMain = frame !== null && frame.parent === null && frame.processId === main.processId && frame.frameToken === main.frameToken;
  return { senderId: event.sender.id, frameIsMain, frameUrl: frame?.url ?? null };
}
