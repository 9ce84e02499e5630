import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { dispatch } from '../app/dispatch.js';
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
  ipcMain.handle(INVOKE_CHANNEL, (event, op: unknown, input: unknown) => {
    if (!isTrustedSender(event) || typeof op !== 'string') {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ XHHT' } };
    }
    if (Object.hasOwn(desktopOps, op)) return desktopOps[op]!(input);
    return dispatch(op, input, ctx);
  });
}
