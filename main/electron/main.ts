import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from '../app/compose.js';
import { registerAppProtocol, APP_ORIGIN } from './app-protocol.js';
import { electronPrinter } from './electron-printer.js';
import { registerIpcHost } from './ipc-host.js';

const bundleDir = dirname(fileURLToPath(import.meta.url));

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** The renderer is our own code only: no remote content, no navigation, no new windows, no permissions. */
function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith(APP_ORIGIN) && !details.url.startsWith('devtools:') && !details.url.startsWith('blob:') && !details.url.startsWith('data:') });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    title: 'XHHT',
    show: false,
    webPreferences: {
      preload: join(bundleDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession();
  registerAppProtocol(join(bundleDir, '..', 'renderer'));
  const ctx = await composeApp(join(app.getPath('userData'), 'data'), { printer: electronPrinter() });
  registerIpcHost(ipcMain, ctx);
  createWindow();
  app.on('window-all-closed', () => {
    void ctx.close().then(() => app.quit());
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void start();
