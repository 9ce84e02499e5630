import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL, registerIpcHost } from '../../main/electron/ipc-host.js';
import { isAppUrl } from '../../main/electron/origin.js';
import { createTestApp, officerSession, type TestApp } from '../support/test-app.js';

// The Electron runtime cannot run here: ipcMain and the invoke event are the only fakes in the suite.
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain(): { ipcMain: IpcMain; invoke(event: IpcMainInvokeEvent, op: unknown, input: unknown, session?: string): Promise<unknown> } {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) } as unknown as IpcMain;
  return { ipcMain, invoke: async (event, op, input, session) => listeners.get(INVOKE_CHANNEL)!(event, op, input, session) };
}

function eventFrom(url: string, isMainFrame = true): IpcMainInvokeEvent {
  const mainFrame = { url };
  const senderFrame = isMainFrame ? mainFrame : { url };
  return { senderFrame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent;
}

describe('IPC host', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(() => app.close());

  it('carries an operation and the window’s session from the app window to the dispatcher', async () => {
    const ipc = fakeIpcMain();
    registerIpcHost(ipc.ipcMain, app.ctx);
    const session = await officerSession(app);
    const result = (await ipc.invoke(eventFrom('app://xhht/index.html'), 'agencies.list', {}, session)) as { ok: boolean };
    expect(result.ok).toBe(true);
  });

  it.each([
    ['another origin', eventFrom('https://evil.example/')],
    ['a file URL', eventFrom('file:///tmp/x.html')],
    ['a subframe of the app', eventFrom('app://xhht/index.html', false)],
    ['a host that only starts like the app', eventFrom('app://xhht.evil.example/index.html')],
    ['the app host on another port', eventFrom('app://xhht:8080/index.html')],
    ['the app host with credentials', eventFrom('app://evil@xhht/index.html')],
    ['another scheme with the app host', eventFrom('https://xhht/index.html')],
    ['a URL that does not parse', eventFrom('app://xhht:port/')],
  ])('refuses calls from %s', async (_name, event) => {
    const ipc = fakeIpcMain();
    registerIpcHost(ipc.ipcMain, app.ctx);
    const result = await ipc.invoke(event, 'agencies.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

// The window's navigation guard and its request filter use the same check as IPC.
describe('isAppUrl compares the whole origin', () => {
  it.each(['app://xhht/index.html', 'app://xhht/', 'app://xhht/assets/index.js?v=1#top'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each(['app://xhhtevil/', 'app://xhht.evil.example/', 'app://xhht:8080/', 'app://evil@xhht/', 'app://xhht:port/', 'https://xhht/', 'app:xhht', ''])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
