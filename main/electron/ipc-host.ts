import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contract, isOpName } from '../../shared/contract.js';
import type { Envelope } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { callerMay, dispatch } from '../app/dispatch.js';
import { isAppUrl } from './origin.js';

export const INVOKE_CHANNEL = 'office:invoke';

/** Only our own top-level page may call main; an iframe or another origin gets FORBIDDEN. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/**
 * `desktopOps` answer the few contract ops only the desktop can (the system file
 * dialog, opening with the system application); every other op goes to the dispatcher.
 */
export function registerIpcHost(ipcMain: IpcMain, ctx: AppContext, desktopOps: Record<string, (input: unknown) => Promise<Envelope<unknown>>> = {}): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, op: unknown, input: unknown, session: unknown) => {
    if (!isTrustedSender(event) || typeof op !== 'string') {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ XHHT' } };
    }
    // The window logs in like a browser tab: the session the renderer got at login comes with every call.
    const caller: AppContext = { ...ctx, session: typeof session === 'string' ? session : null };
    if (Object.hasOwn(desktopOps, op)) {
      // The desktop's own ops (file dialog, open a copy) answer the contract op of the same name, with its role.
      const refusal = await callerMay(caller, isOpName(op) ? contract[op].role : 'admin');
      if (refusal) return { ok: false, error: { code: refusal.code, message: refusal.message } };
      return desktopOps[op]!(input);
    }
    return dispatch(op, input, caller);
  });
}
