import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { AppContext } from '../app/context.js';
import { dispatch } from '../app/dispatch.js';
import { isAppUrl } from './origin.js';

export const INVOKE_CHANNEL = 'office:invoke';

/** Only our own top-level page may call main; an iframe or another origin gets FORBIDDEN. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

export function registerIpcHost(ipcMain: IpcMain, ctx: AppContext): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, op: unknown, input: unknown) => {
    if (!isTrustedSender(event) || typeof op !== 'string') {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ XHHT' } };
    }
    return dispatch(op, input, ctx);
  });
}
