// The envelope both transports carry. Errors travel as data because Electron's
// ipcMain.handle strips everything from a thrown error but its message, and the
// renderer needs `field` to show a message next to the input the user got wrong.
import { requestSchemas, type RequestName, type RequestResults } from './contract';

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcErrorData };
export interface RpcErrorData {
  message: string;
  /** The request field the error is about (e.g. 'url', 'topic'), so the UI can show it there. */
  field: string | null;
}

/** Thrown by core code for errors the user can fix; carries the field it concerns. */
export class UserInputError extends Error {
  constructor(message: string, readonly field: string | null = null) {
    super(message);
    this.name = 'UserInputError';
  }
}

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}

export type RequestHandlers = { [K in RequestName]: (arg: never) => Promise<RequestResults[K]> | RequestResults[K] };

/** Validate a request from an untrusted side and run it; never throws. */
export async function dispatchRequest(handlers: RequestHandlers, name: unknown, rawArg: unknown): Promise<RpcResult<unknown>> {
  if (!isRequestName(name)) return { ok: false, error: { message: `Unknown request ${String(name)}`, field: null } };
  const parsed = requestSchemas[name].safeParse(rawArg);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : null;
    return { ok: false, error: { message: `Invalid ${name} request: ${issue?.message ?? 'bad argument'}${field ? ` (${field})` : ''}`, field } };
  }
  try {
    const handler = handlers[name] as (arg: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof UserInputError) return { ok: false, error: { message: err.message, field: err.field } };
    return { ok: false, error: { message: err instanceof Error ? err.message : String(err), field: null } };
  }
}

/** The renderer's side: an RpcResult becomes a value or a thrown RpcError. */
export class RpcError extends Error {
  constructor(message: string, readonly field: string | null) {
    super(message);
    this.name = 'RpcError';
  }
}

export function unwrapResult<T>(result: RpcResult<T>): T {
  if (result.ok) return result.value;
  throw new RpcError(result.error.message, result.error.field);
}
