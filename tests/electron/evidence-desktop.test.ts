import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL, registerIpcHost } from '../../main/electron/ipc-host.js';
import { createTestApp, officerSession, type TestApp } from '../support/test-app.js';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const appEvent = { senderFrame: { url: 'app://xhht/index.html' }, sender: {} } as unknown as IpcMainInvokeEvent;
(appEvent.sender as unknown as { mainFrame: unknown }).mainFrame = appEvent.senderFrame;

async function host(app: TestApp, desktopOps?: Parameters<typeof registerIpcHost>[2]) {
  const listeners = new Map<string, Listener>();
  registerIpcHost({ handle: (channel: string, listener: Listener) => listeners.set(channel, listener) } as unknown as IpcMain, app.ctx, desktopOps);
  const session = await officerSession(app);
  return (op: string, input: unknown) => listeners.get(INVOKE_CHANNEL)!(appEvent, op, input, session);
}

/**
 * The system file dialog and "open with" exist only in the desktop app: its IPC
 * host answers those ops itself, so no transport can make main read a path the
 * renderer names, and the HTTP host (which goes straight to the dispatcher) refuses them.
 */
describe('desktop-only evidence ops', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(() => app.close());

  it('are answered by the desktop handlers in Electron', async () => {
    const invoke = await host(app, { 'evidence.chooseFiles': async () => ({ ok: true, data: [] }) });
    expect(await invoke('evidence.chooseFiles', {})).toEqual({ ok: true, data: [] });
    expect(await invoke('agencies.list', {})).toMatchObject({ ok: true });
  });

  it('are refused when they reach the dispatcher (a browser through the HTTP host)', async () => {
    const invoke = await host(app);
    for (const [op, input] of [['evidence.chooseFiles', {}], ['evidence.openCopy', { id: '01890a5d-ac96-774b-bcce-b302099a8057' }]] as const) {
      expect(await invoke(op, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/chỉ có trong ứng dụng XHHT trên máy tính/) } });
    }
  });
});
